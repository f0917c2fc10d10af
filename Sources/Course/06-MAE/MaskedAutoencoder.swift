import Foundation
import RepLearn

/// He et al.'s masked autoencoder (CVPR 2022), small: images → p×p patches; a ViT encoder sees
/// only the visible patches (with their fixed sin-cos positions); a light decoder gets the
/// encoded visible tokens plus a learned mask token at every hidden position (restored to image
/// order), adds its own positions, and predicts every patch's pixels. The loss is the MSE on the
/// hidden patches only, against per-patch normalised pixels.
public final class MaskedAutoencoder: Module {
    let encoder: ViTEncoder
    let decoderEmbed: Linear, maskToken: Variable
    let decoderBlocks: [TransformerBlock]
    let decoderNorm: LayerNorm, decoderPred: Linear
    let decoderPositions: Variable
    let patches: Int, patchValues: Int

    public init(imageSize: Int = 28, patch: Int = 4, dim: Int, depth: Int, heads: Int, decoderDim: Int, decoderDepth: Int,
         rng: inout SeededGenerator) {
        encoder = ViTEncoder(imageSize: (imageSize, imageSize), patch: patch, dim: dim, depth: depth, heads: heads,
                             mlpDim: 4 * dim, rng: &rng)
        decoderEmbed = Linear(dim, decoderDim, init: .xavierUniform, rng: &rng)
        maskToken = parameter(Tensor.randomNormal([1, 1, decoderDim], std: 0.02, using: &rng), "maskToken")
        decoderBlocks = (0..<decoderDepth).map { _ in
            TransformerBlock(dim: decoderDim, heads: heads, mlpDim: 4 * decoderDim, init: .xavierUniform, rng: &rng)
        }
        decoderNorm = LayerNorm(decoderDim)
        patchValues = patch * patch
        decoderPred = Linear(decoderDim, patchValues, init: .xavierUniform, rng: &rng)
        let grid = imageSize / patch
        patches = grid * grid
        decoderPositions = Variable(SinCos.embedding2D(dim: decoderDim, gridH: grid, gridW: grid))
    }

    /// Which patches each image keeps, as MAE's reference code draws them (exercise 6.2's
    /// ``PatchMasking``): mask[i] = 1 for a hidden patch, 0 for a kept one.
    public typealias Masking = PatchMasking

    /// The library's masking (what 6.2 asks for): per image, uniform noise over the N patches,
    /// `shuffle` = argsort(noise) (ascending), `restore` = argsort(shuffle), keep the first ⌊N(1 − r)⌋.
    static func randomMasking(batch: Int, patches n: Int, ratio: Double, rng: inout SeededGenerator) -> Masking {
        let kept = Int(Double(n) * (1 - ratio))
        var keep: [[Int]] = [], restore: [[Int]] = []
        var mask = Tensor(repeating: 1, shape: [batch, n])
        for s in 0..<batch {
            let noise = (0..<n).map { _ in rng.nextFloat() }
            let shuffle = (0..<n).sorted { noise[$0] < noise[$1] || (noise[$0] == noise[$1] && $0 < $1) }
            var back = [Int](repeating: 0, count: n)
            for (rank, i) in shuffle.enumerated() { back[i] = rank }
            keep.append(Array(shuffle.prefix(kept))); restore.append(back)
            for i in shuffle.prefix(kept) { mask.data[s * n + i] = 0 }
        }
        return Masking(keep: keep, restore: restore, mask: mask)
    }

    /// Per-patch normalised pixels (mean 0, unbiased variance 1, ε = 1e-6): [N, L, p²] → same.
    static func normalisedPatches(_ p: Tensor) -> Tensor {
        var t = p
        let d = p.shape[2]
        t.data.withUnsafeMutableBufferPointer { buf in
            for r in 0..<(p.count / d) {
                let row = buf.baseAddress! + r * d
                var mean: Float = 0
                for j in 0..<d { mean += row[j] }
                mean /= Float(d)
                var v: Float = 0
                for j in 0..<d { v += (row[j] - mean) * (row[j] - mean) }
                let inv = 1 / (v / Float(d - 1) + 1e-6).squareRoot()
                for j in 0..<d { row[j] = (row[j] - mean) * inv }
            }
        }
        return t
    }

    /// images [B, 1, H, W] → (loss on hidden patches, predictions [B, L, p²] in normalised units).
    /// With `impl`, the patches (6.1), the masking (6.2) and the loss with its gradient (6.4) are
    /// that implementation's; without, the library's (the benchmark's path).
    public func loss(_ images: Tensor, ratio: Double, rng: inout SeededGenerator, impl: (any MAEExercises)? = nil)
        throws -> (loss: Variable, value: Double, pred: Variable, masking: Masking) {
        let b = images.shape[0]
        guard let impl else {
            let m = Self.randomMasking(batch: b, patches: patches, ratio: ratio, rng: &rng)
            let target = Self.normalisedPatches(try ImagePatches.patchify(Variable(images), patch: encoder.patch).value)
            let pred = try decode(try encoder.embed(Variable(images)), m)
            let l = try pred.mseLoss(target: target, mask: m.keep[0].count < patches ? m.mask : nil)
            return (l, Double(l.value.data[0]), pred, m)
        }
        let raw = try impl.patchify(images, patch: encoder.patch)
        let want = [b, patches, patchValues * encoder.channels]
        guard raw.shape == want else { throw InputError("exercise 6.1: patchify gave \(raw.shape) for images \(images.shape), expected \(want)") }
        let m = try impl.randomMasking(batch: b, patches: patches, ratio: ratio, rng: &rng)
        try Self.validate(m, batch: b, patches: patches, ratio: ratio)
        let pred = try decode(try encoder.patchEmbedding(Variable(raw)) + Variable(encoder.positions), m)
        let l = try impl.maeLoss(prediction: pred.value, target: raw, mask: m.mask, normalizeTarget: true)
        guard l.gradient.shape == pred.shape, l.loss.isFinite else {
            throw InputError("exercise 6.4: maeLoss gave loss \(l.loss) and a gradient of shape \(l.gradient.shape) for predictions \(pred.shape)")
        }
        // Σ pred ⊙ G has gradient G: the engine carries the student's ∂loss/∂prediction into the network.
        let surrogate = try (pred * Variable(l.gradient)).sum()
        return (surrogate, l.loss, pred, m)
    }

    /// The decoder on the kept tokens of `tokens` [B, L, D] (all positions embedded) → predictions [B, L, p²].
    func decode(_ tokens: Variable, _ m: Masking) throws -> Variable {
        let b = tokens.shape[0]
        let visible = try decoderEmbed(encoder.encode(try tokens.gathered(axis: 1, indices: m.keep)))
        let hidden = patches - (m.keep.first?.count ?? 0)
        var full = visible
        if hidden > 0 {
            let tokensForHidden = try Variable(Tensor.zeros([b, hidden, maskToken.shape[2]])) + maskToken
            full = try Variable.concatenate([visible, tokensForHidden], axis: 1)
        }
        var h = try full.gathered(axis: 1, indices: m.restore) + decoderPositions
        for block in decoderBlocks { h = try block(h) }
        return try decoderPred(decoderNorm(h))
    }

    /// What the network needs of a masking: the same keep count for every image, restore a permutation.
    static func validate(_ m: Masking, batch: Int, patches n: Int, ratio: Double) throws {
        let kept = m.keep.first?.count ?? -1
        guard m.keep.count == batch, m.restore.count == batch, m.mask.shape == [batch, n], kept > 0,
              m.keep.allSatisfy({ $0.count == kept && $0.allSatisfy { (0..<n).contains($0) } }),
              m.restore.allSatisfy({ $0.sorted() == Array(0..<n) }) else {
            throw InputError("exercise 6.2: randomMasking(batch: \(batch), patches: \(n), ratio: \(ratio)) gave \(m.keep.count) keep lists "
                             + "(first of \(kept)), \(m.restore.count) restore lists and a mask of shape \(m.mask.shape); "
                             + "the network needs \(batch) of each, the same number of kept patches (> 0) per image, restore a permutation")
        }
    }

    public var namedParameters: [(String, Variable)] {
        prefixed("encoder", encoder) + prefixed("decoderEmbed", decoderEmbed) + [("maskToken", maskToken)]
            + decoderBlocks.enumerated().flatMap { prefixed("decoderBlocks.\($0.offset)", $0.element) }
            + prefixed("decoderNorm", decoderNorm) + prefixed("decoderPred", decoderPred)
    }
}
