import Course
import Foundation
import RepLearn

/// Lecture 6's checks. Every expected value is computed here, in Double, from the formulas of the
/// stubs' documentation: index maps for the patches, a replay of the documented draws for the
/// masking and the corruption, binomial bounds over many draws for their statistics, the sin-cos
/// formula, the loss and attention written as loops, and centred finite differences.
public enum MAEChecks {
    public typealias Impl = any MAEExercises

    public static var all: [Check<Impl>] { patches + masking + positions + loss + attention + bert }

    static let gradTol = LayersChecks.gradTol

    // MARK: helpers

    /// `t` must have exactly `shape`; → the same values as [shape[0], rest] for Expect.close / gradient.
    static func flat(_ t: Tensor, _ shape: [Int], _ what: String) throws -> Tensor {
        try Expect.shape(t, shape, what)
        return try t.reshaped([shape[0], shape.dropFirst().reduce(1, *)])
    }
    static func dmatrix(_ values: [Double], rows: Int) -> DMatrix { DMatrix(rows: rows, cols: values.count / rows, data: values) }

    // MARK: 6.1 patches

    /// The documented index map, patch value (s, l, q) ← image value, as a flat source index.
    static func patchSource(n: Int, c: Int, h: Int, w: Int, p: Int) -> [Int] {
        let (gh, gw) = (h / p, w / p)
        var src = [Int](repeating: 0, count: n * c * h * w)
        for s in 0..<n { for l in 0..<(gh * gw) { for q in 0..<(p * p * c) {
            let (row, col) = (l / gw, l % gw)
            let (i, j, ch) = (q / (p * c), (q / c) % p, q % c)
            src[(s * gh * gw + l) * p * p * c + q] = ((s * c + ch) * h + row * p + i) * w + col * p + j
        } } }
        return src
    }

    /// (n, c, H, W, p): a non-square grid with several channels, and a single channel with a larger patch.
    static let patchCases = [(2, 3, 6, 4, 2), (1, 1, 6, 9, 3)]

    static let patches: [Check<Impl>] = [
        Check("6.1a", exercise: "6.1", "patchify: patch l = row·(W/p) + column, values (i, j, channel) with channel fastest (n, c, H, W, p varied; non-square grid)",
              tolerance: "exact: patches are a rearrangement of the pixels") { impl in
            for (ci, (n, c, h, w, p)) in patchCases.enumerated() {
                var rng = SeededGenerator(seed: 610 + UInt64(ci))
                let x = Tensor.randomNormal([n, c, h, w], using: &rng)
                let got = try flat(try impl.patchify(x, patch: p), [n, (h / p) * (w / p), p * p * c], "patches of \(x.shape) with p = \(p)")
                let want = patchSource(n: n, c: c, h: h, w: w, p: p).map { Double(x.data[$0]) }
                try Expect.close(got, dmatrix(want, rows: n), abs: 0, rel: 0, "patchify(\(x.shape), p = \(p)) (rows: images)")
            }
        },
        Check("6.1b", exercise: "6.1", "unpatchify is the inverse: patches in MAE's order → the image [n, c, gridH·p, gridW·p]",
              tolerance: "exact") { impl in
            for (ci, (n, c, h, w, p)) in patchCases.enumerated() {
                var rng = SeededGenerator(seed: 615 + UInt64(ci))
                let x = Tensor.randomNormal([n, c, h, w], using: &rng)
                var pt = Tensor.zeros([n, (h / p) * (w / p), p * p * c])
                for (dst, src) in patchSource(n: n, c: c, h: h, w: w, p: p).enumerated() { pt.data[dst] = x.data[src] }
                let got = try flat(try impl.unpatchify(pt, patch: p, gridH: h / p, gridW: w / p, channels: c), [n, c, h, w],
                                   "unpatchify to [\(n), \(c), \(h), \(w)]")
                try Expect.close(got, dmatrix(x.data.map(Double.init), rows: n), abs: 0, rel: 0, "unpatchify (rows: images)")
            }
        },
    ]

    // MARK: 6.2 masking

    /// The documented draws, replayed: per sample, noise for every patch, stable ascending argsort.
    static func replayMasking(batch: Int, patches n: Int, ratio: Double, rng: inout SeededGenerator) -> (keep: [[Int]], restore: [[Int]], mask: [Double]) {
        let kept = Int(Double(n) * (1 - ratio))
        var keep: [[Int]] = [], restore: [[Int]] = [], mask = [Double](repeating: 1, count: batch * n)
        for s in 0..<batch {
            var noise: [Double] = []
            for _ in 0..<n { noise.append(Double(rng.nextFloat())) }
            var order = Array(0..<n)
            order.sort { (noise[$0], $0) < (noise[$1], $1) }
            var rank = [Int](repeating: 0, count: n)
            for j in 0..<n { rank[order[j]] = j }
            keep.append(Array(order[0..<kept])); restore.append(rank)
            for i in order[0..<kept] { mask[s * n + i] = 0 }
        }
        return (keep, restore, mask)
    }

    /// The structural facts every masking must satisfy, with `kept` patches kept per sample.
    static func validate(_ m: PatchMasking, batch: Int, patches n: Int, kept: Int, _ what: String) throws {
        try Expect.shape(m.mask, [batch, n], "\(what): mask")
        try Expect.that(m.keep.count == batch && m.restore.count == batch, "\(what): one keep and one restore list per sample",
                        expected: "\(batch) and \(batch)", got: "\(m.keep.count) and \(m.restore.count)", exact: true)
        for s in 0..<batch {
            try Expect.that(m.keep[s].count == kept, "\(what): sample \(s) keeps Int(\(n)·(1 − r)) patches",
                            expected: "\(kept)", got: "\(m.keep[s].count)", exact: true)
            try Expect.that(Set(m.keep[s]).count == kept && m.keep[s].allSatisfy { (0..<n).contains($0) },
                            "\(what): sample \(s)'s kept patches are distinct indices in 0..<\(n)", expected: "distinct, in range", got: "\(m.keep[s])", exact: true)
            let hidden = (0..<n).map { Double(m.mask.data[s * n + $0]) }
            let wantHidden = (0..<n).map { m.keep[s].contains($0) ? 0.0 : 1.0 }
            try Expect.that(hidden == wantHidden, "\(what): sample \(s)'s mask (1 = hidden, 0 = kept)",
                            expected: "\(wantHidden.map { Int($0) })", got: "[" + hidden.map { String(format: "%g", $0) }.joined(separator: ", ") + "]", exact: true)
        }
    }

    /// (patches, ratio, kept): r = 0, several r with N(1 − r) not an integer (truncation ≠ rounding), r close to 1.
    static let keepCases: [(Int, Double, Int)] = [(49, 0, 49), (10, 0.25, 7), (49, 0.9, 4), (16, 0.5, 8), (48, 0.95, 2), (49, 0.99, 0), (12, 0.75, 3)]

    static let masking: [Check<Impl>] = [
        Check("6.2a", exercise: "6.2", "masking replays the documented draws: per-sample noise, argsort → shuffle, argsort → restore, keep the first Int(N(1 − r)); the generator advances batch·N draws",
              tolerance: "exact (the same generator, the same draws)") { impl in
            for (ci, (n, r)) in [(12, 0.25), (49, 0.75), (9, 0.9), (7, 0.0)].enumerated() {
                let batch = 3 + ci % 2
                var mine = SeededGenerator(seed: 620 + UInt64(ci)), theirs = mine
                let want = replayMasking(batch: batch, patches: n, ratio: r, rng: &mine)
                let got = try impl.randomMasking(batch: batch, patches: n, ratio: r, rng: &theirs)
                try Expect.equal(got.keep, want.keep, "keep (\(batch) samples, N = \(n), r = \(r))")
                try Expect.equal(got.restore, want.restore, "restore (\(batch) samples, N = \(n), r = \(r))")
                try Expect.shape(got.mask, [batch, n], "mask")
                try Expect.equal(got.mask.data.map(Double.init), want.mask, "mask (N = \(n), r = \(r), rows of \(n) concatenated)") {
                    "[" + $0.map { String(format: "%g", $0) }.joined(separator: ", ") + "]"
                }
                try Expect.that(theirs.state == mine.state, "the generator after masking (N = \(n), r = \(r))",
                                expected: "advanced by \(batch)·\(n) nextFloat() draws", got: "another state", exact: true)
            }
        },
        Check("6.2b", exercise: "6.2", "keep counts are Int(N·(1 − r)) exactly (truncated: r = 0 keeps all, r = 0.99 of 49 keeps none); mask = 1 exactly at the other patches",
              tolerance: "exact") { impl in
            for (ci, (n, r, kept)) in keepCases.enumerated() {
                var rng = SeededGenerator(seed: 630 + UInt64(ci))
                let m = try impl.randomMasking(batch: 2, patches: n, ratio: r, rng: &rng)
                try validate(m, batch: 2, patches: n, kept: kept, "N = \(n), r = \(r)")
            }
        },
        Check("6.2c", exercise: "6.2", "restore inverts the shuffle: a permutation with restore[keep[j]] = j, and a patch is hidden iff restore[i] ≥ #kept",
              tolerance: "exact") { impl in
            for (ci, (n, r, kept)) in keepCases.enumerated() {
                var rng = SeededGenerator(seed: 640 + UInt64(ci))
                let m = try impl.randomMasking(batch: 3, patches: n, ratio: r, rng: &rng)
                try Expect.that(m.restore.count == 3 && m.keep.count == 3, "restore and keep lists (N = \(n))", expected: "3 each", got: "\(m.restore.count), \(m.keep.count)", exact: true)
                try Expect.shape(m.mask, [3, n], "mask")
                for s in 0..<3 {
                    let rs = m.restore[s]
                    try Expect.that(rs.sorted() == Array(0..<n), "restore[\(s)] is a permutation of 0..<\(n)", expected: "a permutation", got: "\(rs)", exact: true)
                    try Expect.that(m.keep[s].count == kept, "sample \(s) keeps Int(N·(1 − r))", expected: "\(kept)", got: "\(m.keep[s].count)", exact: true)
                    for (j, i) in m.keep[s].enumerated() where (0..<n).contains(i) {
                        try Expect.that(rs[i] == j, "restore[\(s)][keep[\(s)][\(j)] = \(i)] (N = \(n), r = \(r))", expected: "\(j)", got: "\(rs[i])", exact: true)
                    }
                    for i in 0..<n {
                        let want: Float = rs[i] >= kept ? 1 : 0
                        try Expect.that(m.mask.data[s * n + i] == want, "mask[\(s), \(i)] with restore[\(s)][\(i)] = \(rs[i]) and \(kept) kept",
                                        expected: "\(Int(want))", got: "\(m.mask.data[s * n + i])", exact: true)
                    }
                }
            }
        },
        Check("6.2d", exercise: "6.2", "which patches are kept is uniform and independent per sample: 4,000 samples (N = 12, r = 0.75 and N = 10, r = 0.4), every patch's keep count within 5 binomial σ; identical keep sets in consecutive samples rare",
              tolerance: "|count − B·k/N| ≤ 5·√(B·(k/N)(1 − k/N)) per patch; identical consecutive keep sets ≤ 5% of pairs (expected 0.5% and 0.5%)") { impl in
            for (ci, (n, r)) in [(12, 0.75), (10, 0.4)].enumerated() {
                let batch = 4000, kept = Int(Double(n) * (1 - r))
                var rng = SeededGenerator(seed: 650 + UInt64(ci))
                let m = try impl.randomMasking(batch: batch, patches: n, ratio: r, rng: &rng)
                try validate(m, batch: batch, patches: n, kept: kept, "N = \(n), r = \(r)")
                var counts = [Int](repeating: 0, count: n)
                for s in 0..<batch { for i in m.keep[s] { counts[i] += 1 } }
                let p = Double(kept) / Double(n), mean = Double(batch) * p, sd = (Double(batch) * p * (1 - p)).squareRoot()
                for i in 0..<n {
                    let z = (Double(counts[i]) - mean) / sd
                    try Expect.that(abs(z) <= 5, "how often patch \(i) is kept over \(batch) samples (N = \(n), r = \(r))",
                                    expected: String(format: "%.0f ± %.0f (5σ)", mean, 5 * sd), got: "\(counts[i]) (z = \(Expect.fmt(z)))")
                }
                let same = (1..<batch).filter { Set(m.keep[$0]) == Set(m.keep[$0 - 1]) }.count
                try Expect.that(Double(same) <= 0.05 * Double(batch - 1), "consecutive samples with the same kept set (noise drawn per sample?)",
                                expected: "≤ \(Int(0.05 * Double(batch - 1))) of \(batch - 1)", got: "\(same)")
            }
        },
    ]

    // MARK: 6.3 positions

    /// MAE's get_2d_sincos_pos_embed in Double: [1-D(column) | 1-D(row)], 1-D = [sin | cos] of x·10000^{−i/(D/2)}.
    static func sinCos(dim: Int, gridH: Int, gridW: Int) -> [Double] {
        let d = dim / 2
        func oneD(_ x: Double) -> [Double] {
            var s: [Double] = [], c: [Double] = []
            for i in 0..<(d / 2) {
                let omega = 1 / pow(10000.0, Double(i) / Double(d / 2))
                s.append(sin(x * omega)); c.append(cos(x * omega))
            }
            return s + c
        }
        var out: [Double] = []
        for l in 0..<(gridH * gridW) { out += oneD(Double(l % gridW)) + oneD(Double(l / gridW)) }
        return out
    }

    static let positions: [Check<Impl>] = [
        Check("6.3a", exercise: "6.3", "2-D sin-cos embedding = MAE's formula: first half the column, second the row, each [sin | cos] with ωᵢ = 10000^{−i/(D/2)} (dim 8, 16, 24; grids 3×5, 4×2, 7×7)",
              tolerance: "|got − expected| ≤ 2e-5 (Float32 sin/cos of arguments up to 7)") { impl in
            for (dim, gh, gw) in [(16, 3, 5), (8, 4, 2), (24, 7, 7)] {
                let got = try impl.sinCosEmbedding2D(dim: dim, gridH: gh, gridW: gw)
                try Expect.close(got, dmatrix(sinCos(dim: dim, gridH: gh, gridW: gw), rows: gh * gw), abs: 2e-5, rel: 0,
                                 "embedding (dim \(dim), grid \(gh)×\(gw); row = row·gridW + column)")
            }
        },
    ]

    // MARK: 6.4 loss

    /// Per-patch normalisation in Double (unbiased variance, ε = 1e-6 inside the root).
    static func normalised(_ t: [Double], p: Int) -> [Double] {
        var out = t
        for l in 0..<(t.count / p) {
            let row = Array(t[(l * p)..<((l + 1) * p)])
            let mean = row.reduce(0, +) / Double(p)
            let v = row.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(p - 1)
            for j in 0..<p { out[l * p + j] = (row[j] - mean) / (v + 1e-6).squareRoot() }
        }
        return out
    }
    static func maskedMSE(_ pred: [Double], _ target: [Double], _ mask: [Double], p: Int) -> Double {
        var num = 0.0
        for l in 0..<mask.count where mask[l] != 0 {
            var e = 0.0
            for j in 0..<p { e += pow(pred[l * p + j] - target[l * p + j], 2) }
            num += mask[l] * e / Double(p)
        }
        return num / mask.reduce(0, +)
    }

    /// [n, L, P] predictions and targets (target patch 1 constant, patch 2 nearly constant, the rest
    /// varied in mean and scale) and a mask hiding both of those and about half the others.
    static func lossInputs(_ n: Int, _ l: Int, _ p: Int, seed: UInt64) -> (pred: Tensor, target: Tensor, mask: Tensor) {
        var rng = SeededGenerator(seed: seed)
        let pred = Tensor.randomNormal([n, l, p], using: &rng)
        var target = Tensor.randomNormal([n, l, p], using: &rng)
        for i in 0..<(n * l) { for j in 0..<p { target.data[i * p + j] = target.data[i * p + j] * Float(1 + i % 3) + Float(i % 4) * 0.5 } }
        for j in 0..<p { target.data[1 * p + j] = 0.5; target.data[2 * p + j] = 0.5 + (j % 2 == 0 ? 3e-3 : -3e-3) }
        var mask = Tensor.zeros([n, l])
        for i in 0..<(n * l) where i == 1 || i == 2 || (i * 7) % 3 == 0 { mask.data[i] = 1 }
        return (pred, target, mask)
    }
    static let lossCases = [(2, 5, 6, UInt64(660)), (3, 4, 4, UInt64(661))]

    static func lossCheck(_ impl: Impl, normalize: Bool) throws {
        for (n, l, p, seed) in lossCases {
            let (pred, target, mask) = lossInputs(n, l, p, seed: seed)
            let t = target.data.map(Double.init)
            let want = maskedMSE(pred.data.map(Double.init), normalize ? normalised(t, p: p) : t, mask.data.map(Double.init), p: p)
            let got = try impl.maeLoss(prediction: pred, target: target, mask: mask, normalizeTarget: normalize).loss
            try Expect.that(abs(got - want) <= 1e-4 * abs(want), "loss on [\(n), \(l), \(p)], \(Int(mask.sum())) hidden patches, normalizeTarget \(normalize)",
                            expected: Expect.fmt(want, vs: got), got: Expect.fmt(got, vs: want))
        }
    }

    static let loss: [Check<Impl>] = [
        Check("6.4a", exercise: "6.4", "loss with per-patch normalised targets: mean over hidden patches only of the per-patch MSE; (t − mean)/√(unbiased var + 1e-6), incl. a constant and a nearly constant patch",
              tolerance: "|got − expected| ≤ 1e-4·expected (Float32; the nearly constant patch's 1/σ ≈ 300 amplifies the rounding of its mean)") { impl in
            try lossCheck(impl, normalize: true)
        },
        Check("6.4b", exercise: "6.4", "loss with raw targets (normalizeTarget false): the same masked mean of per-patch MSEs",
              tolerance: "|got − expected| ≤ 1e-4·expected (as 6.4a)") { impl in
            try lossCheck(impl, normalize: false)
        },
        Check("6.4c", exercise: "6.4", "∂loss/∂prediction agrees with centred finite differences, both flags (zero on visible patches)",
              tolerance: gradTol) { impl in
            for (n, l, p, seed) in lossCases {
                let (pred, target, mask) = lossInputs(n, l, p, seed: seed)
                for normalize in [true, false] {
                    let t = target.data.map(Double.init), m = mask.data.map(Double.init)
                    let tt = normalize ? normalised(t, p: p) : t
                    let g = try flat(try impl.maeLoss(prediction: pred, target: target, mask: mask, normalizeTarget: normalize).gradient,
                                     [n, l, p], "∂loss/∂prediction")
                    let num = LayerOracle.numerical(DMatrix(try pred.reshaped([n, l * p]))) { maskedMSE($0.data, tt, m, p: p) }
                    try Expect.gradient(g, num, "∂loss/∂prediction ([\(n), \(l), \(p)], normalizeTarget \(normalize); rows: images)")
                }
            }
        },
    ]

    // MARK: 6.5 attention

    /// softmax(q·kᵀ/√d + M)·v in Double, and the weights.
    static func attention(_ q: DMatrix, _ k: DMatrix, _ v: DMatrix, _ mask: DMatrix?) -> (out: DMatrix, weights: DMatrix) {
        var a = DMatrix(rows: q.rows, cols: k.rows)
        for i in 0..<q.rows {
            var s = (0..<k.rows).map { j in (0..<q.cols).reduce(0.0) { $0 + q[i, $1] * k[j, $1] } / Double(q.cols).squareRoot() + (mask?[i, j] ?? 0) }
            let m = s.max()!
            s = s.map { exp($0 - m) }
            let z = s.reduce(0, +)
            for j in 0..<k.rows { a[i, j] = s[j] / z }
        }
        var out = DMatrix(rows: q.rows, cols: v.cols)
        for i in 0..<q.rows { for c in 0..<v.cols { out[i, c] = (0..<k.rows).reduce(0.0) { $0 + a[i, $1] * v[$1, c] } } }
        return (out, a)
    }

    /// (Tq, Tk, d, dv): more keys than queries, and fewer; d ≠ dv.
    static let attentionCases = [(3, 5, 4, 2), (4, 2, 9, 3)]

    static func attentionInputs(_ c: (Int, Int, Int, Int), seed: UInt64, masked: Bool) -> (q: Tensor, k: Tensor, v: Tensor, mask: Tensor?, g: Tensor) {
        let (tq, tk, d, dv) = c
        var rng = SeededGenerator(seed: seed)
        let q = Tensor.randomNormal([tq, d], std: 1.2, using: &rng), k = Tensor.randomNormal([tk, d], std: 1.2, using: &rng)
        let v = Tensor.randomNormal([tk, dv], using: &rng), g = Tensor.randomNormal([tq, dv], using: &rng)
        guard masked else { return (q, k, v, nil, g) }
        var mask = Tensor.randomNormal([tq, tk], using: &rng)
        for i in 0..<tq { for j in 0..<tk where (i + 2 * j) % 3 == 1 && j != i % tk { mask[i, j] = -.infinity } }   // every row keeps a key
        return (q, k, v, mask, g)
    }

    static func forwardCheck(_ impl: Impl, masked: Bool) throws {
        for (ci, c) in attentionCases.enumerated() {
            let (q, k, v, mask, _) = attentionInputs(c, seed: 670 + UInt64(ci), masked: masked)
            let want = attention(DMatrix(q), DMatrix(k), DMatrix(v), mask.map(DMatrix.init)).out
            try Expect.close(try impl.attentionForward(q: q, k: k, v: v, mask: mask), want, abs: 1e-5, rel: 1e-4,
                             "attention output for q \(q.shape), k \(k.shape), v \(v.shape)" + (masked ? " with a mask (−∞ and finite entries)" : ", no mask"))
        }
    }

    static let attention: [Check<Impl>] = [
        Check("6.5a", exercise: "6.5", "attention forward without a mask: softmax over keys of q·kᵀ/√d, times v (Tq ≠ Tk, d ≠ dv, two shapes)",
              tolerance: "|got − expected| ≤ max(1e-5, 1e-4·|expected|) (Float32 exp and sums)") { impl in
            try forwardCheck(impl, masked: false)
        },
        Check("6.5b", exercise: "6.5", "attention forward with an additive mask added to the scores before the softmax (finite values and −∞)",
              tolerance: "|got − expected| ≤ max(1e-5, 1e-4·|expected|)") { impl in
            try forwardCheck(impl, masked: true)
        },
        Check("6.5c", exercise: "6.5", "attention backward: ∂L/∂q, ∂L/∂k, ∂L/∂v for L = Σ G ⊙ output agree with centred finite differences, with and without a mask",
              tolerance: gradTol) { impl in
            for (ci, c) in attentionCases.enumerated() {
                for masked in [false, true] {
                    let (q, k, v, mask, g) = attentionInputs(c, seed: 675 + UInt64(ci), masked: masked)
                    let (dq, dk, dv, dm, dg) = (DMatrix(q), DMatrix(k), DMatrix(v), mask.map(DMatrix.init), DMatrix(g))
                    func l(_ q: DMatrix, _ k: DMatrix, _ v: DMatrix) -> Double {
                        zip(attention(q, k, v, dm).out.data, dg.data).reduce(0) { $0 + $1.0 * $1.1 }
                    }
                    let r = try impl.attentionBackward(q: q, k: k, v: v, mask: mask, outputGradient: g)
                    let how = " (q \(q.shape), k \(k.shape), v \(v.shape)" + (masked ? ", masked)" : ")")
                    try Expect.gradient(r.q, LayerOracle.numerical(dq) { l($0, dk, dv) }, "∂L/∂q" + how)
                    try Expect.gradient(r.k, LayerOracle.numerical(dk) { l(dq, $0, dv) }, "∂L/∂k" + how)
                    try Expect.gradient(r.v, LayerOracle.numerical(dv) { l(dq, dk, $0) }, "∂L/∂v" + how)
                }
            }
        },
    ]

    // MARK: 6.6 BERT corruption

    static func replayBERT(_ tokens: [Int], ratio: Double, vocabularySize: Int, maskToken: Int, rng: inout SeededGenerator) -> ([Int], [Int]) {
        var out = tokens, chosen: [Int] = []
        for t in 0..<tokens.count {
            if rng.nextDouble() >= ratio { continue }
            chosen.append(t)
            let w = rng.nextDouble()
            if w < 0.8 { out[t] = maskToken } else if w < 0.9 { out[t] = rng.nextInt(below: vocabularySize) }
        }
        return (out, chosen)
    }

    /// Tokens in 0..<V, never the mask id.
    static func sentence(_ count: Int, vocabularySize: Int, maskToken: Int, seed: UInt64) -> [Int] {
        var rng = SeededGenerator(seed: seed)
        return (0..<count).map { _ in var t = rng.nextInt(below: vocabularySize); if t == maskToken { t = (t + 1) % vocabularySize }; return t }
    }

    /// The corruption's structure: positions increasing, in range; tokens elsewhere untouched.
    static func validate(_ c: BERTCorruption, _ tokens: [Int], _ what: String) throws {
        try Expect.that(c.tokens.count == tokens.count, "\(what): corrupted sequence length", expected: "\(tokens.count)", got: "\(c.tokens.count)", exact: true)
        try Expect.that(zip(c.positions, c.positions.dropFirst()).allSatisfy { $0 < $1 } && c.positions.allSatisfy { tokens.indices.contains($0) },
                        "\(what): chosen positions increasing, in 0..<\(tokens.count)", expected: "increasing, in range", got: "\(c.positions.prefix(12))…", exact: true)
        let chosen = Set(c.positions)
        if let t = tokens.indices.first(where: { !chosen.contains($0) && c.tokens[$0] != tokens[$0] }) {
            throw CheckFailure("\(what): position \(t) is not among the chosen positions, so its token must stay", expected: "\(tokens[t])", got: "\(c.tokens[t])", toleranceApplies: false)
        }
    }

    static let bert: [Check<Impl>] = [
        Check("6.6a", exercise: "6.6", "corruption replays the documented draws (u < r chooses; then w: < 0.8 mask, < 0.9 nextInt(below: V), else unchanged); positions = every chosen one",
              tolerance: "exact (the same generator, the same draws)") { impl in
            for (ci, (len, r, v, maskID)) in [(40, 0.15, 50, 3), (30, 0.5, 7, 6), (25, 0.9, 1000, 0)].enumerated() {
                let tokens = sentence(len, vocabularySize: v, maskToken: maskID, seed: 680 + UInt64(ci))
                var mine = SeededGenerator(seed: 685 + UInt64(ci)), theirs = mine
                let (wantTokens, wantPositions) = replayBERT(tokens, ratio: r, vocabularySize: v, maskToken: maskID, rng: &mine)
                let got = try impl.bertCorrupt(tokens, ratio: r, vocabularySize: v, maskToken: maskID, rng: &theirs)
                try Expect.equal(got.positions, wantPositions, "chosen positions (\(len) tokens, r = \(r))")
                try Expect.equal(got.tokens, wantTokens, "corrupted tokens (\(len) tokens, r = \(r), V = \(v), [MASK] = \(maskID))")
                try Expect.that(theirs.state == mine.state, "the generator after corruption (r = \(r))",
                                expected: "advanced by the documented draws", got: "another state", exact: true)
            }
        },
        Check("6.6b", exercise: "6.6", "statistics over 20 seeds × 2,500 tokens at r = 0.15 and 0.4: a fraction r chosen; of those 80% [MASK], 10% another token, 10% unchanged",
              tolerance: "each fraction within 5 binomial σ of its expectation (σ from the count it is a fraction of)") { impl in
            let v = 1000, maskID = 7
            for (ri, r) in [0.15, 0.4].enumerated() {
                var total = 0, chosen = 0, masked = 0, unchanged = 0, replaced = 0
                for seed in 0..<20 {
                    let tokens = sentence(2500, vocabularySize: v, maskToken: maskID, seed: 690 + UInt64(seed))
                    var rng = SeededGenerator(seed: 7000 + UInt64(100 * ri + seed))
                    let c = try impl.bertCorrupt(tokens, ratio: r, vocabularySize: v, maskToken: maskID, rng: &rng)
                    try validate(c, tokens, "seed \(seed), r = \(r)")
                    total += tokens.count; chosen += c.positions.count
                    for t in c.positions {
                        if c.tokens[t] == maskID { masked += 1 } else if c.tokens[t] == tokens[t] { unchanged += 1 } else { replaced += 1 }
                    }
                }
                // A random replacement lands on [MASK] or on the original token with probability 1/V each.
                let pv = 1 / Double(v)
                for (name, count, of, p) in [("chosen", chosen, total, r), ("[MASK] among chosen", masked, chosen, 0.8 + 0.1 * pv),
                                             ("unchanged among chosen", unchanged, chosen, 0.1 + 0.1 * pv), ("replaced by another token among chosen", replaced, chosen, 0.1 * (1 - 2 * pv))] {
                    let sd = (p * (1 - p) / Double(max(of, 1))).squareRoot(), f = Double(count) / Double(max(of, 1))
                    try Expect.that(of > 0 && abs(f - p) <= 5 * sd, "fraction \(name) (r = \(r), \(of) positions)",
                                    expected: String(format: "%.4f ± %.4f (5σ)", p, 5 * sd), got: String(format: "%.4f (%d of %d)", f, count, of))
                }
            }
        },
        Check("6.6c", exercise: "6.6", "edge ratios: r = 0 chooses nothing and changes nothing; r = 1 chooses every position",
              tolerance: "exact") { impl in
            let tokens = sentence(60, vocabularySize: 20, maskToken: 19, seed: 699)
            var rng = SeededGenerator(seed: 698)
            let none = try impl.bertCorrupt(tokens, ratio: 0, vocabularySize: 20, maskToken: 19, rng: &rng)
            try Expect.equal(none.positions, [], "chosen positions at r = 0")
            try Expect.equal(none.tokens, tokens, "tokens at r = 0")
            let all = try impl.bertCorrupt(tokens, ratio: 1, vocabularySize: 20, maskToken: 19, rng: &rng)
            try Expect.equal(all.positions, Array(0..<60), "chosen positions at r = 1")
            try validate(all, tokens, "r = 1")
        },
    ]
}
