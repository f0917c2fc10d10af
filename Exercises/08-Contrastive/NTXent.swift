import Course
import Foundation
import RepLearn

// Exercise 8.2 — NT-Xent.                        Lecture: Lectures/08-contrastive.md, "Positives against negatives: InfoNCE and NT-Xent"
extension StudentContrastive {
    /// z: [2N, d]; rows i and i + N are the two views of example i (the positive of row i is row (i + N) mod 2N).
    /// sim(a, b) = aᵀb / (‖a‖‖b‖) (normalise the rows yourself). For each of the 2N rows,
    ///     ℓᵢ = −log( e^{sim(zᵢ, z_p(i))/τ} / Σ_{k ≠ i} e^{sim(zᵢ, z_k)/τ} )   (the row itself is left out),
    /// loss = (1/2N) Σᵢ ℓᵢ, and gradient = ∂loss/∂z: [2N, d] (through the normalisation).
    public func ntXent(_ z: Tensor, temperature: Float) throws -> NTXentLoss {
        throw NotImplemented("8.2")
    }
}
