import Course
import Foundation
import RepLearn

/// Lecture 4's checks: Double oracles, finite differences with the stop-gradients written out
/// (the constant side held fixed), the straight-through identity, and the k-means reduction.
public enum VQChecks {
    public typealias Impl = any VQExercises

    public static var all: [Check<Impl>] { quantize + losses + backward + usage + dead }

    /// z_e: [12, 3] and a codebook of 5 codes (code 4 far away, so it is never used).
    static func inputs() -> (z: Tensor, codebook: Tensor, g: Tensor) {
        var rng = SeededGenerator(seed: 401)
        let z = Tensor.randomNormal([12, 3], using: &rng)
        var cb = Tensor.randomNormal([5, 3], using: &rng)
        for j in 0..<3 { cb[4, j] = 50 }
        return (z, cb, Tensor.randomNormal([12, 3], using: &rng))
    }

    /// Two further problems: (a) z_e [12, 3] and 5 random codes, every code in use — the last one
    /// too; (b) z_e [9, 4] and 7 codes where codes 2 and 5 coincide (exact ties) and code 6 wins rows.
    static func configs() -> [(z: Tensor, codebook: Tensor, g: Tensor)] {
        var rng = SeededGenerator(seed: 402)
        let za = Tensor.randomNormal([12, 3], using: &rng)
        var cba = try! za.gatherRows([0, 3, 6, 9, 11])          // codes at data rows, perturbed: all used
        cba = try! cba + Tensor.randomNormal([5, 3], std: 0.05, using: &rng)
        let ga = Tensor.randomNormal([12, 3], using: &rng)
        let zb = Tensor.randomNormal([9, 4], using: &rng)
        var cbb = Tensor.randomNormal([7, 4], using: &rng)
        for j in 0..<4 { cbb[5, j] = cbb[2, j]; cbb[6, j] = zb[8, j] + 0.01 }
        for j in 0..<4 { cbb[2, j] = zb[4, j]; cbb[5, j] = zb[4, j] }   // rows near zb[4] tie between codes 2 and 5
        return [(za, cba, ga), (zb, cbb, Tensor.randomNormal([9, 4], using: &rng))]
    }

    /// Indices that are *not* the nearest codes (so code that re-quantizes instead of using the given indices is caught).
    static func arbitraryIndices(_ n: Int, k: Int) -> [Int] { (0..<n).map { (5 * $0 + 2) % k } }

    static func rows(_ t: Tensor) -> [[Double]] { (0..<t.rows).map { t.row($0).map(Double.init) } }
    static func nearest(_ z: Tensor, _ cb: Tensor) -> [Int] { KMeansChecks.oracleAssign(rows(z), rows(cb)) }

    /// (1/n) Σ ‖z_i − e_{k(i)}‖² with fixed indices.
    static func sqLoss(_ z: DMatrix, _ cb: DMatrix, _ idx: [Int]) -> Double {
        var s = 0.0
        for i in 0..<z.rows { for j in 0..<z.cols { s += pow(z[i, j] - cb[idx[i], j], 2) } }
        return s / Double(z.rows)
    }

    static let gradTol = LayersChecks.gradTol

    static let quantize: [Check<Impl>] = [
        Check("4.1a", exercise: "4.1", "quantize: each row's nearest code (arg-min, in Double; ties → lowest index), and z_q is exactly that codebook row — three problems, the last code used in one, exact ties in another",
              tolerance: "exact: z_q must *be* codebook rows") { impl in
            for (p, (z, cb, _)) in ([inputs()] + configs()).enumerated() {
                let q = try impl.quantize(z, codebook: cb)
                let want = nearest(z, cb)
                try Expect.that(q.indices == want, "nearest-code indices (problem \(p): z_e \(z.shape), \(cb.rows) codes)", expected: "\(want)", got: "\(q.indices)", exact: true)
                try Expect.close(q.vectors, DMatrix(try cb.gatherRows(want)), abs: 0, rel: 0, "z_q (problem \(p))")
            }
        },
    ]

    static let losses: [Check<Impl>] = [
        Check("4.2a", exercise: "4.2", "codebook and commitment losses (1/n) Σ ‖z_e − e_k‖² for the *given* indices (not the nearest), total = codebook + β·commitment, β = 0.25 and 0.6",
              tolerance: "|got − expected| ≤ 1e-5·expected") { impl in
            for ((z, cb, _), beta) in zip(configs(), [0.25, 0.6]) {
                let idx = arbitraryIndices(z.rows, k: cb.rows)
                let want = sqLoss(DMatrix(z), DMatrix(cb), idx)
                let l = try impl.vqLosses(z, codebook: cb, indices: idx, beta: Float(beta))
                for (name, got, exp) in [("codebook", l.codebook, want), ("commitment", l.commitment, want), ("total", l.total, (1 + beta) * want)] {
                    try Expect.that(abs(got - exp) <= 1e-5 * exp, "\(name) loss (β = \(beta), z_e \(z.shape))", expected: Expect.fmt(exp, vs: got), got: Expect.fmt(got, vs: exp))
                }
            }
        },
    ]

    static let backward: [Check<Impl>] = [
        Check("4.3a", exercise: "4.3", "stop-gradients (g = 0): ∂/∂z_e = ∇ of β·L_commit with e fixed, ∂/∂e = ∇ of L_codebook with z_e fixed — given indices (not the nearest), β = 0.25 and 0.6",
              tolerance: gradTol) { impl in
            for ((z, cb, _), beta) in zip(configs(), [0.25, 0.6]) {
                let idx = arbitraryIndices(z.rows, k: cb.rows)
                let r = try impl.vqBackward(z, codebook: cb, indices: idx, decoderInputGradient: Tensor.zeros(z.shape), beta: Float(beta))
                let (dz, dcb) = (DMatrix(z), DMatrix(cb))
                try Expect.gradient(r.encoder, LayerOracle.numerical(dz) { beta * sqLoss($0, dcb, idx) }, "∂L/∂z_e (commitment only, β = \(beta))")
                try Expect.gradient(r.codebook, LayerOracle.numerical(dcb) { sqLoss(dz, $0, idx) }, "∂L/∂codebook (codebook loss only, β = \(beta))")
            }
        },
        Check("4.3b", exercise: "4.3", "straight-through: with β = 0, ∂L/∂z_e equals the decoder-input gradient; the codebook gradient ignores it",
              tolerance: "|got − g| ≤ 1e-6 (a copy); codebook gradients equal to 1e-6") { impl in
            let (z, cb, g) = inputs()
            let idx = nearest(z, cb)
            let with = try impl.vqBackward(z, codebook: cb, indices: idx, decoderInputGradient: g, beta: 0)
            try Expect.close(with.encoder, DMatrix(g), abs: 1e-6, rel: 0, "∂L/∂z_e at β = 0")
            let without = try impl.vqBackward(z, codebook: cb, indices: idx, decoderInputGradient: Tensor.zeros(g.shape), beta: 0)
            try Expect.close(with.codebook, DMatrix(without.codebook), abs: 1e-6, rel: 0, "∂L/∂codebook must not depend on g")
        },
        Check("4.3c", exercise: "4.3", "a codebook step e_k ← e_k − (n/2n_k)·∂L/∂e_k is the k-means update (means of members; the decoder plays no part)",
              tolerance: "within 1e-5 of the members' means; unused codes unchanged") { impl in
            let (z, cb, _) = inputs()
            let idx = nearest(z, cb)
            let r = try impl.vqBackward(z, codebook: cb, indices: idx, decoderInputGradient: Tensor.zeros(z.shape), beta: 0.25)
            try Expect.shape(r.codebook, cb.shape, "∂L/∂codebook")
            let means = KMeansChecks.means(rows(z), idx, k: 5)
            var want = DMatrix(cb)
            var got = cb
            for k in 0..<5 {
                let nk = idx.filter { $0 == k }.count
                if let m = means[k] { for j in 0..<3 { want[k, j] = m[j] } }
                if nk > 0 { for j in 0..<3 { got[k, j] -= Float(12) / Float(2 * nk) * r.codebook[k, j] } }
            }
            try Expect.close(got, want, abs: 1e-5, rel: 1e-5, "codebook after one step")
        },
    ]

    static let usage: [Check<Impl>] = [
        Check("4.4a", exercise: "4.4", "usage counts, and perplexity = exp(entropy in nats): K for uniform use, 1 for one code, exp(H) otherwise",
              tolerance: "|got − expected| ≤ 1e-6·expected: fair to p and ln p computed in Float32 (ε ≈ 6e-8, a few terms)") { impl in
            let idx = [0, 0, 0, 1, 1, 2, 0, 3, 3, 0]
            let u = try impl.codebookUsage(idx, codebookSize: 6)
            try Expect.that(u.counts == [5, 2, 1, 2, 0, 0], "counts", expected: "[5, 2, 1, 2, 0, 0]", got: "\(u.counts)", exact: true)
            let p = [0.5, 0.2, 0.1, 0.2]
            let want = exp(-p.reduce(0) { $0 + $1 * log($1) })
            try Expect.that(abs(u.perplexity - want) <= 1e-6 * want, "perplexity of \(idx)", expected: Expect.fmt(want, vs: u.perplexity), got: Expect.fmt(u.perplexity, vs: want))
            let uniform = try impl.codebookUsage(Array(0..<8) + Array(0..<8), codebookSize: 8).perplexity
            try Expect.that(abs(uniform - 8) <= 1e-6 * 8, "perplexity of uniform use of 8 codes", expected: "8", got: Expect.fmt(uniform))
            let single = try impl.codebookUsage([3, 3, 3], codebookSize: 8).perplexity
            try Expect.that(abs(single - 1) <= 1e-6, "perplexity of a single code", expected: "1", got: Expect.fmt(single))
        },
    ]

    static let dead: [Check<Impl>] = [
        Check("4.5a", exercise: "4.5", "dead codes (count 0) become encoder outputs drawn by rng.nextInt(below: n) in code order; live codes unchanged — dead codes in the middle and at the end, code 0 dead, all dead, none dead",
              tolerance: "exact") { impl in
            let (z, cb, _) = inputs()
            let (zb, cbb, _) = configs()[1]
            for (p, (zz, cc, counts)) in [(z, cb, [3, 0, 4, 5, 0]), (zb, cbb, [0, 2, 0, 1, 0, 6, 0]),
                                          (zb, cbb, [0, 0, 0, 0, 0, 0, 0]), (z, cb, [1, 2, 3, 4, 2])].enumerated() {
                var r1 = SeededGenerator(seed: 451 + UInt64(p)), r2 = SeededGenerator(seed: 451 + UInt64(p))
                let got = try impl.reinitializeDeadCodes(cc, counts: counts, encoderOutputs: zz, rng: &r1)
                var want = DMatrix(cc)
                for k in 0..<cc.rows where counts[k] == 0 {
                    let r = r2.nextInt(below: zz.rows)
                    for j in 0..<cc.cols { want[k, j] = Double(zz[r, j]) }
                }
                try Expect.close(got, want, abs: 0, rel: 0, "codebook after re-initialisation with counts \(counts)")
            }
        },
    ]
}
