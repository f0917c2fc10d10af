import Course
import Foundation
import RepLearn

/// Lecture 2's checks: against Double oracles (mean, covariance, Jacobi eigenvalues), closed
/// forms (PCA's error = the discarded eigenvalues), finite differences and known angles.
public enum AutoencoderChecks {
    public typealias Impl = any AutoencoderExercises

    public static var all: [Check<Impl>] { covariance + components + codec + linearAE + [linearAETraining] + angles + [anglesIdentical] + denoising }

    /// x: [40, 6] = z·diag(3, 2, 1.5, 1, 0.5, 0.2)·R + offset: well-separated eigenvalues and
    /// a mean far from zero (so forgetting to centre shows). `second` gives [23, 4] with scales
    /// (2.5, 1.2, 0.7, 0.3) and another rotation and offset: a second shape, unrelated to the first.
    static func data(second: Bool = false) -> Tensor {
        var rng = SeededGenerator(seed: second ? 202 : 201)
        let (n, d) = second ? (23, 4) : (40, 6)
        let scales: [Float] = second ? [2.5, 1.2, 0.7, 0.3] : [3, 2, 1.5, 1, 0.5, 0.2]
        var z = Tensor.randomNormal([n, d], using: &rng)
        for i in 0..<n { for j in 0..<d { z[i, j] *= scales[j] } }
        let q = try! QR.orthonormalRows(Tensor.randomNormal([d, d], using: &rng))
        let offset = Tensor.randomUniform([d], 2, 5, using: &rng)
        return try! Tensor.matmul(z, q).addingRowVector(offset)
    }

    static let small = "|got − expected| ≤ max(1e-4, 1e-4·|expected|): Float32 sums of 40 products of O(10) values"
    static let gradTol = LayersChecks.gradTol

    // MARK: 2.1

    static let covariance: [Check<Impl>] = [
        Check("2.1a", exercise: "2.1", "center: column means μ, and x − μ (data with mean ≈ 3; [40, 6] and [23, 4])", tolerance: small) { impl in
            for second in [false, true] {
                let x = data(second: second)
                let (xc, mu) = try impl.center(x)
                let m = PCAOracle.mean(DMatrix(x))
                try Expect.close(mu, DMatrix(rows: 1, cols: m.count, data: m, vector: true), abs: 1e-4, rel: 1e-4, "mean of \(x.shape)")
                var expected = DMatrix(x)
                for i in 0..<x.rows { for j in 0..<x.cols { expected[i, j] -= m[j] } }
                try Expect.close(xc, expected, abs: 1e-4, rel: 1e-4, "centred data \(x.shape)")
            }
        },
        Check("2.1b", exercise: "2.1", "covariance: (1/n)(x − μ)ᵀ(x − μ), [6, 6] and [4, 4]",
              tolerance: "|got − expected| ≤ max(1e-4, 1e-4·|expected|); dividing by n − 1 is off by 2.5% (n = 40) and 4.5% (n = 23)") { impl in
            for second in [false, true] {
                let x = data(second: second)
                try Expect.close(try impl.covariance(x), PCAOracle.covariance(DMatrix(x)), abs: 1e-4, rel: 1e-4, "covariance of \(x.shape)")
            }
        },
    ]

    // MARK: 2.2

    static let components: [Check<Impl>] = [
        Check("2.2a", exercise: "2.2", "top-k components for k = 1, 3, 6 of [40, 6] and k = 2 of [23, 4]: orthonormal rows, C·w = λ·w, λ = the k largest eigenvalues (Jacobi in Double)",
              tolerance: "‖WWᵀ − I‖∞ ≤ 1e-4; ‖Cw − λw‖ ≤ 1e-3·λ₁; |λ − λ_Jacobi| ≤ 1e-4·λ₁: Float32 eigensolvers reach ~1e-6 relative") { impl in
          for (second, k) in [(false, 3), (false, 1), (false, 6), (true, 2)] {
            let x = data(second: second)
            let d = x.cols
            let pca = try impl.principalComponents(x, k: k)
            try Expect.shape(pca.components, [k, d], "components for k = \(k) of \(x.shape)")
            let c = PCAOracle.covariance(DMatrix(x))
            let truth = PCAOracle.eigen(c)
            let lam1 = truth.values[0]
            let w = DMatrix(pca.components)
            for i in 0..<k { for j in 0..<k {
                let dot = (0..<d).reduce(0) { $0 + w[i, $1] * w[j, $1] }
                try Expect.that(abs(dot - (i == j ? 1 : 0)) <= 1e-4, "components are not orthonormal: row \(i) · row \(j)",
                                expected: i == j ? "1" : "0", got: Expect.fmt(dot))
            } }
            try Expect.that(pca.eigenvalues.count == k, "number of eigenvalues for k = \(k)", expected: "\(k)", got: "\(pca.eigenvalues.count)", exact: true)
            for i in 0..<k {
                try Expect.that(abs(Double(pca.eigenvalues[i]) - truth.values[i]) <= 1e-4 * lam1, "eigenvalues[\(i)] is not eigenvalue \(i + 1) (counting from the largest) of C for \(x.shape)",
                                expected: Expect.fmt(truth.values[i], vs: Double(pca.eigenvalues[i])), got: Expect.fmt(Double(pca.eigenvalues[i]), vs: truth.values[i]))
                var resid = 0.0
                for a in 0..<d {
                    let cw = (0..<d).reduce(0) { $0 + c[a, $1] * w[i, $1] }
                    resid += pow(cw - truth.values[i] * w[i, a], 2)
                }
                try Expect.that(resid.squareRoot() <= 1e-3 * lam1, "components row \(i) is not an eigenvector of C for eigenvalues[\(i)]",
                                expected: "‖Cw − λw‖ ≈ 0", got: Expect.fmt(resid.squareRoot()))
            }
            let mu = PCAOracle.mean(DMatrix(x))
            try Expect.close(pca.mean, DMatrix(rows: 1, cols: d, data: mu, vector: true), abs: 1e-4, rel: 1e-4, "mean")
          }
        },
        Check("2.2b", exercise: "2.2", "explained-variance ratio λᵢ / trace(C) for k = 2 and 5 of [40, 6] and k = 1 of [23, 4]",
              tolerance: "|got − expected| ≤ max(1e-5, 1e-4·|expected|): ratios of Float32 eigenvalues") { impl in
            for (second, k) in [(false, 2), (false, 5), (true, 1)] {
                let x = data(second: second)
                let truth = PCAOracle.eigen(PCAOracle.covariance(DMatrix(x))).values
                let total = truth.reduce(0, +)
                let got = try impl.explainedVarianceRatio(x, k: k)
                try Expect.close(Tensor(vector: got), DMatrix(rows: 1, cols: k, data: truth.prefix(k).map { $0 / total }, vector: true),
                                 abs: 1e-5, rel: 1e-4, "explained-variance ratio, k = \(k) of \(x.shape)")
            }
        },
    ]

    // MARK: 2.3

    /// PCA built from the Jacobi oracle, so 2.3 does not depend on the student's 2.2.
    static func oraclePCA(_ x: Tensor, k: Int) -> PrincipalComponents {
        let e = PCAOracle.eigen(PCAOracle.covariance(DMatrix(x)))
        let mu = PCAOracle.mean(DMatrix(x))
        return PrincipalComponents(mean: Tensor(vector: mu.map(Float.init)),
                                   components: try! Tensor(shape: [k, x.cols], data: e.vectors.prefix(k).flatMap { $0.map(Float.init) }),
                                   eigenvalues: e.values.prefix(k).map(Float.init))
    }

    static let codec: [Check<Impl>] = [
        Check("2.3a", exercise: "2.3", "encode: z = (x − μ)Wᵀ for k = 3 of [40, 6] and k = 1 of [23, 4]", tolerance: small) { impl in
            for (second, k) in [(false, 3), (true, 1)] {
                let x = data(second: second)
                let d = x.cols
                let pca = oraclePCA(x, k: k)
                let mu = PCAOracle.mean(DMatrix(x))
                let w = DMatrix(pca.components)
                var z = DMatrix(rows: x.rows, cols: k)
                for i in 0..<x.rows { for j in 0..<k { z[i, j] = (0..<d).reduce(0) { $0 + (Double(x[i, $1]) - mu[$1]) * w[j, $1] } } }
                try Expect.close(try impl.pcaEncode(x, pca), z, abs: 1e-4, rel: 1e-4, "codes, k = \(k) of \(x.shape)")
            }
        },
        Check("2.3b", exercise: "2.3", "decode(encode(x)): mean squared error = sum of the discarded eigenvalues (closed form), for k = 1…5",
              tolerance: "|MSE − Σ_{i>k} λᵢ| ≤ 1e-3·λ₁: Float32 round trip of values ~5") { impl in
            let x = data()
            let truth = PCAOracle.eigen(PCAOracle.covariance(DMatrix(x))).values
            for k in 1...5 {
                let pca = oraclePCA(x, k: k)
                let xhat = try impl.pcaDecode(try impl.pcaEncode(x, pca), pca)
                try Expect.shape(xhat, x.shape, "reconstruction")
                let mse = zip(xhat.data, x.data).reduce(0.0) { $0 + pow(Double($1.0) - Double($1.1), 2) } / Double(x.rows)
                let expected = truth[k...].reduce(0, +)
                try Expect.that(abs(mse - expected) <= 1e-3 * truth[0], "reconstruction error with k = \(k) components",
                                expected: "Σ discarded eigenvalues = \(Expect.fmt(expected, vs: mse))", got: Expect.fmt(mse, vs: expected))
            }
        },
    ]

    // MARK: 2.4, 2.5

    /// x: [12, 5] with k = 2, or (`second`) x: [9, 7] with k = 3.
    static func aeInputs(second: Bool = false) -> (x: Tensor, e: Tensor, d: Tensor) {
        var rng = SeededGenerator(seed: second ? 242 : 241)
        let (n, d, k) = second ? (9, 7, 3) : (12, 5, 2)
        let x = Tensor.randomNormal([n, d], using: &rng)
        return (x, Tensor.randomNormal([k, d], std: 0.5, using: &rng), Tensor.randomNormal([d, k], std: 0.5, using: &rng))
    }

    static func aeLoss(_ x: DMatrix, _ e: DMatrix, _ d: DMatrix) -> Double {
        var total = 0.0
        for i in 0..<x.rows {
            let z = (0..<e.rows).map { a in (0..<x.cols).reduce(0) { $0 + e[a, $1] * x[i, $1] } }
            for j in 0..<x.cols {
                let xh = (0..<e.rows).reduce(0) { $0 + d[j, $1] * z[$1] }
                total += (x[i, j] - xh) * (x[i, j] - xh)
            }
        }
        return total / Double(x.rows)
    }

    static let linearAE: [Check<Impl>] = [
        Check("2.4a", exercise: "2.4", "loss: (1/n) Σ ‖x − DEx‖² (a mean over rows of squared norms), x [12, 5] with k = 2 and [9, 7] with k = 3",
              tolerance: "|got − expected| ≤ 1e-4·expected: a Float32 sum of ≤ 63 squares") { impl in
            for second in [false, true] {
                let (x, e, d) = aeInputs(second: second)
                let got = try impl.linearAutoencoderLoss(x, encoder: e, decoder: d).loss
                let want = aeLoss(DMatrix(x), DMatrix(e), DMatrix(d))
                try Expect.that(abs(got - want) <= 1e-4 * want, "linear autoencoder loss for x \(x.shape), E \(e.shape)",
                                expected: Expect.fmt(want, vs: got), got: Expect.fmt(got, vs: want))
            }
        },
        Check("2.4b", exercise: "2.4", "gradients ∂L/∂E and ∂L/∂D match finite differences (both shapes of 2.4a)", tolerance: gradTol) { impl in
            for second in [false, true] {
                let (x, e, d) = aeInputs(second: second)
                let g = try impl.linearAutoencoderLoss(x, encoder: e, decoder: d)
                let (dx, de, dd) = (DMatrix(x), DMatrix(e), DMatrix(d))
                try Expect.gradient(g.encoder, LayerOracle.numerical(de) { aeLoss(dx, $0, dd) }, "∂L/∂E for x \(x.shape)")
                try Expect.gradient(g.decoder, LayerOracle.numerical(dd) { aeLoss(dx, de, $0) }, "∂L/∂D for x \(x.shape)")
            }
        },
        Check("2.5a", exercise: "2.5", "step: E − η∂L/∂E and D − η∂L/∂D, both gradients taken at the old (E, D), for η = 0.05 and 0.13 (both shapes of 2.4a)",
              tolerance: "|got − expected| ≤ max(1e-5, 1e-4·|expected|); updating D at the new E differs by ~η²") { impl in
            for (second, eta) in [(false, 0.05), (true, 0.13), (false, 0.13)] {
                let (x, e, d) = aeInputs(second: second)
                let (dx, de, dd) = (DMatrix(x), DMatrix(e), DMatrix(d))
                var e1 = de, d1 = dd
                let ge = LayerOracle.numerical(de) { aeLoss(dx, $0, dd) }, gd = LayerOracle.numerical(dd) { aeLoss(dx, de, $0) }
                e1.data = zip(de.data, ge.data).map { $0 - eta * $1 }
                d1.data = zip(dd.data, gd.data).map { $0 - eta * $1 }
                let got = try impl.linearAutoencoderStep(x, encoder: e, decoder: d, learningRate: Float(eta))
                try Expect.close(got.encoder, e1, abs: 1e-5, rel: 1e-4, "new encoder (η = \(eta), x \(x.shape))")
                try Expect.close(got.decoder, d1, abs: 1e-5, rel: 1e-4, "new decoder (η = \(eta), x \(x.shape))")
            }
        },
        Check("2.5b", exercise: "2.5", "ten steps with η = 0.05 lower the loss every time",
              tolerance: "strict decrease: for a small η gradient descent must go downhill") { impl in
            let x = aeInputs().x
            var (e, d) = (aeInputs().e, aeInputs().d)
            var last = aeLoss(DMatrix(x), DMatrix(e), DMatrix(d))
            for step in 1...10 {
                (e, d) = try impl.linearAutoencoderStep(x, encoder: e, decoder: d, learningRate: 0.05)
                try Expect.shape(e, [2, 5], "encoder after step \(step)")
                try Expect.shape(d, [5, 2], "decoder after step \(step)")
                let now = aeLoss(DMatrix(x), DMatrix(e), DMatrix(d))
                try Expect.that(now < last, "step \(step) of 10 did not lower the loss", expected: "< \(Expect.fmt(last, vs: now))", got: Expect.fmt(now, vs: last))
                last = now
            }
        },
    ]

    /// Gradient descent with the student's step on centred 6-D data, k = 2, from a small random start.
    static let linearAETraining: Check<Impl> =
        Check("2.5c", exercise: "2.5", "1,500 steps (η = 0.02) on centred data: decoder subspace within 2° of PCA's top 2 (Jacobi), error within 1% of PCA's optimum",
              tolerance: "angles ≤ 2°, MSE ≤ 1.01·Σ discarded λ: eigenvalues 9, 4, 2.25, … are well separated, so gradient descent converges") { impl in
            let x = data()
            let c = DMatrix(x)
            let mu = PCAOracle.mean(c)
            var xc = x
            for i in 0..<x.rows { for j in 0..<x.cols { xc[i, j] -= Float(mu[j]) } }
            var rng = SeededGenerator(seed: 251)
            var e = Tensor.randomNormal([2, 6], std: 0.1, using: &rng), d = Tensor.randomNormal([6, 2], std: 0.1, using: &rng)
            for _ in 0..<1_500 { (e, d) = try impl.linearAutoencoderStep(xc, encoder: e, decoder: d, learningRate: 0.02) }
            try Expect.shape(e, [2, 6], "encoder after training")
            try Expect.shape(d, [6, 2], "decoder after training")
            try Expect.that(e.isFinite && d.isFinite, "encoder and decoder after training", expected: "finite", got: "NaN or ∞", exact: true)
            let truth = PCAOracle.eigen(PCAOracle.covariance(c))
            let dt = try d.transposed()
            let angles = PCAOracle.principalAngles(PCAOracle.rows(dt), Array(truth.vectors.prefix(2)))
            try Expect.that(angles.allSatisfy { $0 <= 2 }, "angles between the decoder's columns and PCA's top-2 subspace",
                            expected: "≤ 2°", got: angles.map { Expect.fmt($0) + "°" }.joined(separator: ", "))
            let mse = aeLoss(DMatrix(xc), DMatrix(e), DMatrix(d))
            let optimum = truth.values[2...].reduce(0, +)
            try Expect.that(mse <= 1.01 * optimum, "reconstruction error after training", expected: "≤ 1.01 × \(Expect.fmt(optimum))", got: Expect.fmt(mse))
        }

    // MARK: 2.6

    static let angles: [Check<Impl>] = [
        Check("2.6a", exercise: "2.6", "known angles: span(e₁, e₂) vs span(e₁, cos30°·e₂ + sin30°·e₃), given by non-orthonormal rows → [0°, 30°]",
              tolerance: "±0.05°: Float32 acos near 1 loses about √ε ≈ 3e-4 rad ≈ 0.02°") { impl in
            let c = Float(cos(Double.pi / 6)), s = Float(sin(Double.pi / 6))
            // Rows mixed by [[2, 1], [1, 3]] so they are neither unit nor orthogonal.
            let a = try Tensor(rows: [[2, 1, 0, 0, 0], [1, 3, 0, 0, 0]])
            let b = try Tensor(rows: [[2, c, s, 0, 0], [1, 3 * c, 3 * s, 0, 0]])
            let got = try impl.principalAngles(a, b)
            try Expect.close(Tensor(vector: got), DMatrix(rows: 1, cols: 2, data: [0, 30], vector: true), abs: 0.05, rel: 0, "principal angles (degrees)")
        },
        Check("2.6b", exercise: "2.6", "random 3-D subspaces of ℝ⁷: matches a second method (cos²θ = eigenvalues of MMᵀ, in Double)",
              tolerance: "±0.05° (see 2.6a)") { impl in
            var rng = SeededGenerator(seed: 261)
            let a = Tensor.randomNormal([3, 7], using: &rng), b = Tensor.randomNormal([3, 7], using: &rng)
            let want = PCAOracle.principalAngles(PCAOracle.rows(a), PCAOracle.rows(b))
            try Expect.close(Tensor(vector: try impl.principalAngles(a, b)), DMatrix(rows: 1, cols: 3, data: want, vector: true),
                             abs: 0.05, rel: 0, "principal angles (degrees)")
        },
    ]

    // MARK: 2.6, identical subspaces

    static let anglesIdentical: Check<Impl> =
        Check("2.6c", exercise: "2.6", "the same subspace given by two different bases (5 random 3-D subspaces of ℝ⁷): every angle ≈ 0°, never NaN — clamp the cosines before acos",
              tolerance: "each angle ≤ 0.2° and finite: rounding can put a cosine a few ulps above 1, where acos is NaN") { impl in
            var rng = SeededGenerator(seed: 262)
            for trial in 0..<5 {
                let a = Tensor.randomNormal([3, 7], using: &rng)
                var mix = Tensor.randomNormal([3, 3], using: &rng)                // + 2I: invertible, not orthogonal
                for i in 0..<3 { mix[i, i] += 2 }
                let b = try Tensor.matmul(mix, a)
                let got = try impl.principalAngles(a, b)
                try Expect.that(got.count == 3 && got.allSatisfy { $0.isFinite && $0 <= 0.2 && $0 >= -0.2 },
                                "trial \(trial): angles between a subspace and itself (rows mixed by an invertible 3×3)",
                                expected: "[0, 0, 0] (each ≤ 0.2°)", got: "\(got)")
            }
        }

    // MARK: 2.7

    static let denoising: [Check<Impl>] = [
        Check("2.7a", exercise: "2.7", "corrupt: x + σ·ε with ε drawn by rng.nextNormal() in row-major order (σ = 0.3 and 1.7), and the noise statistics",
              tolerance: "exact draws to 1e-6·(1 + σ); mean within 4·σ/√N, std within 4·σ/√(2N) (N = 10,000)") { impl in
            var rng = SeededGenerator(seed: 271)
            let x = Tensor.randomUniform([200, 50], 0, 1, using: &rng)
            for (sigma, seed) in [(0.3, 272), (1.7, 274)] as [(Double, UInt64)] {
                var r1 = SeededGenerator(seed: seed), r2 = SeededGenerator(seed: seed)
                let y = try impl.corrupt(x, noiseStd: Float(sigma), rng: &r1)
                try Expect.shape(y, x.shape, "corrupted")
                var expected = DMatrix(x)
                for i in 0..<expected.data.count { expected.data[i] += sigma * Double(r2.nextNormal()) }
                let noise = zip(y.data, x.data).map { Double($0 - $1) }
                let n = Double(noise.count)
                let m = noise.reduce(0, +) / n
                let sd = (noise.reduce(0) { $0 + ($1 - m) * ($1 - m) } / n).squareRoot()
                try Expect.that(abs(m) <= 4 * sigma / n.squareRoot(), "noise mean (σ = \(sigma))", expected: "0 ± \(Expect.fmt(4 * sigma / n.squareRoot()))", got: Expect.fmt(m))
                try Expect.that(abs(sd - sigma) <= 4 * sigma / (2 * n).squareRoot(), "noise standard deviation (σ = \(sigma))", expected: "\(sigma)", got: Expect.fmt(sd))
                try Expect.close(y, expected, abs: 1e-6 * (1 + sigma), rel: 0, "x + σ·ε with the documented draws (σ = \(sigma))")
            }
        },
        Check("2.7b", exercise: "2.7", "denoising loss: reconstruct the noisy input, compare with the clean one, mean over rows",
              tolerance: "|got − expected| ≤ 1e-5·expected: a Float32 sum of 60 squares") { impl in
            var rng = SeededGenerator(seed: 273)
            let clean = Tensor.randomNormal([6, 10], using: &rng)
            let noisy = try clean + Tensor.randomNormal([6, 10], std: 0.5, using: &rng)
            let shrink: (Tensor) throws -> Tensor = { $0 * 0.8 }
            var want = 0.0
            for i in 0..<clean.count { want += pow(Double(clean.data[i]) - 0.8 * Double(noisy.data[i]), 2) }
            want /= 6
            let got = try impl.denoisingLoss(clean: clean, noisy: noisy, reconstruct: shrink)
            try Expect.that(abs(got - want) <= 1e-5 * want, "denoising loss", expected: Expect.fmt(want, vs: got), got: Expect.fmt(got, vs: want))
        },
    ]
}
