import Course
import Foundation
import RepLearn

// Exercise 5.6 — the annealed mean.              Lecture: Lectures/05-colorization.md, "From a distribution back to one colour: the annealed mean"
extension StudentColorization {
    /// probabilities z: [P, Q] (rows sum to 1; some entries may be 0), centres: [Q, 2], temperature T > 0 →
    ///   f_T(z_p) = Σ_q softmax(log z_p / T)_q · c_q,   [P, 2] rows (a, b).
    /// T = 1 gives the mean, T → 0 the centre of the most likely bin. z_q = 0 gets weight 0.
    /// Small T makes log z / T large: subtract each row's maximum before exponentiating.
    /// (Lecture 1's softmax(−βx) with x = −log z and β = 1/T is the same distribution.)
    public func annealedMean(_ probabilities: Tensor, centres: Tensor, temperature: Float) throws -> Tensor {
        throw NotImplemented("5.6")
    }
}
