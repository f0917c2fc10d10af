import Course
import RepLearn

// Exercise 6.4 — the MAE loss.                   Lecture: Lectures/06-mae.md, "The MAE recipe"
extension StudentMAE {
    /// prediction, target: [n, L, P]; mask: [n, L] with 1 = hidden.
    /// normalizeTarget: each target patch → (t − mean)/√(var + 1e-6) over its own P values (var unbiased: ÷ (P − 1)).
    /// loss = Σ mask[s,l]·(1/P)Σ_j (pred[s,l,j] − target[s,l,j])² / Σ mask; gradient = ∂loss/∂prediction: [n, L, P].
    public func maeLoss(prediction: Tensor, target: Tensor, mask: Tensor, normalizeTarget: Bool) throws -> MAELoss {
        throw NotImplemented("6.4")
    }
}
