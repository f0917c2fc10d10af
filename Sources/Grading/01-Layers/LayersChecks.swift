import Course
import Foundation
import RepLearn

/// Lecture 1's checks. Inputs come from a fixed seed per check; expected values come from the
/// Double oracles (forward) and centred finite differences of them (backward), never from
/// Solutions/.
public enum LayersChecks {
    public typealias Impl = any LayersExercises

    static let forwardTol = "|got − expected| ≤ max(1e-5, 1e-5·|expected|): Float32 rounding of sums of ≤ 8 O(1) products is ~1e-6"
    static let gradTol = "per entry, |got − expected| / max(|got|, |expected|, 1e-2·max|expected|) ≤ 1e-3 vs centred differences in Double "
        + "(GradientCheck.float32Threshold): Float32 gives ≲ 1e-4, a missing factor or term ≳ 1e-1"

    public static var all: [Check<Impl>] { linear + relu + l2Norm + softmax + stack + gradientCheck }

    // MARK: 1.1 Linear

    /// Shapes (n, d, k) the linear checks run at: non-square, unrelated, one a single example.
    static let linearShapes = [(5, 3, 4), (7, 6, 2), (1, 4, 5)]

    static func linearInputs(_ n: Int, _ d: Int, _ k: Int) -> (x: Tensor, w: Tensor, b: Tensor, c: Tensor) {
        var rng = SeededGenerator(seed: UInt64(11 + 100 * n + 10 * d + k))
        return (Tensor.randomNormal([n, d], using: &rng), Tensor.randomNormal([k, d], using: &rng),
                Tensor.randomNormal([k], using: &rng), Tensor.randomNormal([n, k], using: &rng))
    }

    static let linear: [Check<Impl>] = [
        Check("1.1a", exercise: "1.1", "forward: y = x Wᵀ + b for (n, d, k) = (5, 3, 4), (7, 6, 2), (1, 4, 5)", tolerance: forwardTol) { impl in
            for (n, d, k) in linearShapes {
                let (x, w, b, _) = linearInputs(n, d, k)
                let y = try impl.linearForward(x, weight: w, bias: b)
                try Expect.close(y, LayerOracle.linear(DMatrix(x), DMatrix(w), DMatrix(b).data), abs: 1e-5, rel: 1e-5,
                                 "linearForward for x [\(n), \(d)], W [\(k), \(d)]")
            }
        },
        Check("1.1b", exercise: "1.1", "backward: ∂L/∂x matches finite differences, at every shape of 1.1a", tolerance: gradTol) { impl in
            for (n, d, k) in linearShapes {
                let (x, w, b, c) = linearInputs(n, d, k)
                let g = try impl.linearBackward(x, weight: w, outputGradient: c)
                let (dw, db, dc) = (DMatrix(w), DMatrix(b).data, DMatrix(c))
                let num = LayerOracle.numerical(DMatrix(x)) { LayerOracle.probe(LayerOracle.linear($0, dw, db), dc) }
                try Expect.gradient(g.input, num, "∂L/∂x for x [\(n), \(d)], W [\(k), \(d)]")
            }
        },
        Check("1.1c", exercise: "1.1", "backward: ∂L/∂W and ∂L/∂b match finite differences, at every shape of 1.1a", tolerance: gradTol) { impl in
            for (n, d, k) in linearShapes {
                let (x, w, b, c) = linearInputs(n, d, k)
                let g = try impl.linearBackward(x, weight: w, outputGradient: c)
                let (dx, db, dc) = (DMatrix(x), DMatrix(b), DMatrix(c))
                let numW = LayerOracle.numerical(DMatrix(w)) { LayerOracle.probe(LayerOracle.linear(dx, $0, db.data), dc) }
                try Expect.gradient(g.weight, numW, "∂L/∂W for x [\(n), \(d)], W [\(k), \(d)]")
                let wm = DMatrix(w)
                let numB = LayerOracle.numerical(db) { LayerOracle.probe(LayerOracle.linear(dx, wm, $0.data), dc) }
                try Expect.gradient(g.bias, numB, "∂L/∂b for x [\(n), \(d)], W [\(k), \(d)]")
            }
        },
    ]

    // MARK: 1.2 ReLU

    /// Values at least 0.1 away from the kink, so finite differences see a smooth function.
    static func awayFromKink(_ shape: [Int], seed: UInt64) -> Tensor {
        var rng = SeededGenerator(seed: seed)
        return Tensor.randomNormal(shape, using: &rng).map { ($0 < 0 ? -1 : 1) * (0.1 + abs($0)) }
    }

    static let relu: [Check<Impl>] = [
        Check("1.2a", exercise: "1.2", "forward: max(x, 0), elementwise, including x = 0, for [4, 5] and [3, 7]", tolerance: "exact: no arithmetic is involved") { impl in
            for (shape, seed) in [([4, 5], 21), ([3, 7], 24)] as [([Int], UInt64)] {
                var x = awayFromKink(shape, seed: seed)
                x.data[3] = 0
                let y = try impl.reluForward(x)
                try Expect.close(y, LayerOracle.relu(DMatrix(x)), abs: 0, rel: 0, "reluForward of \(shape)")
            }
        },
        Check("1.2b", exercise: "1.2", "backward: matches finite differences for [4, 5] and [3, 7], and is 0 at x = 0 exactly", tolerance: gradTol) { impl in
            for (shape, seed) in [([4, 5], 22), ([3, 7], 25)] as [([Int], UInt64)] {
                let x = awayFromKink(shape, seed: seed)
                var rng = SeededGenerator(seed: seed + 1)
                let c = Tensor.randomNormal(shape, using: &rng)
                let dc = DMatrix(c)
                let num = LayerOracle.numerical(DMatrix(x)) { LayerOracle.probe(LayerOracle.relu($0), dc) }
                try Expect.gradient(try impl.reluBackward(x, outputGradient: c), num, "∂L/∂x for \(shape)")
            }
            let zero = try impl.reluBackward(Tensor.zeros([1, 3]), outputGradient: Tensor(repeating: 1, shape: [1, 3]))
            try Expect.close(zero, DMatrix(rows: 1, cols: 3), abs: 0, rel: 0, "∂L/∂x at x = 0 (the convention: 0)")
        },
    ]

    // MARK: 1.3 L2 normalisation

    /// x: [4, 5] with a long row (×300), a short one (×0.01) and, with `zeroRow`, row 3 all zeros; or [6, 3].
    static func l2Inputs(wide: Bool = true, zeroRow: Bool = false) -> (x: Tensor, c: Tensor) {
        var rng = SeededGenerator(seed: wide ? 31 : 34)
        let shape = wide ? [4, 5] : [6, 3]
        var x = Tensor.randomNormal(shape, using: &rng)
        for j in 0..<shape[1] { x[1, j] *= 300; x[2, j] *= 0.01 }   // long and short rows
        if zeroRow { for j in 0..<shape[1] { x[3, j] = 0 } }
        return (x, Tensor.randomNormal(shape, using: &rng))
    }

    static let l2Norm: [Check<Impl>] = [
        Check("1.3a", exercise: "1.3", "forward: each row divided by its Euclidean norm (rows of very different lengths; [4, 5] and [6, 3]); a zero row stays zero",
              tolerance: "|got − expected| ≤ max(1e-6, 1e-5·|expected|): outputs are ≤ 1 in size; the zero row exactly 0") { impl in
            for wide in [true, false] {
                let (x, _) = l2Inputs(wide: wide, zeroRow: true)
                try Expect.close(try impl.l2NormalizeForward(x), LayerOracle.l2Norm(DMatrix(x)), abs: 1e-6, rel: 1e-5,
                                 "l2NormalizeForward of \(x.shape) (row 3 is all zeros)")
            }
        },
        Check("1.3b", exercise: "1.3", "backward: matches finite differences entry by entry (a row ×300 and a row ×0.01), [4, 5] and [6, 3]", tolerance: gradTol) { impl in
            for wide in [true, false] {
                let (x, c) = l2Inputs(wide: wide)
                let y = LayerOracle.l2Norm(DMatrix(x)).tensor
                let dc = DMatrix(c)
                let num = LayerOracle.numerical(DMatrix(x)) { LayerOracle.probe(LayerOracle.l2Norm($0), dc) }
                try Expect.gradient(try impl.l2NormalizeBackward(x, output: y, outputGradient: c), num, "∂L/∂x for \(x.shape)")
            }
        },
        Check("1.3c", exercise: "1.3", "backward: ∂L/∂x ⟂ x in every row (y is unchanged when x is scaled)",
              tolerance: "|⟨∂L/∂x, x⟩| ≤ 1e-4·‖∂L/∂x‖·‖x‖: a cosine of 1e-4 is Float32 noise; the radial part a missing projection leaves is O(1)") { impl in
            let (x, c) = l2Inputs()
            let y = LayerOracle.l2Norm(DMatrix(x)).tensor
            let dx = try impl.l2NormalizeBackward(x, output: y, outputGradient: c)
            try Expect.shape(dx, x.shape, "∂L/∂x")
            for i in 0..<x.rows {
                let (a, b) = (dx.row(i).map(Double.init), x.row(i).map(Double.init))
                let dot = zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
                let na = a.reduce(0) { $0 + $1 * $1 }.squareRoot(), nb = b.reduce(0) { $0 + $1 * $1 }.squareRoot()
                try Expect.that(abs(dot) <= 1e-4 * na * nb, "row \(i): ∂L/∂x has a component along x",
                                expected: "cosine(∂L/∂x, x) = 0", got: "cosine \(Expect.fmt(dot / max(na * nb, 1e-30)))")
            }
        },
        Check("1.3d", exercise: "1.3", "backward with a zero row of x: that row's gradient is exactly 0 (not NaN, not g); the other rows still match finite differences",
              tolerance: "exact 0 for the zero row; the others as in 1.3b") { impl in
            let (x, c) = l2Inputs(wide: true, zeroRow: true)
            let y = LayerOracle.l2Norm(DMatrix(x)).tensor
            let dx = try impl.l2NormalizeBackward(x, output: y, outputGradient: c)
            try Expect.shape(dx, x.shape, "∂L/∂x")
            let zeroRow = dx.row(3)
            try Expect.that(zeroRow.allSatisfy { $0 == 0 }, "∂L/∂x of the zero row 3 (x/‖x‖ has no derivative at 0; the forward maps the row to 0 whatever g is)",
                            expected: "[0, 0, 0, 0, 0]", got: "\(zeroRow)", exact: true)
            let dc = DMatrix(c)
            let num = LayerOracle.numerical(DMatrix(x)) { LayerOracle.probe(LayerOracle.l2Norm($0), dc) }
            var numOthers = num, gotOthers = dx
            for j in 0..<x.cols { numOthers[3, j] = 0; gotOthers[3, j] = 0 }
            try Expect.gradient(gotOthers, numOthers, "∂L/∂x of the non-zero rows")
        },
    ]

    // MARK: 1.4 Softmax with inverse temperature β

    static let softmax: [Check<Impl>] = [
        Check("1.4a", exercise: "1.4", "forward: e^{-βx_i}/Σ_k e^{-βx_k} for β ∈ {1, 0.5, 2.5, 0} (β = 0 is uniform)",
              tolerance: "|got − expected| ≤ max(1e-6, 1e-5·|expected|): probabilities, Float32 exp is accurate to a few ulps") { impl in
            var rng = SeededGenerator(seed: 41)
            let x = Tensor.randomNormal([4, 6], using: &rng)
            for beta in [1, 0.5, 2.5, 0] as [Float] {
                try Expect.close(try impl.softmaxForward(x, beta: beta), LayerOracle.softmax(DMatrix(x), Double(beta)),
                                 abs: 1e-6, rel: 1e-5, "softmaxForward at β = \(beta)")
            }
        },
        Check("1.4b", exercise: "1.4", "forward: finite and correct for inputs of size ~1000 (no overflow), at β = 1 and β = 0.3",
              tolerance: "|got − expected| ≤ max(1e-6, 1e-5·|expected|); e^{1000} overflows Float32 (max ≈ 3.4e38) unless the max is subtracted") { impl in
            var rng = SeededGenerator(seed: 42)
            let x = Tensor.randomNormal([3, 5], std: 1000, using: &rng)
            for beta in [1, 0.3] as [Float] {
                try Expect.close(try impl.softmaxForward(x, beta: beta), LayerOracle.softmax(DMatrix(x), Double(beta)),
                                 abs: 1e-6, rel: 1e-5, "softmaxForward of large inputs at β = \(beta)")
            }
        },
        Check("1.4c", exercise: "1.4", "backward at β = 2.5 ([4, 6]) and β = 0.4 ([5, 3]): matches finite differences", tolerance: gradTol) { impl in
            for (beta, shape, seed) in [(2.5, [4, 6], 43), (0.4, [5, 3], 44)] as [(Double, [Int], UInt64)] {
                var rng = SeededGenerator(seed: seed)
                let x = Tensor.randomNormal(shape, using: &rng), c = Tensor.randomNormal(shape, using: &rng)
                let y = LayerOracle.softmax(DMatrix(x), beta).tensor
                let dc = DMatrix(c)
                let num = LayerOracle.numerical(DMatrix(x)) { LayerOracle.probe(LayerOracle.softmax($0, beta), dc) }
                try Expect.gradient(try impl.softmaxBackward(x, output: y, beta: Float(beta), outputGradient: c), num,
                                    "∂L/∂x at β = \(beta), \(shape)")
            }
        },
    ]

    // MARK: 1.5 Backpropagation through a stack

    /// Two stacks: (a) linear 3→6, ReLU, linear 6→5, L2-norm, linear 5→4, softmax β = 1.5 on x: [4, 3];
    /// (b) linear 4→3, softmax β = 0.7, linear 3→5, ReLU, L2-norm, linear 5→2 on x: [6, 4] — other
    /// orders, other β, linear layers at other indices.
    static func stackInputs(_ which: Int = 0) -> (x: Tensor, layers: [LayerSpec], c: Tensor) {
        var rng = SeededGenerator(seed: which == 0 ? 51 : 52)
        func lin(_ d: Int, _ k: Int) -> LayerSpec {
            .linear(weight: Tensor.randomNormal([k, d], std: 0.8, using: &rng), bias: Tensor.randomNormal([k], std: 0.3, using: &rng))
        }
        if which == 0 {
            let layers: [LayerSpec] = [lin(3, 6), .relu, lin(6, 5), .l2Norm, lin(5, 4), .softmax(beta: 1.5)]
            return (Tensor.randomNormal([4, 3], using: &rng), layers, Tensor.randomNormal([4, 4], using: &rng))
        }
        let layers: [LayerSpec] = [lin(4, 3), .softmax(beta: 0.7), lin(3, 5), .relu, .l2Norm, lin(5, 2)]
        return (Tensor.randomNormal([6, 4], using: &rng), layers, Tensor.randomNormal([6, 2], using: &rng))
    }

    static func replacing(_ layers: [LayerOracle.Layer], at l: Int, w: DMatrix? = nil, b: [Double]? = nil) -> [LayerOracle.Layer] {
        var out = layers
        if case .linear(let w0, let b0) = layers[l] { out[l] = .linear(w ?? w0, b ?? b0) }
        return out
    }

    static let stack: [Check<Impl>] = [
        Check("1.5a", exercise: "1.5", "forwardStack: returns [a₀ = x, a₁, …, a_L], each layer applied in order (two stacks of six layers, different orders)",
              tolerance: "|got − expected| ≤ max(1e-5, 1e-4·|expected|): six Float32 layers compound rounding") { impl in
            for which in 0..<2 {
                let (x, layers, _) = stackInputs(which)
                let acts = try impl.forwardStack(x, layers: layers)
                try Expect.that(acts.count == layers.count + 1, "forwardStack: number of activations",
                                expected: "\(layers.count + 1) (input and one per layer)", got: "\(acts.count)", exact: true)
                let oracle = LayerOracle.stack(layers.map(LayerOracle.Layer.init), DMatrix(x))
                for (l, (a, e)) in zip(acts, oracle).enumerated() {
                    try Expect.close(a, e, abs: 1e-5, rel: 1e-4, l == 0 ? "stack \(which): activation 0 (the input)" : "stack \(which): activation \(l) (after \(layers[l - 1]))")
                }
            }
        },
        Check("1.5b", exercise: "1.5", "backwardStack: ∂L/∂x matches finite differences of the whole stack (both stacks)", tolerance: gradTol) { impl in
            for which in 0..<2 {
                let (x, layers, c) = stackInputs(which)
                let oracleLayers = layers.map(LayerOracle.Layer.init)
                let acts = LayerOracle.stack(oracleLayers, DMatrix(x)).map(\.tensor)
                let g = try impl.backwardStack(activations: acts, layers: layers, outputGradient: c)
                let dc = DMatrix(c)
                let num = LayerOracle.numerical(DMatrix(x)) { LayerOracle.probe(LayerOracle.stack(oracleLayers, $0).last!, dc) }
                try Expect.gradient(g.input, num, "stack \(which): ∂L/∂x")
            }
        },
        Check("1.5c", exercise: "1.5", "backwardStack: ∂L/∂W, ∂L/∂b of every linear layer, keyed by its index in the stack, match finite differences (both stacks)",
              tolerance: gradTol) { impl in
            for which in 0..<2 {
                let (x, layers, c) = stackInputs(which)
                let oracleLayers = layers.map(LayerOracle.Layer.init)
                let acts = LayerOracle.stack(oracleLayers, DMatrix(x)).map(\.tensor)
                let g = try impl.backwardStack(activations: acts, layers: layers, outputGradient: c)
                let (dx, dc) = (DMatrix(x), DMatrix(c))
                for (l, layer) in layers.enumerated() {
                    guard case .linear(let w, let b) = layer else { continue }
                    guard let got = g.linear[l] else {
                        throw CheckFailure("backwardStack (stack \(which)): no gradients for layer \(l) (\(layer))",
                                           expected: "linear[\(l)] set", got: "keys \(g.linear.keys.sorted())", toleranceApplies: false)
                    }
                    let numW = LayerOracle.numerical(DMatrix(w)) {
                        LayerOracle.probe(LayerOracle.stack(replacing(oracleLayers, at: l, w: $0), dx).last!, dc)
                    }
                    try Expect.gradient(got.weight, numW, "stack \(which): ∂L/∂W of layer \(l)")
                    let numB = LayerOracle.numerical(DMatrix(b)) {
                        LayerOracle.probe(LayerOracle.stack(replacing(oracleLayers, at: l, b: $0.data), dx).last!, dc)
                    }
                    try Expect.gradient(got.bias, numB, "stack \(which): ∂L/∂b of layer \(l)")
                }
            }
        },
    ]

    // MARK: 1.6 A gradient check of your own

    /// f(x) = Σᵢ cᵢ sin(2xᵢ) + 0.3 (Σᵢ xᵢ)², in Double: curved enough that the step h shows.
    static func wavy(_ x: [Double], _ c: [Double]) -> Double {
        var s = 0.0, total = 0.0
        for (xi, ci) in zip(x, c) { s += ci * sin(2 * xi); total += xi }
        return s + 0.3 * total * total
    }

    static let gradientCheck: [Check<Impl>] = [
        Check("1.6a", exercise: "1.6", "numericalGradient: the centred differences (f(x + heᵢ) − f(x − heᵢ))/2h at h = 0.3 and 0.01, x [3, 4] and [2, 5]; f called 2·count times, +h then −h, entry by entry",
              tolerance: "|got − expected| ≤ 1e-4 + 1e-3·|expected|, expected in Double at the given h: Float32 f values of size ~5 lose ~1e-5 over 2h = 0.02") { impl in
            for (shape, h, seed) in [([3, 4], 0.3, 61), ([2, 5], 0.01, 62), ([3, 4], 0.01, 63)] as [([Int], Double, UInt64)] {
                var rng = SeededGenerator(seed: seed)
                let x = Tensor.randomNormal(shape, using: &rng)
                let c = (0..<x.count).map { _ in Double(rng.nextNormal()) }
                let xd = x.data.map(Double.init)
                var calls: [(entry: Int, sign: Int)] = []
                let f: (Tensor) throws -> Tensor = { t in
                    guard t.shape == x.shape else {
                        throw CheckFailure("f was called with shape \(t.shape)", expected: "\(x.shape)", got: "\(t.shape)", toleranceApplies: false)
                    }
                    let moved = (0..<t.count).filter { t.data[$0] != x.data[$0] }
                    calls.append(moved.count == 1 ? (moved[0], t.data[moved[0]] > x.data[moved[0]] ? 1 : -1) : (-1, 0))
                    return Tensor(vector: [Float(wavy(t.data.map(Double.init), c))])
                }
                let got = try impl.numericalGradient(x, step: Float(h), f)
                var want = DMatrix(x)
                for i in 0..<x.count {
                    var up = xd, down = xd
                    up[i] += h; down[i] -= h
                    want.data[i] = (wavy(up, c) - wavy(down, c)) / (2 * h)
                }
                try Expect.that(calls.count == 2 * x.count, "number of calls of f for x \(shape)", expected: "\(2 * x.count) (two per entry)", got: "\(calls.count)", exact: true)
                let order = (0..<x.count).flatMap { [($0, 1), ($0, -1)] }
                if let k = (0..<calls.count).first(where: { calls[$0].entry != order[$0].0 || calls[$0].sign != order[$0].1 }) {
                    let c = calls[k]
                    throw CheckFailure("call \(k) of f moved the wrong entry (entry by entry in storage order, +h then −h)",
                                       expected: "entry \(order[k].0), \(order[k].1 > 0 ? "+h" : "−h")",
                                       got: c.entry < 0 ? "not exactly one entry moved" : "entry \(c.entry), \(c.sign > 0 ? "+h" : "−h")", toleranceApplies: false)
                }
                try Expect.close(got, want, abs: 1e-4, rel: 1e-3, "centred differences at h = \(h), x \(shape)")
            }
        },
        Check("1.6b", exercise: "1.6", "gradientError: maxᵢ |aᵢ − bᵢ| / max(|aᵢ|, |bᵢ|, floor) at floor 1e-3 and 1e-8 — the worst entry, not a norm or a mean, and a floor that matters",
              tolerance: "|got − expected| ≤ 1e-5·expected: a few Float32 operations per entry") { impl in
            let a = try Tensor(rows: [[100, 0.002, 0], [1e-6, -3, 0.5]])
            let b = try Tensor(rows: [[100.5, 0.001, 0], [-1e-6, -3.3, 0.45]])
            for floor in [1e-3, 1e-8] {
                var want = 0.0
                for (p, q) in zip(a.data.map(Double.init), b.data.map(Double.init)) { want = max(want, abs(p - q) / max(abs(p), abs(q), floor)) }
                let got = Double(try impl.gradientError(a, b, floor: Float(floor)))
                try Expect.that(abs(got - want) <= 1e-5 * want, "worst relative error with floor \(floor)", expected: Expect.fmt(want, vs: got), got: Expect.fmt(got, vs: want))
            }
        },
    ]
}
