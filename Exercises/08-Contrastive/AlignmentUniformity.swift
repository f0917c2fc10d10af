import Course
import Foundation
import RepLearn

// Exercise 8.3 — alignment and uniformity.        Lecture: Lectures/08-contrastive.md, "Alignment and uniformity"
extension StudentContrastive {
    /// x, y: [n, d]; (xᵢ, yᵢ) are positive pairs → (1/n) Σᵢ ‖xᵢ − yᵢ‖₂^α (the Euclidean norm to the power α).
    public func alignment(_ x: Tensor, _ y: Tensor, alpha: Double) throws -> Double {
        throw NotImplemented("8.3")
    }

    /// x: [n, d] → log of the mean of e^{−t‖xᵢ − xⱼ‖²} over the n(n − 1)/2 pairs i < j (never i = j).
    public func uniformity(_ x: Tensor, t: Double) throws -> Double {
        throw NotImplemented("8.3")
    }
}
