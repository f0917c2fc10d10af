import Course
import Foundation
import RepLearn

// Exercise 5.5 — weighted cross-entropy.         Lecture: Lectures/05-colorization.md, "Colour as classification"
extension StudentColorization {
    /// logits: [P, Q] (row p: the scores of position p), targets Z: [P, Q] (rows sum to 1), binWeights w: [Q] →
    ///   loss L = −(1/P) Σ_p w_{q*(p)} Σ_q Z_pq log softmax(logits_p)_q,
    ///   where q*(p) = argmax_q Z_pq is the position's most likely true bin (ties: the lowest q),
    ///   and gradient ∂L/∂logits: [P, Q].
    /// Logits can be large (hundreds): subtract each row's maximum before exponentiating.
    public func weightedCrossEntropy(logits: Tensor, targets: Tensor, binWeights: Tensor) throws -> LossAndGradient {
        throw NotImplemented("5.5")
    }
}
