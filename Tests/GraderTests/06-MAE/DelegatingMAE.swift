import Course
import RepLearn
import Solutions

/// A mutant of lecture 6 overrides one function; the rest are the reference's.
protocol DelegatingMAE: MAEExercises {}

extension DelegatingMAE {
    var base: ReferenceMAE { ReferenceMAE() }
    func patchify(_ images: Tensor, patch: Int) throws -> Tensor { try base.patchify(images, patch: patch) }
    func unpatchify(_ patches: Tensor, patch: Int, gridH: Int, gridW: Int, channels: Int) throws -> Tensor {
        try base.unpatchify(patches, patch: patch, gridH: gridH, gridW: gridW, channels: channels)
    }
    func randomMasking(batch: Int, patches: Int, ratio: Double, rng: inout SeededGenerator) throws -> PatchMasking {
        try base.randomMasking(batch: batch, patches: patches, ratio: ratio, rng: &rng)
    }
    func sinCosEmbedding2D(dim: Int, gridH: Int, gridW: Int) throws -> Tensor { try base.sinCosEmbedding2D(dim: dim, gridH: gridH, gridW: gridW) }
    func maeLoss(prediction: Tensor, target: Tensor, mask: Tensor, normalizeTarget: Bool) throws -> MAELoss {
        try base.maeLoss(prediction: prediction, target: target, mask: mask, normalizeTarget: normalizeTarget)
    }
    func attentionForward(q: Tensor, k: Tensor, v: Tensor, mask: Tensor?) throws -> Tensor { try base.attentionForward(q: q, k: k, v: v, mask: mask) }
    func attentionBackward(q: Tensor, k: Tensor, v: Tensor, mask: Tensor?, outputGradient: Tensor) throws -> AttentionGradients {
        try base.attentionBackward(q: q, k: k, v: v, mask: mask, outputGradient: outputGradient)
    }
    func bertCorrupt(_ tokens: [Int], ratio: Double, vocabularySize: Int, maskToken: Int, rng: inout SeededGenerator) throws -> BERTCorruption {
        try base.bertCorrupt(tokens, ratio: ratio, vocabularySize: vocabularySize, maskToken: maskToken, rng: &rng)
    }
}
