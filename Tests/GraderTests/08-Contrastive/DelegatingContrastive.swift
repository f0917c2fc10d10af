import Course
import RepLearn
import Solutions

/// A mutant of lecture 8 overrides one function; the rest are the reference's.
protocol DelegatingContrastive: ContrastiveExercises {}

extension DelegatingContrastive {
    var base: ReferenceContrastive { ReferenceContrastive() }
    func nceLoss(data: Tensor, noise: Tensor, theta: Tensor, noiseMean: Float, noiseStd: Float, nu: Float) throws -> NCELoss {
        try base.nceLoss(data: data, noise: noise, theta: theta, noiseMean: noiseMean, noiseStd: noiseStd, nu: nu)
    }
    func ntXent(_ z: Tensor, temperature: Float) throws -> NTXentLoss { try base.ntXent(z, temperature: temperature) }
    func alignment(_ x: Tensor, _ y: Tensor, alpha: Double) throws -> Double { try base.alignment(x, y, alpha: alpha) }
    func uniformity(_ x: Tensor, t: Double) throws -> Double { try base.uniformity(x, t: t) }
    func augmentView(_ x: Tensor, _ settings: ViewAugmentation, rng: inout SeededGenerator) throws -> Tensor {
        try base.augmentView(x, settings, rng: &rng)
    }
    func rotationBatch(_ x: Tensor) throws -> RotationBatch { try base.rotationBatch(x) }
    func rotationLoss(logits: Tensor, labels: [Int]) throws -> ClassificationLoss { try base.rotationLoss(logits: logits, labels: labels) }
}
