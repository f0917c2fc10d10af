import Course
import RepLearn

// Exercise 5.7 — the L2 baseline.                Lecture: Lectures/05-colorization.md, "Why regression paints everything brown"
extension StudentColorization {
    /// prediction Ŷ, target Y: [P, 2] rows (a, b) →
    ///   loss L = (1/P) Σ_p ‖Ŷ_p − Y_p‖²  (the mean over positions of the squared ab distance — not over the 2P entries),
    ///   gradient ∂L/∂Ŷ: [P, 2].
    public func l2Loss(prediction: Tensor, target: Tensor) throws -> LossAndGradient {
        throw NotImplemented("5.7")
    }
}
