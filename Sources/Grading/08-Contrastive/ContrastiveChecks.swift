import Course
import Foundation
import RepLearn

/// Lecture 8's checks: Double oracles of the papers' formulas (ContrastiveOracles.swift),
/// centred finite differences per gradient entry, a training run that must find −log Z, and the
/// augmentation's draws written out.
public enum ContrastiveChecks {
    public typealias Impl = any ContrastiveExercises

    public static var all: [Check<Impl>] { nce + ntXent + alignUniform + views + rotation }

    static let gradTol = LayersChecks.gradTol
    static let valueTol = "|got − expected| ≤ 1e-5·max(1, |expected|): Float32 sums of a few hundred terms"

    static func doubles(_ t: Tensor) -> [Double] { t.data.map(Double.init) }
    static func closeValue(_ got: Double, _ want: Double, _ what: String, rel: Double = 1e-5) throws {
        try Expect.that(got.isFinite && abs(got - want) <= rel * max(1, abs(want)), what,
                        expected: Expect.fmt(want, vs: got), got: Expect.fmt(got, vs: want))
    }

    // MARK: 8.1 NCE

    /// (data, noise, θ, noise mean, noise std, ν): ν at 1, 3 and 25; T_n = ν·T_d only in the first, so
    /// "ν·mean over noise" and "sum over noise / T_d" differ in the others.
    static func nceCases() -> [(Tensor, Tensor, Tensor, Float, Float, Float)] {
        var rng = SeededGenerator(seed: 801)
        return [
            (Tensor.randomNormal([7], std: 0.8, using: &rng) + 1, Tensor.randomNormal([7], std: 1.5, using: &rng), Tensor(vector: [0.7, -0.3, -0.4]), 0, 1.5, 1),
            (Tensor.randomNormal([5], std: 0.5, using: &rng) + (-1), Tensor.randomNormal([8], std: 2, using: &rng) + 0.5, Tensor(vector: [-1.2, 0.4, 1.1]), 0.5, 2, 3),
            (Tensor.randomNormal([4], using: &rng), Tensor.randomNormal([30], std: 1.2, using: &rng), Tensor(vector: [0.2, 0.1, -2.5]), -0.3, 1.2, 25),
        ]
    }

    static let nce: [Check<Impl>] = [
        Check("8.1a", exercise: "8.1", "NCE loss −mean_data log σ(G) − ν·mean_noise log(1 − σ(G)), G = log p_m − log(ν pₙ), at ν = 1, 3, 25",
              tolerance: valueTol) { impl in
            for (data, noise, theta, m, sn, nu) in nceCases() {
                let got = try impl.nceLoss(data: data, noise: noise, theta: theta, noiseMean: m, noiseStd: sn, nu: nu)
                let want = ContrastiveOracle.nce(doubles(data), doubles(noise), doubles(theta), m: Double(m), sn: Double(sn), nu: Double(nu))
                try closeValue(got.loss, want, "loss at ν = \(nu), θ = \(theta.data), \(data.count) data, \(noise.count) noise samples")
            }
        },
        Check("8.1b", exercise: "8.1", "∂loss/∂θ for θ = [μ, s, c], per entry, against centred differences of the Double loss",
              tolerance: gradTol) { impl in
            for (data, noise, theta, m, sn, nu) in nceCases() {
                let got = try impl.nceLoss(data: data, noise: noise, theta: theta, noiseMean: m, noiseStd: sn, nu: nu)
                let (d, y) = (doubles(data), doubles(noise))
                let want = LayerOracle.numerical(DMatrix(theta)) { ContrastiveOracle.nce(d, y, $0.data, m: Double(m), sn: Double(sn), nu: Double(nu)) }
                try Expect.gradient(got.gradient, want, "∂loss/∂[μ, s, c] at ν = \(nu)")
            }
        },
        Check("8.1c", exercise: "8.1", "descending your gradient from c = 0 learns the normaliser: c → −log Z = −log(√(2π)·e^s) (ν = 1 and 10)",
              tolerance: "|c + log Z(s)| ≤ 0.05 and |c + log Z_true| ≤ 0.1 after 400 steps: with 1,000 data samples the reference lands 0.020 (ν = 1) and 0.004 (ν = 10) from −log Z(s), sampling error") { impl in
            var rng = SeededGenerator(seed: 811)
            let (trueMean, trueStd) = (1.3, 0.7)
            let data = Tensor.randomNormal([1000], std: Float(trueStd), using: &rng) + Float(trueMean)
            for nu in [1, 10] {
                let noise = Tensor.randomNormal([1000 * nu], std: 1.5, using: &rng) + 0.5
                var theta = [0.0, 0.0, 0.0]
                for _ in 0..<400 {
                    let g = try impl.nceLoss(data: data, noise: noise, theta: Tensor(vector: theta.map(Float.init)),
                                             noiseMean: 0.5, noiseStd: 1.5, nu: Float(nu)).gradient
                    try Expect.shape(g, [3], "∂loss/∂θ")
                    for j in 0..<3 { theta[j] -= 0.5 * Double(g.data[j]) }
                }
                let logZ = log((2 * Double.pi).squareRoot() * exp(theta[1]))
                let trueLogZ = log((2 * Double.pi).squareRoot() * trueStd)
                try Expect.that(abs(theta[2] + logZ) <= 0.05, "learned c after 400 steps at ν = \(nu) (θ = \(theta.map { Expect.fmt($0) }))",
                                expected: "−log Z(s) = \(Expect.fmt(-logZ))", got: Expect.fmt(theta[2]))
                try Expect.that(abs(theta[2] + trueLogZ) <= 0.1, "learned c at ν = \(nu) against the data's true normaliser",
                                expected: "−log(√(2π)·0.7) = \(Expect.fmt(-trueLogZ))", got: Expect.fmt(theta[2]))
            }
        },
    ]

    // MARK: 8.2 NT-Xent

    /// z: [2N, d] with rows of very different norms (so normalising matters), τ at 0.5, 0.1, 2.
    static func ntXentCases() -> [(Tensor, Float)] {
        var rng = SeededGenerator(seed: 821)
        func batch(_ m: Int, _ d: Int) -> Tensor {
            var z = Tensor.randomNormal([m, d], using: &rng)
            for i in 0..<m { let s = Float(0.3 + 0.7 * Double(i % 4)); for j in 0..<d { z[i, j] *= s } }
            return z
        }
        return [(batch(6, 5), 0.5), (batch(8, 3), 0.1), (batch(4, 7), 2)]
    }

    static let ntXent: [Check<Impl>] = [
        Check("8.2a", exercise: "8.2", "NT-Xent loss: cosine similarities / τ, positive at (i + N) mod 2N, self-similarity left out, mean over 2N rows",
              tolerance: valueTol) { impl in
            for (z, tau) in ntXentCases() {
                let got = try impl.ntXent(z, temperature: tau)
                let want = ContrastiveOracle.ntXent(doubles(z), rows: z.rows, cols: z.cols, tau: Double(tau))
                try closeValue(got.loss, want, "NT-Xent of z: \(z.shape) at τ = \(tau)")
            }
        },
        Check("8.2b", exercise: "8.2", "∂NT-Xent/∂z per entry (through the normalisation), against centred differences in Double",
              tolerance: gradTol) { impl in
            for (z, tau) in ntXentCases() {
                let got = try impl.ntXent(z, temperature: tau)
                let want = LayerOracle.numerical(DMatrix(z)) { ContrastiveOracle.ntXent($0.data, rows: z.rows, cols: z.cols, tau: Double(tau)) }
                try Expect.gradient(got.gradient, want, "∂loss/∂z for z: \(z.shape) at τ = \(tau)")
            }
        },
    ]

    // MARK: 8.3 Alignment and uniformity

    static let alignUniform: [Check<Impl>] = [
        Check("8.3a", exercise: "8.3", "alignment (1/n) Σ ‖xᵢ − yᵢ‖^α at α = 2, 1, 3 (pairs row by row)",
              tolerance: valueTol) { impl in
            var rng = SeededGenerator(seed: 831)
            for (n, d, alpha) in [(6, 4, 2.0), (3, 5, 1.0), (5, 2, 3.0)] {
                let x = Tensor.randomNormal([n, d], using: &rng), y = Tensor.randomNormal([n, d], std: 0.7, using: &rng)
                let got = try impl.alignment(x, y, alpha: alpha)
                try closeValue(got, ContrastiveOracle.alignment(DMatrix(x), DMatrix(y), alpha: alpha), "alignment of [\(n), \(d)] pairs at α = \(alpha)")
            }
        },
        Check("8.3b", exercise: "8.3", "uniformity log mean_{i<j} e^{−t‖xᵢ − xⱼ‖²} at t = 2 and 0.5 (distinct pairs only)",
              tolerance: valueTol) { impl in
            var rng = SeededGenerator(seed: 832)
            for (n, d, t) in [(5, 3, 2.0), (8, 2, 0.5)] {
                let x = Tensor.randomNormal([n, d], std: 0.6, using: &rng)
                let got = try impl.uniformity(x, t: t)
                try closeValue(got, ContrastiveOracle.uniformity(DMatrix(x), t: t), "uniformity of \(n) points in \(d)-D at t = \(t)")
            }
        },
    ]

    // MARK: 8.4 Views

    static func images(_ shape: [Int], seed: UInt64) -> Tensor {
        var rng = SeededGenerator(seed: seed)
        return Tensor.randomUniform(shape, 0, 1, using: &rng)
    }

    static let views: [Check<Impl>] = [
        Check("8.4a", exercise: "8.4", "a view keeps the shape [N, C, H, W], differs from the input, and stays in [0, 1] (the noise is clamped)",
              tolerance: "exact bounds 0 ≤ v ≤ 1") { impl in
            for (shape, seed) in [([5, 1, 12, 12], UInt64(841)), ([3, 2, 9, 9], 842)] {
                let x = images(shape, seed: seed)
                var rng = SeededGenerator(seed: seed + 10)
                let v = try impl.augmentView(x, ViewAugmentation(cropScale: 0.3...1, flipProbability: 0.5, rotationDegrees: 20, noiseStd: 0.4), rng: &rng)
                try Expect.shape(v, shape, "view")
                let outside = v.data.filter { !($0 >= 0 && $0 <= 1) }
                try Expect.that(outside.isEmpty, "view values", expected: "all in [0, 1]", got: "\(outside.count) outside, e.g. \(outside.prefix(3))", exact: true)
                try Expect.that(v.data != x.data, "view of \(shape)", expected: "different from the input", got: "the input unchanged", exact: true)
            }
        },
        Check("8.4b", exercise: "8.4", "ViewAugmentation.identity returns the input bit for bit",
              tolerance: "exact") { impl in
            for (shape, seed) in [([4, 1, 10, 10], UInt64(843)), ([2, 3, 7, 7], 844)] {
                let x = images(shape, seed: seed)
                var rng = SeededGenerator(seed: 9)
                let v = try impl.augmentView(x, .identity, rng: &rng)
                try Expect.close(v, DMatrix(x).reshapedLike(x), abs: 0, rel: 0, "identity view of \(shape)")
            }
        },
        Check("8.4c", exercise: "8.4", "crop (scale, ratio) → flip p → rotation U(−r, r) → clamped noise σ, each piece's draws in turn; rng left where the last draw leaves it",
              tolerance: "|got − expected| ≤ 1e-4 (bilinear weights in Float32); generator state exact") { impl in
            let cases: [([Int], ViewAugmentation)] = [
                ([4, 1, 10, 10], ViewAugmentation(cropScale: 0.3...0.9, cropRatio: 0.8...1.25, flipProbability: 0.5, rotationDegrees: 15, noiseStd: 0.1)),
                ([3, 2, 8, 8], ViewAugmentation(cropScale: 0.5...1, cropRatio: 0.75...1.33, flipProbability: 0.8, rotationDegrees: 40, noiseStd: 0.05)),
            ]
            for (k, (shape, a)) in cases.enumerated() {
                let x = images(shape, seed: 845 + UInt64(k))
                var mine = SeededGenerator(seed: 850 + UInt64(k)), theirs = mine
                let got = try impl.augmentView(x, a, rng: &theirs)
                let want = try ContrastiveOracle.view(x, scale: a.cropScale, ratio: a.cropRatio, flip: a.flipProbability,
                                                      degrees: a.rotationDegrees, noise: a.noiseStd, rng: &mine)
                try Expect.close(got, DMatrix(rows: 1, cols: want.count, data: want).reshapedLike(x), abs: 1e-4, rel: 0, "view \(k) of \(shape)")
                try Expect.that(theirs.state == mine.state, "generator after the view \(k)", expected: "advanced by exactly the pieces' draws",
                                got: "a different state", exact: true)
            }
        },
        Check("8.4d", exercise: "8.4", "the view is a function of the generator: the same seed gives the same view, another seed another view",
              tolerance: "exact") { impl in
            let x = images([4, 1, 10, 10], seed: 848)
            let a = ViewAugmentation(cropScale: 0.4...1, flipProbability: 0.5, rotationDegrees: 10, noiseStd: 0.05)
            var r1 = SeededGenerator(seed: 1), r2 = SeededGenerator(seed: 1), r3 = SeededGenerator(seed: 2)
            let (v1, v2, v3) = (try impl.augmentView(x, a, rng: &r1), try impl.augmentView(x, a, rng: &r2), try impl.augmentView(x, a, rng: &r3))
            try Expect.that(v1.shape == v2.shape && v1.data == v2.data, "two views with seed 1", expected: "identical", got: "different", exact: true)
            try Expect.that(v1.data != v3.data, "views with seeds 1 and 2", expected: "different", got: "identical", exact: true)
        },
    ]

    // MARK: 8.5 Rotation prediction

    static let rotation: [Check<Impl>] = [
        Check("8.5a", exercise: "8.5", "rotation batch: entry 4i + k is image i turned k quarter turns counter-clockwise (out[y, x] = in[x, S − 1 − y]), label k",
              tolerance: "exact (a permutation of pixels)") { impl in
            for shape in [[3, 2, 5, 5], [2, 1, 4, 4]] {
                let x = images(shape, seed: 851 + UInt64(shape[2]))
                let b = try impl.rotationBatch(x)
                let (n, c, s) = (shape[0], shape[1], shape[2])
                let labels = (0..<(4 * n)).map { $0 % 4 }
                try Expect.that(b.labels == labels, "labels for \(n) images", expected: "\(labels)", got: "\(b.labels)", exact: true)
                var want = DMatrix(rows: 1, cols: 4 * n * c * s * s)
                for i in 0..<n { for k in 0..<4 { for ch in 0..<c {
                    let src = x.data[((i * c + ch) * s * s)..<((i * c + ch + 1) * s * s)]
                    for y in 0..<s { for xx in 0..<s {
                        want.data[(((4 * i + k) * c + ch) * s + y) * s + xx] = Double(ContrastiveOracle.rotatedPixel(src, side: s, k: k, y: y, x: xx))
                    } }
                } } }
                try Expect.close(b.images, want.reshaped([4 * n, c, s, s]), abs: 0, rel: 0, "rotated images of \(shape)")
            }
        },
        Check("8.5b", exercise: "8.5", "rotation loss: mean cross-entropy and ∂/∂logits = (softmax − one-hot)/M, finite for logits in the hundreds",
              tolerance: "loss: " + valueTol + "; gradient: " + gradTol) { impl in
            var rng = SeededGenerator(seed: 855)
            let a = Tensor.randomNormal([8, 4], std: 2, using: &rng)
            let b = Tensor.randomNormal([5, 3], std: 1, using: &rng) * 100 + 300
            for (logits, labels) in [(a, [0, 1, 2, 3, 3, 2, 1, 0]), (b, [2, 0, 1, 1, 2])] {
                let got = try impl.rotationLoss(logits: logits, labels: labels)
                let want = ContrastiveOracle.crossEntropy(DMatrix(logits), labels)
                try closeValue(got.loss, want.loss, "cross-entropy of logits \(logits.shape)")
                try Expect.gradient(got.gradient, want.gradient, "∂loss/∂logits for \(logits.shape)")
            }
        },
    ]
}

extension DMatrix {
    /// The same numbers with a tensor's shape (rank 4 included), for ``Expect/close``.
    func reshapedLike(_ t: Tensor) -> DMatrix { reshaped(t.shape) }
    func reshaped(_ shape: [Int]) -> DMatrix {
        var m = DMatrix(rows: rows, cols: cols, data: data)
        m.shape = shape
        return m
    }
}
