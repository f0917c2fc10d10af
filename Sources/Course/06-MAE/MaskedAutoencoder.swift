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

    /// Which patches each image keeps, as MAE's reference code draws them: per image, uniform
    /// noise over the N patches, `shuffle` = argsort(noise) (ascending), `restore` = argsort(shuffle),
    /// keep the first ⌊N(1 − r)⌋ of shuffle. mask[i] = 1 for a hidden patch, 0 for a kept one.
    public struct Masking { public var keep: [[Int]]; public var restore: [[Int]]; public var mask: Tensor }

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
    public func loss(_ images: Tensor, ratio: Double, rng: inout SeededGenerator) throws -> (loss: Variable, pred: Variable, masking: Masking) {
        let b = images.shape[0]
        let m = Self.randomMasking(batch: b, patches: patches, ratio: ratio, rng: &rng)
        let target = Self.normalisedPatches(try ImagePatches.patchify(Variable(images), patch: encoder.patch).value)
        let tokens = try encoder.embed(Variable(images)).gathered(axis: 1, indices: m.keep)
        let visible = try decoderEmbed(encoder.encode(tokens))
        let hidden = patches - m.keep[0].count
        var full = visible
        if hidden > 0 {
            let tokensForHidden = try Variable(Tensor.zeros([b, hidden, maskToken.shape[2]])) + maskToken
            full = try Variable.concatenate([visible, tokensForHidden], axis: 1)
        }
        var h = try full.gathered(axis: 1, indices: m.restore) + decoderPositions
        for block in decoderBlocks { h = try block(h) }
        let pred = try decoderPred(decoderNorm(h))
        return (try pred.mseLoss(target: target, mask: hidden > 0 ? m.mask : nil), pred, m)
    }

    public var namedParameters: [(String, Variable)] {
        prefixed("encoder", encoder) + prefixed("decoderEmbed", decoderEmbed) + [("maskToken", maskToken)]
            + decoderBlocks.enumerated().flatMap { prefixed("decoderBlocks.\($0.offset)", $0.element) }
            + prefixed("decoderNorm", decoderNorm) + prefixed("decoderPred", decoderPred)
    }
}
