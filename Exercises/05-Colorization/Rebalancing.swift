import Course
import Foundation
import RepLearn

// Exercise 5.4 — class-rebalancing weights.      Lecture: Lectures/05-colorization.md, "Colour as classification"
extension StudentColorization {
    /// prior p: [Q] (sums to 1), centres: [Q, 2] on a grid of step gridSize →
    /// smoothed p̃: [Q], p̃_q ∝ Σ_r exp(−‖c_q − c_r‖² / (2σ² · gridSize²)) · p_r   (σ in bin units), Σ_q p̃_q = 1;
    /// weights w: [Q], w_q ∝ 1 / ((1 − λ) p̃_q + λ / Q), scaled so that E_p̃[w] = Σ_q p̃_q w_q = 1.
    public func rebalancingWeights(prior: Tensor, centres: Tensor, gridSize: Float, sigma: Float, lambda: Float) throws -> Rebalancing {
        throw NotImplemented("5.4")
    }
}
