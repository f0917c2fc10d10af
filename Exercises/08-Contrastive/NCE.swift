import Course
import Foundation
import RepLearn

// Exercise 8.1 — noise-contrastive estimation.   Lecture: Lectures/08-contrastive.md, "Data against noise: NCE"
extension StudentContrastive {
    /// θ = [μ, s, c]: model log p_m(u) = −(u − μ)² / (2e^{2s}) + c (c is a learned constant, not log-normaliser).
    /// Noise pₙ = N(noiseMean, noiseStd²) with its normalising constant. G(u) = log p_m(u) − log(ν·pₙ(u)).
    /// data: [T_d], noise: [T_n] (any lengths) →
    ///     loss = −(1/T_d) Σ_data log σ(G(x)) − ν·(1/T_n) Σ_noise log(1 − σ(G(y)))
    /// and gradient = ∂loss/∂θ as a [3] tensor in the order μ, s, c.
    /// Descending this gradient drives c to −log Z = −log(√(2π)·e^s).
    public func nceLoss(data: Tensor, noise: Tensor, theta: Tensor, noiseMean: Float, noiseStd: Float, nu: Float) throws -> NCELoss {
        throw NotImplemented("8.1")
    }
}
