import Course
import Foundation
import RepLearn

/// Lecture 5's checks. Expected values come from ``ColorOracle`` (Double, from the formulas);
/// gradients from centred finite differences of those Double losses. Every parameter (grid,
/// sweep levels, k, σ, λ, T) is exercised at two or more values.
public enum ColorizationChecks {
    public typealias Impl = any ColorizationExercises

    public static var all: [Check<Impl>] { lab + bins + encode + rebalance + crossEntropy + annealed + l2 }

    static let gradTol = LayersChecks.gradTol

    static func tensor(_ rows: [[Float]]) -> Tensor { try! Tensor(shape: [rows.count, rows.first?.count ?? 0], data: rows.flatMap { $0 }) }
    static func vector(_ t: Tensor) -> [Double] { t.data.map(Double.init) }

    /// A finite Double within rel·max(|expected|, floor) of expected.
    static func scalar(_ got: Double, _ want: Double, rel: Double, floor: Double = 1, _ what: String) throws {
        try Expect.that(got.isFinite && abs(got - want) <= rel * max(abs(want), floor), what,
                        expected: Expect.fmt(want, vs: got), got: Expect.fmt(got, vs: want))
    }

    // MARK: 5.1

    /// White, black, primaries, greys, colours on the sRGB linear segment (all components < 0.04045)
    /// and with Y below δ³ (the linear piece of f), then 30 random colours.
    static func colours() -> Tensor {
        var rows: [[Float]] = [[1, 1, 1], [0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1], [0.5, 0.5, 0.5], [0.2, 0.2, 0.2],
                               [0.02, 0.01, 0.03], [0.04, 0.0, 0.035], [0.1, 0.05, 0.08], [0.06, 0.09, 0.02], [1, 1, 0], [0, 1, 1]]
        var rng = SeededGenerator(seed: 501)
        for _ in 0..<30 { rows.append([rng.nextFloat(), rng.nextFloat(), rng.nextFloat()]) }
        return tensor(rows)
    }

    /// Lab colours: some of sRGB's, some far outside it (components < 0 or > 1), very dark ones
    /// (L ≤ 8: the linear piece of f⁻¹; L = 2: linear light below 0.0031308).
    static func labColours() -> Tensor {
        var rows: [[Float]] = [[50, 120, -100], [90, -80, 90], [30, 60, 70], [5, 3, -2], [2, 0, 0], [0, 0, 0], [100, 0, 0],
                               [20, 0, 0], [60, -40, -50], [75, 10, 100], [8, -10, 12], [40, 0, -90]]
        var rng = SeededGenerator(seed: 511)
        for _ in 0..<20 {
            rows.append([Float.random(in: 10...95, using: &rng), Float.random(in: -60...60, using: &rng), Float.random(in: -60...60, using: &rng)])
        }
        return tensor(rows)
    }

    static let lab: [Check<Impl>] = [
        Check("5.1a", exercise: "5.1", "sRGB → Lab (D65) against the CIE formulas in Double: white, black, primaries, dark colours on both linear pieces, random colours",
              tolerance: "|ΔL|, |Δa|, |Δb| ≤ 2e-3 (Float32: a = 500 (f(X) − f(Y)) magnifies an ulp of f ≈ 1 to 3e-5)") { impl in
            let x = colours()
            try Expect.close(try impl.labFromSRGB(x), ColorOracle.rows(DMatrix(x), ColorOracle.lab), abs: 2e-3, rel: 0, "Lab of [n, 3] sRGB rows")
        },
        Check("5.1b", exercise: "5.1", "Lab → sRGB against the inverse formulas in Double, unclamped: out-of-gamut colours, L ≤ 8 (linear f⁻¹), linear light below 0.0031308",
              tolerance: "|Δ| ≤ 1e-4 per component (Float32 relative error ~1e-6 on components up to ~2)") { impl in
            let x = labColours()
            try Expect.close(try impl.srgbFromLab(x), ColorOracle.rows(DMatrix(x), ColorOracle.srgb), abs: 1e-4, rel: 0, "sRGB of [n, 3] Lab rows")
        },
        Check("5.1c", exercise: "5.1", "round trip: srgbFromLab(labFromSRGB(x)) = x for dark, saturated and random colours",
              tolerance: "|Δ| ≤ 1e-4 per component (two Float32 conversions)") { impl in
            let x = colours()
            try Expect.close(try impl.srgbFromLab(try impl.labFromSRGB(x)), DMatrix(x), abs: 1e-4, rel: 0, "sRGB → Lab → sRGB")
        },
    ]

    // MARK: 5.2

    /// The rows of a [Q, 2] tensor as grid indices (each must be a multiple of g).
    static func gridIndices(_ t: Tensor, _ g: Double, _ what: String) throws -> [[Int]] {
        try Expect.that(t.rank == 2 && t.cols == 2 && t.rows > 0, "\(what): [Q, 2] rows (a, b)", expected: "[Q, 2] with Q > 0", got: "\(t.shape)", exact: true)
        return try (0..<t.rows).map { i in
            try (0..<2).map { j in
                let v = Double(t[i, j])
                guard v.isFinite && abs(v) < 1e6 else { throw CheckFailure("\(what): row \(i)", expected: "a bin centre", got: "\(v)") }
                let k = (v / g).rounded()
                try Expect.that(abs(v - k * g) <= 1e-4 * max(1, abs(v)), "\(what): entry [\(i), \(j)] is not a multiple of the grid \(g)",
                                expected: Expect.fmt(k * g), got: Expect.fmt(v))
                return Int(k)
            }
        }
    }

    static let bins: [Check<Impl>] = [
        Check("5.2a", exercise: "5.2", "the bins a sweep reaches, against the same sweep in Double (grid 10 with 24 levels, grid 25 with 9, grid 7 with 15)",
              tolerance: "exact set; a bin reached only by colours within 2e-3 of a rounding boundary may be present or absent (Float32 Lab)") { impl in
            for (g, levels) in [(10.0, 24), (25.0, 9), (7.0, 15)] {
                let what = "grid \(Int(g)), \(levels) levels"
                let got = Set(try gridIndices(try impl.inGamutBins(gridSize: Float(g), levels: levels), g, what))
                let (sure, possible) = ColorOracle.gamut(gridSize: g, levels: levels)
                let missing = sure.subtracting(got).sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }
                let extra = got.subtracting(possible).sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }
                func show(_ s: [[Int]]) -> String { s.prefix(4).map { "(\(Int(g) * $0[0]), \(Int(g) * $0[1]))" }.joined(separator: ", ") + (s.count > 4 ? ", …" : "") }
                try Expect.that(missing.isEmpty && extra.isEmpty, "in-gamut bins, \(what)", expected: "\(sure.count) bins",
                                got: "\(got.count) bins" + (missing.isEmpty ? "" : "; missing \(missing.count): \(show(missing))")
                                    + (extra.isEmpty ? "" : "; not reached by any colour \(extra.count): \(show(extra))"))
            }
        },
        Check("5.2b", exercise: "5.2", "each bin once, rows sorted by a, then by b (grid 10 with 24 levels, grid 25 with 9)",
              tolerance: "exact order") { impl in
            for (g, levels) in [(10.0, 24), (25.0, 9)] {
                let idx = try gridIndices(try impl.inGamutBins(gridSize: Float(g), levels: levels), g, "grid \(Int(g)), \(levels) levels")
                for i in 1..<max(idx.count, 1) where !((idx[i - 1][0], idx[i - 1][1]) < (idx[i][0], idx[i][1])) {
                    throw CheckFailure("grid \(Int(g)), \(levels) levels: rows \(i - 1) and \(i) are out of order or repeated",
                                       expected: "(a, b) strictly increasing, a first", got: "(\(Int(g) * idx[i - 1][0]), \(Int(g) * idx[i - 1][1])) then (\(Int(g) * idx[i][0]), \(Int(g) * idx[i][1]))",
                                       toleranceApplies: false)
                }
            }
        },
    ]

    // MARK: 5.3

    /// 11 irregular centres and 8 colours around them.
    static func encodeInputs() -> (ab: Tensor, centres: Tensor) {
        var rng = SeededGenerator(seed: 503)
        let centres = Tensor.randomUniform([11, 2], -60, 60, using: &rng)
        return (Tensor.randomUniform([8, 2], -70, 70, using: &rng), centres)
    }

    static let encode: [Check<Impl>] = [
        Check("5.3a", exercise: "5.3", "soft encoding against a Double oracle: (k = 5, σ = 5), (k = 3, σ = 12), (k = 1, σ = 5); 8 colours, 11 irregular centres",
              tolerance: "|Δ| ≤ 1e-5 per entry (Float32 exp and a sum of ≤ 5 terms)") { impl in
            let (ab, centres) = encodeInputs()
            for (k, sigma) in [(5, 5.0), (3, 12.0), (1, 5.0)] {
                let got = try impl.softEncode(ab, centres: centres, neighbours: k, sigma: Float(sigma))
                try Expect.close(got, ColorOracle.softEncode(DMatrix(ab), DMatrix(centres), k: k, sigma: sigma), abs: 1e-5, rel: 0,
                                 "Z (k = \(k), σ = \(sigma))")
            }
        },
        Check("5.3b", exercise: "5.3", "ties at the k-th distance go to the lower bin index (colours halfway between grid centres; k = 1, 2, 3)",
              tolerance: "|Δ| ≤ 1e-6 (the tied distances are exact in Float32)") { impl in
            let centres = tensor([[0, 0], [10, 0], [20, 0], [0, 10], [10, 10], [20, 10]])
            let cases: [(Int, [[Float]])] = [(1, [[5, 0], [15, 5]]), (3, [[15, 5]]), (2, [[5, 5], [10, 5]])]
            for (k, points) in cases {
                let ab = tensor(points)
                try Expect.close(try impl.softEncode(ab, centres: centres, neighbours: k, sigma: 6),
                                 ColorOracle.softEncode(DMatrix(ab), DMatrix(centres), k: k, sigma: 6), abs: 1e-6, rel: 0, "Z at ties (k = \(k))")
            }
        },
        Check("5.3c", exercise: "5.3", "colours far from every centre (hundreds of ab units away) still encode: finite, normalised (σ = 5 and 2)",
              tolerance: "|Δ| ≤ 1e-5 per entry") { impl in
            let (_, centres) = encodeInputs()
            let ab = tensor([[400, -300], [-250, 260], [10, 10]])
            for sigma in [5.0, 2.0] {
                try Expect.close(try impl.softEncode(ab, centres: centres, neighbours: 3, sigma: Float(sigma)),
                                 ColorOracle.softEncode(DMatrix(ab), DMatrix(centres), k: 3, sigma: sigma), abs: 1e-5, rel: 0, "Z far away (σ = \(sigma))")
            }
        },
    ]

    // MARK: 5.4

    /// Grid centres (a block with some bins missing) and a prior with zeros.
    static func rebalanceInputs(_ g: Float, aSteps: ClosedRange<Int>, bSteps: ClosedRange<Int>, drop: Set<Int>, seed: UInt64) -> (prior: Tensor, centres: Tensor) {
        var rows: [[Float]] = []
        for i in aSteps { for j in bSteps { rows.append([Float(i) * g, Float(j) * g]) } }
        rows = rows.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
        var rng = SeededGenerator(seed: seed)
        var p = (0..<rows.count).map { q -> Float in q % 4 == 1 ? 0 : pow(rng.nextFloat(), 3) + 0.001 }
        p[2] = 0.6                                                   // a dominant bin, as grey is in photos
        let s = p.reduce(0, +)
        return (Tensor(vector: p.map { $0 / s }), tensor(rows))
    }

    /// (grid, σ in bins, λ, inputs).
    static var rebalanceCases: [(Float, Float, Float, (prior: Tensor, centres: Tensor))] {
        let a = rebalanceInputs(10, aSteps: -2...3, bSteps: -1...2, drop: [0, 7, 23], seed: 504)
        let b = rebalanceInputs(7, aSteps: -2...2, bSteps: 0...2, drop: [4, 10], seed: 514)
        return [(10, 1, 0.5, a), (7, 0.6, 0.2, b), (10, 2.5, 0.9, a)]
    }

    /// Each case's oracle and the student's answer, for 5.4a (p̃) and 5.4b (w).
    static func rebalanceResults(_ impl: Impl) throws -> [(Float, Float, Float, (smoothed: [Double], weights: [Double]), Rebalancing)] {
        try rebalanceCases.map { (g, sigma, lambda, x) in
            (g, sigma, lambda,
             ColorOracle.rebalance(vector(x.prior), DMatrix(x.centres), gridSize: Double(g), sigma: Double(sigma), lambda: Double(lambda)),
             try impl.rebalancingWeights(prior: x.prior, centres: x.centres, gridSize: g, sigma: sigma, lambda: lambda))
        }
    }

    static let rebalance: [Check<Impl>] = [
        Check("5.4a", exercise: "5.4", "smoothed prior p̃ ∝ Gaussian (σ in bin units) ∗ p, sums to 1: grid 10 with σ = 1 and 2.5, grid 7 with σ = 0.6",
              tolerance: "|Δ| ≤ 1e-5·max(p̃) + 1e-5 relative (Float32 result of a Double-sized sum)") { impl in
            for (g, sigma, _, want, got) in try rebalanceResults(impl) {
                try Expect.close(got.smoothed, DMatrix(rows: 1, cols: want.smoothed.count, data: want.smoothed, vector: true),
                                 abs: 1e-5 * (want.smoothed.max() ?? 1), rel: 1e-5, "p̃ (grid \(g), σ = \(sigma) bins)")
            }
        },
        Check("5.4b", exercise: "5.4", "weights w ∝ ((1 − λ)p̃ + λ/Q)⁻¹ with E_p̃[w] = 1: λ = 0.5, 0.2, 0.9",
              tolerance: "relative |Δ| ≤ 1e-5 per weight") { impl in
            for (g, sigma, lambda, want, got) in try rebalanceResults(impl) {
                try Expect.close(got.weights, DMatrix(rows: 1, cols: want.weights.count, data: want.weights, vector: true),
                                 abs: 1e-6, rel: 1e-5, "w (grid \(g), σ = \(sigma), λ = \(lambda))")
            }
        },
    ]

    // MARK: 5.5

    /// Logits, soft targets (rows sum to 1) and per-bin weights: [7, 5] and [4, 9].
    static func ceInputs() -> [(logits: Tensor, targets: Tensor, weights: Tensor)] {
        var rng = SeededGenerator(seed: 505)
        func targets(_ p: Int, _ q: Int) -> Tensor {
            var t = Tensor.randomUniform([p, q], 0, 1, using: &rng).map { $0 * $0 }
            for i in 0..<p { let s = t.row(i).reduce(0, +); for j in 0..<q { t[i, j] /= s } }
            return t
        }
        let a = (Tensor.randomNormal([7, 5], std: 2, using: &rng), targets(7, 5), Tensor(vector: [0.5, 2.0, 1.0, 3.5, 0.8]))
        let b = (Tensor.randomNormal([4, 9], std: 2, using: &rng), targets(4, 9), Tensor.randomUniform([9], 0.2, 4, using: &rng))
        return [a, b]
    }

    static let crossEntropy: [Check<Impl>] = [
        Check("5.5a", exercise: "5.5", "loss −(1/P) Σ_p w_{q*(p)} Σ_q Z log softmax, q* = the target's most likely bin; [7, 5] and [4, 9]",
              tolerance: "relative |Δ| ≤ 1e-5") { impl in
            for (x, z, w) in ceInputs() {
                let got = try impl.weightedCrossEntropy(logits: x, targets: z, binWeights: w)
                try scalar(got.loss, ColorOracle.crossEntropy(DMatrix(x), DMatrix(z), vector(w)), rel: 1e-5, "loss, logits \(x.shape)")
            }
        },
        Check("5.5b", exercise: "5.5", "∂L/∂logits matches centred differences of the Double loss, per entry; [7, 5] and [4, 9]",
              tolerance: gradTol) { impl in
            for (x, z, w) in ceInputs() {
                let got = try impl.weightedCrossEntropy(logits: x, targets: z, binWeights: w)
                let (dz, dw) = (DMatrix(z), vector(w))
                try Expect.gradient(got.gradient, LayerOracle.numerical(DMatrix(x)) { ColorOracle.crossEntropy($0, dz, dw) }, "∂L/∂logits \(x.shape)")
            }
        },
        Check("5.5c", exercise: "5.5", "tied most likely bins: the weight of the lowest tied bin",
              tolerance: "relative |Δ| ≤ 1e-5") { impl in
            let z = tensor([[0.4, 0.1, 0.4, 0.1], [0, 0.5, 0, 0.5], [0.3, 0.3, 0.3, 0.1]])
            let x = tensor([[1, -1, 0.5, 2], [0, 1, 2, -1], [-0.5, 0.3, 1.2, 0]])
            let w = Tensor(vector: [0.5, 3, 1.5, 0.25])
            let got = try impl.weightedCrossEntropy(logits: x, targets: z, binWeights: w)
            try scalar(got.loss, ColorOracle.crossEntropy(DMatrix(x), DMatrix(z), vector(w)), rel: 1e-5, "loss with tied target bins")
        },
        Check("5.5d", exercise: "5.5", "large logits (600–900): finite loss and gradient, equal to the stable Double values",
              tolerance: "loss: relative |Δ| ≤ 1e-4 (an ulp of 900 is 6e-5); gradient: " + gradTol) { impl in
            let (x0, z, w) = ceInputs()[0]
            var x = x0 * 3 + 600
            for j in 0..<5 { x[0, j] = [900, 880, 700, 650, 899][j] }
            let got = try impl.weightedCrossEntropy(logits: x, targets: z, binWeights: w)
            let (dz, dw) = (DMatrix(z), vector(w))
            try scalar(got.loss, ColorOracle.crossEntropy(DMatrix(x), dz, dw), rel: 1e-4, "loss at large logits")
            try Expect.gradient(got.gradient, LayerOracle.numerical(DMatrix(x)) { ColorOracle.crossEntropy($0, dz, dw) }, "∂L/∂logits at large logits")
        },
    ]

    // MARK: 5.6

    /// [6, 7] distributions with some exact zeros, and 7 centres.
    static func meanInputs() -> (z: Tensor, centres: Tensor) {
        var rng = SeededGenerator(seed: 506)
        var z = Tensor.randomUniform([6, 7], 0, 1, using: &rng).map { $0 * $0 * $0 }
        z[0, 3] = 0; z[2, 0] = 0; z[2, 6] = 0; z[5, 1] = 0
        for i in 0..<6 { let s = z.row(i).reduce(0, +); for j in 0..<7 { z[i, j] /= s } }
        return (z, Tensor.randomUniform([7, 2], -80, 80, using: &rng))
    }

    static let annealed: [Check<Impl>] = [
        Check("5.6a", exercise: "5.6", "f_T(z) = Σ softmax(log z / T) c at T = 1 (the plain mean), 0.38 and 2.5; zero probabilities get weight 0",
              tolerance: "|Δ| ≤ 1e-3 ab units (Float32 softmax over 7 bins, centres up to 80)") { impl in
            let (z, centres) = meanInputs()
            for t in [1.0, 0.38, 2.5] {
                try Expect.close(try impl.annealedMean(z, centres: centres, temperature: Float(t)),
                                 ColorOracle.annealedMean(DMatrix(z), DMatrix(centres), t: t), abs: 1e-3, rel: 0, "f_T (T = \(t))")
            }
        },
        Check("5.6b", exercise: "5.6", "T = 0.01 and 0.05: finite, close to the mode (z^(1/T) alone underflows Float32 at T = 0.01)",
              tolerance: "|Δ| ≤ 1e-3 ab units") { impl in
            let (_, centres) = meanInputs()
            let z = tensor([[0.3, 0.25, 0.15, 0.1, 0.1, 0.1, 0], [0.05, 0.1, 0.2, 0.28, 0.22, 0.15, 0], [0.14, 0.14, 0.14, 0.14, 0.16, 0.14, 0.14]])
            for t in [0.01, 0.05] {
                try Expect.close(try impl.annealedMean(z, centres: centres, temperature: Float(t)),
                                 ColorOracle.annealedMean(DMatrix(z), DMatrix(centres), t: t), abs: 1e-3, rel: 0, "f_T (T = \(t))")
            }
        },
    ]

    // MARK: 5.7

    static func l2Inputs() -> [(Tensor, Tensor)] {
        var rng = SeededGenerator(seed: 507)
        return [13, 5].map { p in (Tensor.randomUniform([p, 2], -60, 60, using: &rng), Tensor.randomUniform([p, 2], -60, 60, using: &rng)) }
    }

    static let l2: [Check<Impl>] = [
        Check("5.7a", exercise: "5.7", "L = (1/P) Σ_p ‖Ŷ_p − Y_p‖² (a mean over positions, not over the 2P entries); P = 13 and 5",
              tolerance: "relative |Δ| ≤ 1e-5") { impl in
            for (y, t) in l2Inputs() {
                try scalar(try impl.l2Loss(prediction: y, target: t).loss, ColorOracle.l2(DMatrix(y), DMatrix(t)), rel: 1e-5, "L2 loss, P = \(y.rows)")
            }
        },
        Check("5.7b", exercise: "5.7", "∂L/∂Ŷ matches centred differences of the Double loss, per entry; P = 13 and 5",
              tolerance: gradTol) { impl in
            for (y, t) in l2Inputs() {
                let dt = DMatrix(t)
                try Expect.gradient(try impl.l2Loss(prediction: y, target: t).gradient, LayerOracle.numerical(DMatrix(y)) { ColorOracle.l2($0, dt) },
                                    "∂L/∂Ŷ, P = \(y.rows)")
            }
        },
    ]
}
