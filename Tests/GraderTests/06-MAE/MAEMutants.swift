import Course
import Foundation
import RepLearn
import Solutions

// Plausible wrong implementations of lecture 6, one mistake each.

/// Patches moved along the patch axis: out[s, to(l)] = t[s, l].
private func movePatches(_ t: Tensor, _ to: (Int) -> Int) -> Tensor {
    var out = t
    let (n, l, q) = (t.shape[0], t.shape[1], t.shape[2])
    for s in 0..<n { for i in 0..<l { for j in 0..<q { out.data[(s * l + to(i)) * q + j] = t.data[(s * l + i) * q + j] } } }
    return out
}

/// Patch index col·gridH + row instead of row·gridW + col.
struct PatchifyTransposedGrid: DelegatingMAE {
    func patchify(_ images: Tensor, patch p: Int) throws -> Tensor {
        let (gh, gw) = (images.shape[2] / p, images.shape[3] / p)
        return movePatches(try base.patchify(images, patch: p)) { l in (l % gw) * gh + l / gw }
    }
}

/// Inside a patch the values run over (channel, i, j) instead of (i, j, channel).
struct PatchifyChannelFirst: DelegatingMAE {
    func patchify(_ images: Tensor, patch p: Int) throws -> Tensor {
        let r = try base.patchify(images, patch: p), c = images.shape[1]
        var out = r
        for base in stride(from: 0, to: r.count, by: p * p * c) { for ij in 0..<(p * p) { for ch in 0..<c {
            out.data[base + ch * p * p + ij] = r.data[base + ij * c + ch]
        } } }
        return out
    }
}

/// Reads the patches as a column-major grid.
struct UnpatchifyTransposedGrid: DelegatingMAE {
    func unpatchify(_ patches: Tensor, patch: Int, gridH gh: Int, gridW gw: Int, channels: Int) throws -> Tensor {
        try base.unpatchify(movePatches(patches) { l in (l % gh) * gw + l / gh }, patch: patch, gridH: gh, gridW: gw, channels: channels)
    }
}

/// Masking with one mistake, chosen by a flag.
struct MaskingVariant: DelegatingMAE {
    var round = false, invert = false, restoreIsShuffle = false, sharedNoise = false, descending = false, firstPatches = false
    func randomMasking(batch: Int, patches n: Int, ratio: Double, rng: inout SeededGenerator) throws -> PatchMasking {
        let kept = round ? Int((Double(n) * (1 - ratio)).rounded()) : Int(Double(n) * (1 - ratio))
        var keep: [[Int]] = [], restore: [[Int]] = []
        var mask = Tensor(repeating: 1, shape: [batch, n])
        var shared: [Float] = []
        for s in 0..<batch {
            var noise = (sharedNoise && s > 0) ? shared : (0..<n).map { _ in rng.nextFloat() }
            if s == 0 { shared = noise }
            if descending { noise = noise.map { -$0 } }
            var shuffle = (0..<n).sorted { noise[$0] < noise[$1] || (noise[$0] == noise[$1] && $0 < $1) }
            if firstPatches { shuffle = Array(0..<n) }
            var back = [Int](repeating: 0, count: n)
            for (rank, i) in shuffle.enumerated() { back[i] = rank }
            keep.append(Array(shuffle.prefix(kept)))
            restore.append(restoreIsShuffle ? shuffle : back)
            for i in shuffle.prefix(kept) { mask.data[s * n + i] = 0 }
        }
        if invert { mask = mask.map { 1 - $0 } }
        return PatchMasking(keep: keep, restore: restore, mask: mask)
    }
}

/// The sin-cos table with one mistake.
struct SinCosVariant: DelegatingMAE {
    var swapSinCos = false, wrongBase = false, rowFirst = false
    func sinCosEmbedding2D(dim: Int, gridH: Int, gridW: Int) throws -> Tensor {
        let d = dim / 2, half = d / 2
        let omega = (0..<half).map { 1 / pow(10000, Double($0) / Double(wrongBase ? d : half)) }
        func embed(_ x: Int) -> [Double] {
            let s = omega.map { sin(Double(x) * $0) }, c = omega.map { cos(Double(x) * $0) }
            return swapSinCos ? c + s : s + c
        }
        var out = [Float]()
        for row in 0..<gridH { for col in 0..<gridW { out += (rowFirst ? embed(row) + embed(col) : embed(col) + embed(row)).map { Float($0) } } }
        return try Tensor(shape: [gridH * gridW, dim], data: out)
    }
}

/// The MAE loss with one mistake.
struct LossVariant: DelegatingMAE {
    var allPatches = false, epsilon: Float = 1e-6, wrongAxis = false, biased = false, alwaysNormalize = false
    var gradientEverywhere = false, gradientWithoutP = false
    func maeLoss(prediction: Tensor, target: Tensor, mask: Tensor, normalizeTarget: Bool) throws -> MAELoss {
        let (n, l, p) = (prediction.shape[0], prediction.shape[1], prediction.shape[2])
        var t = target
        if normalizeTarget || alwaysNormalize {
            // groups of indices normalised together: a patch's p values, or (wrong axis) one value over the l patches
            let groups: [[Int]] = wrongAxis
                ? (0..<n).flatMap { s in (0..<p).map { j in (0..<l).map { (s * l + $0) * p + j } } }
                : (0..<(n * l)).map { i in (0..<p).map { i * p + $0 } }
            for g in groups {
                let mean = g.reduce(Float(0)) { $0 + target.data[$1] } / Float(g.count)
                let v = g.reduce(Float(0)) { $0 + (target.data[$1] - mean) * (target.data[$1] - mean) } / Float(biased ? g.count : g.count - 1)
                for i in g { t.data[i] = (target.data[i] - mean) / (v + epsilon).squareRoot() }
            }
        }
        let m = allPatches ? Tensor(repeating: 1, shape: mask.shape) : mask
        var r = try base.maeLoss(prediction: prediction, target: t, mask: m, normalizeTarget: false)
        if gradientEverywhere || gradientWithoutP {
            let hidden = mask.data.reduce(0, +)
            for i in 0..<(n * l) { for j in 0..<p {
                let e = prediction.data[i * p + j] - t.data[i * p + j]
                let w: Float = gradientEverywhere ? 1 : mask.data[i]
                r.gradient.data[i * p + j] = w * 2 * e / ((gradientWithoutP ? 1 : Float(p)) * hidden)
            } }
        }
        return r
    }
}

/// softmax(q·kᵀ + M)·v: attention without 1/√d equals the reference's with q·√d.
struct AttentionNoScale: DelegatingMAE {
    func attentionForward(q: Tensor, k: Tensor, v: Tensor, mask: Tensor?) throws -> Tensor {
        try base.attentionForward(q: q * Float(q.cols).squareRoot(), k: k, v: v, mask: mask)
    }
    func attentionBackward(q: Tensor, k: Tensor, v: Tensor, mask: Tensor?, outputGradient: Tensor) throws -> AttentionGradients {
        let s = Float(q.cols).squareRoot()
        let g = try base.attentionBackward(q: q * s, k: k, v: v, mask: mask, outputGradient: outputGradient)
        return AttentionGradients(q: g.q * s, k: g.k, v: g.v)
    }
}

/// Scores S = q·kᵀ/√d (+ mask); the softmax applied by `normalise`.
private func attentionScores(_ q: Tensor, _ k: Tensor, _ mask: Tensor?) throws -> Tensor {
    var s = try q.matmul(k.transposed()) * (1 / Float(q.cols).squareRoot())
    if let mask { s = try s + mask }
    return s
}
private func softmaxRows(_ s: Tensor) -> Tensor {
    var a = s
    for i in 0..<s.rows {
        let m = s.row(i).max() ?? 0
        let e = s.row(i).map { Foundation.exp($0 - m) }, z = e.reduce(0, +)
        for j in 0..<s.cols { a[i, j] = e[j] / z }
    }
    return a
}

/// The softmax normalises each column (over queries) instead of each row.
struct AttentionSoftmaxOverQueries: DelegatingMAE {
    func attentionForward(q: Tensor, k: Tensor, v: Tensor, mask: Tensor?) throws -> Tensor {
        try softmaxRows(try attentionScores(q, k, mask).transposed()).transposed().matmul(v)
    }
}

/// softmax(S) + M instead of softmax(S + M).
struct AttentionMaskAfterSoftmax: DelegatingMAE {
    func attentionForward(q: Tensor, k: Tensor, v: Tensor, mask: Tensor?) throws -> Tensor {
        var a = softmaxRows(try attentionScores(q, k, nil))
        if let mask { a = try a + mask }
        return try a.matmul(v)
    }
}

/// ∂S = A ⊙ ∂A, forgetting the − A·rowsum(A ⊙ ∂A) term of the softmax's Jacobian.
struct AttentionBackwardNoCorrection: DelegatingMAE {
    func attentionBackward(q: Tensor, k: Tensor, v: Tensor, mask: Tensor?, outputGradient g: Tensor) throws -> AttentionGradients {
        let a = softmaxRows(try attentionScores(q, k, mask))
        let ds = try a * g.matmul(v.transposed())
        let s = 1 / Float(q.cols).squareRoot()
        return AttentionGradients(q: try ds.matmul(k) * s, k: try ds.transposed().matmul(q) * s, v: try a.transposed().matmul(g))
    }
}

/// Backward recomputes the weights without the mask.
struct AttentionBackwardIgnoresMask: DelegatingMAE {
    func attentionBackward(q: Tensor, k: Tensor, v: Tensor, mask: Tensor?, outputGradient: Tensor) throws -> AttentionGradients {
        try base.attentionBackward(q: q, k: k, v: v, mask: nil, outputGradient: outputGradient)
    }
}

/// BERT's corruption with one mistake. `split`: w below .0 → [MASK], below .1 → random, else unchanged.
struct BERTVariant: DelegatingMAE {
    var split = (0.8, 0.9), allPositions = false, skipUnchanged = false, fixedRatio: Double? = nil, alwaysDrawRandom = false
    func bertCorrupt(_ tokens: [Int], ratio: Double, vocabularySize: Int, maskToken: Int, rng: inout SeededGenerator) throws -> BERTCorruption {
        var out = tokens, positions: [Int] = []
        for t in tokens.indices {
            guard rng.nextDouble() < (fixedRatio ?? ratio) else { if allPositions { positions.append(t) }; continue }
            let w = rng.nextDouble()
            let random = alwaysDrawRandom ? rng.nextInt(below: vocabularySize) : nil
            if w < split.0 { out[t] = maskToken } else if w < split.1 { out[t] = random ?? rng.nextInt(below: vocabularySize) }
            if !(skipUnchanged && w >= split.1) { positions.append(t) }
        }
        return BERTCorruption(tokens: out, positions: positions)
    }
}
