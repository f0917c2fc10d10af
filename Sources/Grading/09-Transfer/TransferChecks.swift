import Course
import Foundation
import Probes
import RepLearn

/// Lecture 9's checks: the probe's loss by a Double loop and its gradient by finite differences,
/// gradient descent replayed in Double, the optimiser step written out per entry, replayed draws,
/// and RDM / RSA / CKA computed again from their definitions (ranks by counting).
public enum TransferChecks {
    public typealias Impl = any TransferExercises

    public static var all: [Check<Impl>] { probe + groups + partial + similarity + fewLabels }

    static let gradTol = LayersChecks.gradTol

    // MARK: 9.1

    /// (n, d, c, λ): two problems of unrelated shapes, with and without the penalty.
    static let probeProblems: [(Int, Int, Int, Double)] = [(12, 5, 3, 0.1), (7, 4, 4, 0)]

    static func probeInputs(_ n: Int, _ d: Int, _ c: Int) -> (x: Tensor, y: [Int], w: Tensor, b: Tensor) {
        var rng = SeededGenerator(seed: UInt64(900 + 10 * n + d))
        let x = Tensor.randomNormal([n, d], using: &rng)
        let y = (0..<n).map { ($0 * 5 + 1) % c }                 // every class present
        return (x, y, Tensor.randomNormal([c, d], std: 0.5, using: &rng), Tensor.randomNormal([c], std: 0.5, using: &rng))
    }

    /// (1/n) Σ −log softmax(xWᵀ + b)_y + (λ/2)‖W‖², in Double.
    static func probeLoss(_ x: DMatrix, _ y: [Int], _ w: DMatrix, _ b: [Double], _ l2: Double) -> Double {
        var total = 0.0
        for i in 0..<x.rows {
            let s = (0..<w.rows).map { c in b[c] + (0..<x.cols).reduce(0) { $0 + x[i, $1] * w[c, $1] } }
            let m = s.max()!
            total += m + log(s.reduce(0) { $0 + exp($1 - m) }) - s[y[i]]
        }
        return total / Double(x.rows) + l2 / 2 * w.data.reduce(0) { $0 + $1 * $1 }
    }

    /// The probe's gradient descent replayed in Double with finite-difference-free closed-form gradients.
    static func oracleTrain(_ x: DMatrix, _ y: [Int], classes c: Int, l2: Double, lr: Double, steps: Int) -> (DMatrix, [Double]) {
        var w = DMatrix(rows: c, cols: x.cols), b = [Double](repeating: 0, count: c)
        let n = Double(x.rows)
        for _ in 0..<steps {
            var gw = DMatrix(rows: c, cols: x.cols), gb = [Double](repeating: 0, count: c)
            for i in 0..<x.rows {
                let s = (0..<c).map { k in b[k] + (0..<x.cols).reduce(0) { $0 + x[i, $1] * w[k, $1] } }
                let m = s.max()!
                let z = s.reduce(0) { $0 + exp($1 - m) }
                for k in 0..<c {
                    let r = (exp(s[k] - m) / z - (k == y[i] ? 1 : 0)) / n
                    gb[k] += r
                    for j in 0..<x.cols { gw[k, j] += r * x[i, j] }
                }
            }
            for k in 0..<c {
                b[k] -= lr * gb[k]
                for j in 0..<x.cols { w[k, j] -= lr * (gw[k, j] + l2 * w[k, j]) }
            }
        }
        return (w, b)
    }

    static let probe: [Check<Impl>] = [
        Check("9.1a", exercise: "9.1", "probe loss (1/n) Σ −log p_y + (λ/2)‖W‖² (bias not penalised) and ∂L/∂W, ∂L/∂b by finite differences — [12, 5] with 3 classes and λ = 0.1, [7, 4] with 4 classes and λ = 0",
              tolerance: "loss within 1e-5·(1 + L); gradients: " + gradTol) { impl in
            for (n, d, c, l2) in probeProblems {
                let (x, y, w, b) = probeInputs(n, d, c)
                let (dx, dw, db) = (DMatrix(x), DMatrix(w), b.data.map(Double.init))
                let g = try impl.probeLoss(x, labels: y, weight: w, bias: b, l2: Float(l2))
                let want = probeLoss(dx, y, dw, db, l2)
                try Expect.that(abs(g.loss - want) <= 1e-5 * (1 + want), "probe loss ([\(n), \(d)], λ = \(l2))", expected: Expect.fmt(want, vs: g.loss), got: Expect.fmt(g.loss, vs: want))
                try Expect.gradient(g.weight, LayerOracle.numerical(dw) { probeLoss(dx, y, $0, db, l2) }, "∂L/∂W ([\(n), \(d)], λ = \(l2))")
                try Expect.gradient(g.bias, LayerOracle.numerical(DMatrix(b)) { probeLoss(dx, y, dw, $0.data, l2) }, "∂L/∂b ([\(n), \(d)], λ = \(l2))")
            }
        },
        Check("9.1b", exercise: "9.1", "trainProbe: full-batch gradient descent from zeros, replayed in Double — 25 steps at η = 0.5, λ = 0.01 and 40 steps at η = 0.2, λ = 0",
              tolerance: "|got − expected| ≤ 1e-4 + 1e-3·|expected|: Float32 rounding compounds over ≤ 40 steps") { impl in
            for ((n, d, c, _), (steps, lr, l2)) in zip(probeProblems, [(25, 0.5, 0.01), (40, 0.2, 0.0)]) {
                let (x, y, _, _) = probeInputs(n, d, c)
                let (w, b) = oracleTrain(DMatrix(x), y, classes: c, l2: l2, lr: lr, steps: steps)
                let h = try impl.trainProbe(x, labels: y, classes: c, l2: Float(l2), learningRate: Float(lr), steps: steps)
                try Expect.close(h.weight, w, abs: 1e-4, rel: 1e-3, "W after \(steps) steps (η = \(lr), λ = \(l2))")
                try Expect.close(h.bias, DMatrix(rows: 1, cols: c, data: b, vector: true), abs: 1e-4, rel: 1e-3, "b after \(steps) steps")
            }
        },
    ]

    // MARK: 9.2

    static let groups: [Check<Impl>] = [
        Check("9.2a", exercise: "9.2", "one and then a second SGD step over 3 groups (scale 1; scale 0.1; frozen) with momentum 0.9, wd 0.01, and again with momentum 0, wd 0.1: the update written out per entry; frozen parameters and velocities unchanged",
              tolerance: "|got − expected| ≤ 1e-6 + 1e-5·|expected|; frozen entries exact") { impl in
            var rng = SeededGenerator(seed: 921)
            let shapes = [[3, 2], [4], [2, 3], [5]]
            let groupOf = [0, 1, 2, 0]
            let settings = [GroupSetting(learningRateScale: 1), GroupSetting(learningRateScale: 0.1), GroupSetting(learningRateScale: 1, frozen: true)]
            for (lr, mu, wd) in [(0.05, 0.9, 0.01), (0.3, 0.0, 0.1)] as [(Double, Double, Double)] {
                var p = shapes.map { Tensor.randomNormal($0, using: &rng) }
                var v = shapes.map { Tensor.randomNormal($0, std: 0.5, using: &rng) }      // momentum already under way
                var (wp, wv) = (p.map { $0.data.map(Double.init) }, v.map { $0.data.map(Double.init) })
                for step in 1...2 {
                    let g = shapes.map { Tensor.randomNormal($0, using: &rng) }
                    for i in shapes.indices where !settings[groupOf[i]].frozen {
                        let scale = Double(settings[groupOf[i]].learningRateScale)
                        for e in wp[i].indices {
                            wv[i][e] = mu * wv[i][e] + Double(g[i].data[e]) + wd * wp[i][e]
                            wp[i][e] -= lr * scale * wv[i][e]
                        }
                    }
                    let s = try impl.optimizerStep(p, gradients: g, velocities: v, groups: groupOf, settings: settings,
                                                   learningRate: Float(lr), momentum: Float(mu), weightDecay: Float(wd))
                    try Expect.that(s.parameters.count == 4 && s.velocities.count == 4, "parameters and velocities returned",
                                    expected: "4 and 4", got: "\(s.parameters.count) and \(s.velocities.count)", exact: true)
                    for i in shapes.indices {
                        let frozen = settings[groupOf[i]].frozen
                        let (tolA, tolR) = frozen ? (0.0, 0.0) : (1e-6, 1e-5)
                        let what = "parameter \(i) (group \(groupOf[i])\(frozen ? ", frozen" : "")) after step \(step), η = \(lr), μ = \(mu), wd = \(wd)"
                        try Expect.close(s.parameters[i], DMatrix(rows: 1, cols: wp[i].count, data: wp[i], vector: true).reshapedLike(p[i]), abs: tolA, rel: tolR, what)
                        try Expect.close(s.velocities[i], DMatrix(rows: 1, cols: wv[i].count, data: wv[i], vector: true).reshapedLike(p[i]), abs: tolA, rel: tolR, "velocity of " + what)
                    }
                    (p, v) = (s.parameters, s.velocities)
                }
            }
        },
    ]

    // MARK: 9.3

    static func denseStack() -> [DenseLayer] {
        var rng = SeededGenerator(seed: 931)
        return [(5, 4), (4, 6), (6, 2)].map { (inp, out) in
            DenseLayer(weight: Tensor.randomNormal([out, inp], using: &rng), bias: Tensor.randomNormal([out], using: &rng))
        }
    }

    static let partial: [Check<Impl>] = [
        Check("9.3a", exercise: "9.3", "re-initialise the top k = 0, 1, 2, 3 of three layers (5→4, 4→6, 6→2): the documented draws replayed, bounds 1/√fan_in, the bottom layers untouched",
              tolerance: "exact (the same Float32 arithmetic)") { impl in
            let layers = denseStack()
            for k in 0...3 {
                var r1 = SeededGenerator(seed: 932 + UInt64(k)), r2 = SeededGenerator(seed: 932 + UInt64(k))
                let got = try impl.reinitializeTop(layers, k: k, rng: &r1)
                try Expect.that(got.count == 3, "number of layers (k = \(k))", expected: "3", got: "\(got.count)", exact: true)
                for (l, layer) in layers.enumerated() {
                    var wantW = DMatrix(layer.weight), wantB = DMatrix(layer.bias)
                    if l >= 3 - k {
                        let bound = 1 / Float(layer.weight.cols).squareRoot()
                        for e in wantW.data.indices { wantW.data[e] = Double((2 * r2.nextFloat() - 1) * bound) }
                        for e in wantB.data.indices { wantB.data[e] = Double((2 * r2.nextFloat() - 1) * bound) }
                    }
                    let state = l >= 3 - k ? "re-initialised" : "kept"
                    try Expect.close(got[l].weight, wantW, abs: 0, rel: 0, "W of layer \(l) (\(state), k = \(k))")
                    try Expect.close(got[l].bias, wantB, abs: 0, rel: 0, "b of layer \(l) (\(state), k = \(k))")
                }
            }
        },
    ]

    // MARK: 9.4

    static func pearson(_ a: [Double], _ b: [Double]) -> Double { Word2VecChecks.pearson(a, b) }

    static func oracleRDM(_ r: [[Double]]) -> DMatrix {
        var m = DMatrix(rows: r.count, cols: r.count)
        for i in r.indices { for j in r.indices { m[i, j] = 1 - pearson(r[i], r[j]) } }
        return m
    }

    static func upper(_ m: DMatrix) -> [Double] { (0..<m.rows).flatMap { i in ((i + 1)..<m.cols).map { m[i, $0] } } }

    /// CKA from Gram matrices of the centred data (a second method: ‖YᵀX‖² = tr(K_X K_Y)).
    static func oracleCKA(_ x: [[Double]], _ y: [[Double]]) -> Double {
        func centred(_ a: [[Double]]) -> [[Double]] {
            let means = (0..<a[0].count).map { j in a.reduce(0) { $0 + $1[j] } / Double(a.count) }
            return a.map { r in zip(r, means).map { $0 - $1 } }
        }
        func gram(_ a: [[Double]]) -> [[Double]] { a.map { r in a.map { s in zip(r, s).reduce(0) { $0 + $1.0 * $1.1 } } } }
        func trace(_ a: [[Double]], _ b: [[Double]]) -> Double { a.indices.reduce(0) { t, i in t + a.indices.reduce(0) { $0 + a[i][$1] * b[$1][i] } } }
        let (kx, ky) = (gram(centred(x)), gram(centred(y)))
        return trace(kx, ky) / (trace(kx, kx) * trace(ky, ky)).squareRoot()
    }

    static let similarity: [Check<Impl>] = [
        Check("9.4a", exercise: "9.4", "RDM = 1 − Pearson between stimuli, over features: [6, 9] and [4, 13] responses with large row offsets (cosine without centring differs)",
              tolerance: "|got − expected| ≤ 1e-5 + 1e-4·|expected|: Float32 correlations of O(10) values") { impl in
            var rng = SeededGenerator(seed: 941)
            for (s, f) in [(6, 9), (4, 13)] {
                var r = Tensor.randomNormal([s, f], using: &rng)
                for i in 0..<s { for j in 0..<f { r[i, j] += Float(3 * i) + 0.4 * r[0, j] } }     // offsets, shared structure
                let got = try impl.rdm(r)
                try Expect.close(got, oracleRDM(KMeansChecks.rows(r)), abs: 1e-5, rel: 1e-4, "RDM of \(s) stimuli × \(f) features")
            }
        },
        Check("9.4b", exercise: "9.4", "RSA = Spearman between the upper triangles (diagonal excluded), with tied dissimilarities and a nonlinear monotone relation",
              tolerance: "|got − expected| ≤ 1e-6: ranks are exact; Float32 inputs") { impl in
            let s = 6
            var a = DMatrix(rows: s, cols: s), b = DMatrix(rows: s, cols: s)
            let va: [Double] = [0.2, 0.9, 0.9, 1.3, 0.4, 0.2, 1.1, 0.7, 0.9, 1.6, 0.3, 1.0, 0.5, 1.2, 0.8]
            let vb: [Double] = [0.1, 0.7, 1.5, 1.9, 0.2, 0.6, 1.2, 0.3, 0.7, 1.8, 0.1, 0.9, 1.4, 1.3, 0.5]
            var k = 0
            for i in 0..<s { for j in (i + 1)..<s { a[i, j] = va[k]; a[j, i] = va[k]; b[i, j] = vb[k]; b[j, i] = vb[k]; k += 1 } }
            let want = pearson(Word2VecChecks.countingRanks(upper(a)), Word2VecChecks.countingRanks(upper(b)))
            let got = try impl.rsa(a.tensor, b.tensor)
            try Expect.that(abs(got - want) <= 1e-6, "RSA of two 6×6 RDMs", expected: Expect.fmt(want, vs: got), got: Expect.fmt(got, vs: want))
        },
        Check("9.4c", exercise: "9.4", "linear CKA against a second method (Gram matrices), x [20, 5] vs y [20, 3]; 1 for y = x·(rotation)·3 + offset (invariances); column centring matters",
              tolerance: "|got − expected| ≤ 1e-5: Float32 products of O(10) values") { impl in
            var rng = SeededGenerator(seed: 943)
            var x = Tensor.randomNormal([20, 5], using: &rng)
            for i in 0..<20 { for j in 0..<5 { x[i, j] += Float(2 + j) } }                       // column means far from 0
            let mix = Tensor.randomNormal([5, 3], using: &rng)
            var y = try Tensor.matmul(x, mix) + Tensor.randomNormal([20, 3], std: 2, using: &rng)
            for i in 0..<20 { y[i, 0] += 7 }
            let q = try QR.orthonormalRows(Tensor.randomNormal([5, 5], using: &rng))
            var xr = try Tensor.matmul(x, q) * 3
            for i in 0..<20 { xr[i, 1] -= 40 }
            for (a, b, name) in [(x, y, "CKA(x, y)"), (x, xr, "CKA(x, 3·xQ − offset)")] {
                let want = oracleCKA(KMeansChecks.rows(a), KMeansChecks.rows(b))
                let got = try impl.linearCKA(a, b)
                try Expect.that(abs(got - want) <= 1e-5, name, expected: Expect.fmt(want, vs: got), got: Expect.fmt(got, vs: want))
            }
        },
    ]

    // MARK: 9.5

    static let fewLabels: [Check<Impl>] = [
        Check("9.5a", exercise: "9.5", "k = 1 and 3 per class of 4, and k = 2 of 3 classes (unequal class sizes, classes interleaved): the documented partial Fisher–Yates replayed; distinct, k of every class, class order; fewer than k examples → an error",
              tolerance: "exact") { impl in
            let four = (0..<30).map { [0, 1, 2, 3, 1, 2, 0, 3, 3, 1][$0 % 10] }
            let three = (0..<20).map { [2, 0, 1, 1, 0][$0 % 5] }
            for (labels, classes, k) in [(four, 4, 1), (four, 4, 3), (three, 3, 2)] {
                var r1 = SeededGenerator(seed: 951 + UInt64(10 * classes + k)), r2 = SeededGenerator(seed: 951 + UInt64(10 * classes + k))
                let got = try impl.fewLabelIndices(labels, perClass: k, classes: classes, rng: &r1)
                var want: [Int] = []
                for c in 0..<classes {
                    var idx = labels.indices.filter { labels[$0] == c }
                    for j in 0..<k { idx.swapAt(j, j + r2.nextInt(below: idx.count - j)) }
                    want += idx.prefix(k)
                }
                try Expect.that(got.count == classes * k && Set(got).count == got.count, "\(k) distinct indices per class of \(classes)",
                                expected: "\(classes * k) distinct indices", got: "\(got.count) indices, \(Set(got).count) distinct", exact: true)
                try Expect.that(got == want, "indices for k = \(k), \(classes) classes (the documented draws)", expected: "\(want)", got: "\(got)", exact: true)
            }
            var r3 = SeededGenerator(seed: 959)
            let short = [0, 0, 0, 1, 1, 0]                  // class 1 has 2 examples
            let got: [Int]
            do { got = try impl.fewLabelIndices(short, perClass: 3, classes: 2, rng: &r3) }
            catch let e as WorkerFailure { throw e }         // a crash is not the error asked for
            catch let e as NotImplemented { throw e }
            catch { return }                                 // the student's code threw: right
            throw CheckFailure("k = 3 from a class of 2 examples must throw", expected: "an error", got: "\(got)", toleranceApplies: false)
        },
    ]
}
