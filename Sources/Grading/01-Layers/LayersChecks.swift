import Course
import RepLearn

/// Lecture 1's checks. Inputs come from a fixed seed per check; expected values come from the
/// Double oracles (forward) and centred finite differences of them (backward), never from
/// Solutions/.
public enum LayersChecks {
    public typealias Impl = any LayersExercises

    static let forwardTol = "|got − expected| ≤ max(1e-5, 1e-5·|expected|): Float32 rounding of sums of ≤ 8 O(1) products is ~1e-6"
    static let gradTol = "relative error ≤ 1e-3 vs centred differences in Double (GradientCheck.float32Threshold): "
        + "Float32 gives ~1e-5, a missing factor or term ≳ 1e-1"

    public static var all: [Check<Impl>] { linear + relu + l2Norm + softmax + stack }

    // MARK: 1.1 Linear

    static func linearInputs() -> (x: Tensor, w: Tensor, b: Tensor, c: Tensor) {
        var rng = SeededGenerator(seed: 11)
        return (Tensor.randomNormal([5, 3], using: &rng), Tensor.randomNormal([4, 3], using: &rng),
                Tensor.randomNormal([4], using: &rng), Tensor.randomNormal([5, 4], using: &rng))
    }

    static let linear: [Check<Impl>] = [
        Check("1.1a", exercise: "1.1", "forward: y = x Wᵀ + b for x [5, 3], W [4, 3], b [4] → [5, 4]", tolerance: forwardTol) { impl in
            let (x, w, b, _) = linearInputs()
            let y = try impl.linearForward(x, weight: w, bias: b)
            try Expect.close(y, LayerOracle.linear(DMatrix(x), DMatrix(w), DMatrix(b).data), abs: 1e-5, rel: 1e-5, "linearForward")
        },
        Check("1.1b", exercise: "1.1", "backward: ∂L/∂x matches finite differences", tolerance: gradTol) { impl in
            let (x, w, b, c) = linearInputs()
            let g = try impl.linearBackward(x, weight: w, outputGradient: c)
            let (dw, db, dc) = (DMatrix(w), DMatrix(b).data, DMatrix(c))
            let num = LayerOracle.numerical(DMatrix(x)) { LayerOracle.probe(LayerOracle.linear($0, dw, db), dc) }
            try Expect.gradient(g.input, num, "∂L/∂x")
        },
        Check("1.1c", exercise: "1.1", "backward: ∂L/∂W and ∂L/∂b match finite differences", tolerance: gradTol) { impl in
            let (x, w, b, c) = linearInputs()
            let g = try impl.linearBackward(x, weight: w, outputGradient: c)
            let (dx, db, dc) = (DMatrix(x), DMatrix(b), DMatrix(c))
            let numW = LayerOracle.numerical(DMatrix(w)) { LayerOracle.probe(LayerOracle.linear(dx, $0, db.data), dc) }
            try Expect.gradient(g.weight, numW, "∂L/∂W")
            let wm = DMatrix(w)
            let numB = LayerOracle.numerical(db) { LayerOracle.probe(LayerOracle.linear(dx, wm, $0.data), dc) }
            try Expect.gradient(g.bias, numB, "∂L/∂b")
        },
    ]

    // MARK: 1.2 ReLU

    /// Values at least 0.1 away from the kink, so finite differences see a smooth function.
    static func awayFromKink(_ shape: [Int], seed: UInt64) -> Tensor {
        var rng = SeededGenerator(seed: seed)
        return Tensor.randomNormal(shape, using: &rng).map { ($0 < 0 ? -1 : 1) * (0.1 + abs($0)) }
    }

    static let relu: [Check<Impl>] = [
        Check("1.2a", exercise: "1.2", "forward: max(x, 0), elementwise, including x = 0", tolerance: "exact: no arithmetic is involved") { impl in
            var x = awayFromKink([4, 5], seed: 21)
            x.data[3] = 0
            let y = try impl.reluForward(x)
            try Expect.close(y, LayerOracle.relu(DMatrix(x)), abs: 0, rel: 0, "reluForward")
        },
        Check("1.2b", exercise: "1.2", "backward: matches finite differences, and is 0 at x = 0 exactly", tolerance: gradTol) { impl in
            let x = awayFromKink([4, 5], seed: 22)
            var rng = SeededGenerator(seed: 23)
            let c = Tensor.randomNormal([4, 5], using: &rng)
            let dc = DMatrix(c)
            let num = LayerOracle.numerical(DMatrix(x)) { LayerOracle.probe(LayerOracle.relu($0), dc) }
            try Expect.gradient(try impl.reluBackward(x, outputGradient: c), num, "∂L/∂x")
            let zero = try impl.reluBackward(Tensor.zeros([1, 3]), outputGradient: Tensor(repeating: 1, shape: [1, 3]))
            try Expect.close(zero, DMatrix(rows: 1, cols: 3), abs: 0, rel: 0, "∂L/∂x at x = 0 (the convention: 0)")
        },
    ]

    // MARK: 1.3 L2 normalisation

    static func l2Inputs() -> (x: Tensor, c: Tensor) {
        var rng = SeededGenerator(seed: 31)
        var x = Tensor.randomNormal([4, 5], using: &rng)
        for j in 0..<5 { x[1, j] *= 300; x[2, j] *= 0.01 }   // long and short rows
        return (x, Tensor.randomNormal([4, 5], using: &rng))
    }

    static let l2Norm: [Check<Impl>] = [
        Check("1.3a", exercise: "1.3", "forward: each row divided by its Euclidean norm (rows of very different lengths)",
              tolerance: "|got − expected| ≤ max(1e-6, 1e-5·|expected|): outputs are ≤ 1 in size") { impl in
            let (x, _) = l2Inputs()
            try Expect.close(try impl.l2NormalizeForward(x), LayerOracle.l2Norm(DMatrix(x)), abs: 1e-6, rel: 1e-5, "l2NormalizeForward")
        },
        Check("1.3b", exercise: "1.3", "backward: matches finite differences", tolerance: gradTol) { impl in
            let (x, c) = l2Inputs()
            let y = LayerOracle.l2Norm(DMatrix(x)).tensor
            let dc = DMatrix(c)
            let num = LayerOracle.numerical(DMatrix(x)) { LayerOracle.probe(LayerOracle.l2Norm($0), dc) }
            try Expect.gradient(try impl.l2NormalizeBackward(x, output: y, outputGradient: c), num, "∂L/∂x")
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
        Check("1.4b", exercise: "1.4", "forward: finite and correct for inputs of size ~1000 (no overflow)",
              tolerance: "|got − expected| ≤ max(1e-6, 1e-5·|expected|); e^{1000} overflows Float32 (max ≈ 3.4e38) unless the max is subtracted") { impl in
            var rng = SeededGenerator(seed: 42)
            let x = Tensor.randomNormal([3, 5], std: 1000, using: &rng)
            try Expect.close(try impl.softmaxForward(x, beta: 1), LayerOracle.softmax(DMatrix(x), 1),
                             abs: 1e-6, rel: 1e-5, "softmaxForward of large inputs")
        },
        Check("1.4c", exercise: "1.4", "backward at β = 2.5: matches finite differences", tolerance: gradTol) { impl in
            var rng = SeededGenerator(seed: 43)
            let x = Tensor.randomNormal([4, 6], using: &rng), c = Tensor.randomNormal([4, 6], using: &rng)
            let beta = 2.5
            let y = LayerOracle.softmax(DMatrix(x), beta).tensor
            let dc = DMatrix(c)
            let num = LayerOracle.numerical(DMatrix(x)) { LayerOracle.probe(LayerOracle.softmax($0, beta), dc) }
            try Expect.gradient(try impl.softmaxBackward(x, output: y, beta: Float(beta), outputGradient: c), num, "∂L/∂x")
        },
    ]

    // MARK: 1.5 Backpropagation through a stack

    /// linear 3→6, ReLU, linear 6→5, L2-norm, linear 5→4, softmax β = 1.5, on x: [4, 3].
    static func stackInputs() -> (x: Tensor, layers: [LayerSpec], c: Tensor) {
        var rng = SeededGenerator(seed: 51)
        func lin(_ d: Int, _ k: Int) -> LayerSpec {
            .linear(weight: Tensor.randomNormal([k, d], std: 0.8, using: &rng), bias: Tensor.randomNormal([k], std: 0.3, using: &rng))
        }
        let layers: [LayerSpec] = [lin(3, 6), .relu, lin(6, 5), .l2Norm, lin(5, 4), .softmax(beta: 1.5)]
        return (Tensor.randomNormal([4, 3], using: &rng), layers, Tensor.randomNormal([4, 4], using: &rng))
    }

    static func replacing(_ layers: [LayerOracle.Layer], at l: Int, w: DMatrix? = nil, b: [Double]? = nil) -> [LayerOracle.Layer] {
        var out = layers
        if case .linear(let w0, let b0) = layers[l] { out[l] = .linear(w ?? w0, b ?? b0) }
        return out
    }

    static let stack: [Check<Impl>] = [
        Check("1.5a", exercise: "1.5", "forwardStack: returns [a₀ = x, a₁, …, a₆], each layer applied in order",
              tolerance: "|got − expected| ≤ max(1e-5, 1e-4·|expected|): six Float32 layers compound rounding") { impl in
            let (x, layers, _) = stackInputs()
            let acts = try impl.forwardStack(x, layers: layers)
            try Expect.that(acts.count == layers.count + 1, "forwardStack: number of activations",
                            expected: "\(layers.count + 1) (input and one per layer)", got: "\(acts.count)", exact: true)
            let oracle = LayerOracle.stack(layers.map(LayerOracle.Layer.init), DMatrix(x))
            for (l, (a, e)) in zip(acts, oracle).enumerated() {
                try Expect.close(a, e, abs: 1e-5, rel: 1e-4, l == 0 ? "activation 0 (the input)" : "activation \(l) (after \(layers[l - 1]))")
            }
        },
        Check("1.5b", exercise: "1.5", "backwardStack: ∂L/∂x matches finite differences of the whole stack", tolerance: gradTol) { impl in
            let (x, layers, c) = stackInputs()
            let oracleLayers = layers.map(LayerOracle.Layer.init)
            let acts = LayerOracle.stack(oracleLayers, DMatrix(x)).map(\.tensor)
            let g = try impl.backwardStack(activations: acts, layers: layers, outputGradient: c)
            let dc = DMatrix(c)
            let num = LayerOracle.numerical(DMatrix(x)) { LayerOracle.probe(LayerOracle.stack(oracleLayers, $0).last!, dc) }
            try Expect.gradient(g.input, num, "∂L/∂x")
        },
        Check("1.5c", exercise: "1.5", "backwardStack: ∂L/∂W, ∂L/∂b of every linear layer match finite differences", tolerance: gradTol) { impl in
            let (x, layers, c) = stackInputs()
            let oracleLayers = layers.map(LayerOracle.Layer.init)
            let acts = LayerOracle.stack(oracleLayers, DMatrix(x)).map(\.tensor)
            let g = try impl.backwardStack(activations: acts, layers: layers, outputGradient: c)
            let (dx, dc) = (DMatrix(x), DMatrix(c))
            for (l, layer) in layers.enumerated() {
                guard case .linear(let w, let b) = layer else { continue }
                guard let got = g.linear[l] else {
                    throw CheckFailure("backwardStack: no gradients for layer \(l) (\(layer))",
                                       expected: "linear[\(l)] set", got: "keys \(g.linear.keys.sorted())", toleranceApplies: false)
                }
                let numW = LayerOracle.numerical(DMatrix(w)) {
                    LayerOracle.probe(LayerOracle.stack(replacing(oracleLayers, at: l, w: $0), dx).last!, dc)
                }
                try Expect.gradient(got.weight, numW, "∂L/∂W of layer \(l)")
                let numB = LayerOracle.numerical(DMatrix(b)) {
                    LayerOracle.probe(LayerOracle.stack(replacing(oracleLayers, at: l, b: $0.data), dx).last!, dc)
                }
                try Expect.gradient(got.bias, numB, "∂L/∂b of layer \(l)")
            }
        },
    ]
}
