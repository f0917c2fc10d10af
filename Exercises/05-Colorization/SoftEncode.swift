import Course
import Foundation
import RepLearn

// Exercise 5.3 — soft encoding.                  Lecture: Lectures/05-colorization.md, "Colour as classification"
extension StudentColorization {
    /// ab: [P, 2], centres: [Q, 2] → Z: [P, Q], the target distribution of each pixel.
    /// Row p is zero except on the k centres nearest to ab_p (at equal distances the lower bin index
    /// comes first), where it is ∝ exp(−‖ab_p − c_q‖² / 2σ²), normalised so the row sums to 1.
    /// A colour far from every centre must still encode (no 0/0): measure the exponent relative to the nearest centre.
    public func softEncode(_ ab: Tensor, centres: Tensor, neighbours k: Int, sigma: Float) throws -> Tensor {
        throw NotImplemented("5.3")
    }
}
