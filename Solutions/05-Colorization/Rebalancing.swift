import Course
import Foundation
import RepLearn

// Exercise 5.4 — class rebalancing: smooth the prior, mix with the uniform, invert, normalise.
extension ReferenceColorization {
    public func rebalancingWeights(prior: Tensor, centres: Tensor, gridSize: Float, sigma: Float, lambda: Float) throws -> Rebalancing {
        try centres.expectShape([-1, 2], "rebalancingWeights", name: "centres")
        let q = centres.rows
        try prior.expectShape([q], "rebalancingWeights", name: "prior")
        let p = prior.data.map(Double.init)
        let s2 = 2 * Double(sigma * gridSize) * Double(sigma * gridSize)      // 2σ² in ab units²
        // p̃_q ∝ Σ_r G(c_q − c_r) p_r
        var smooth = [Double](repeating: 0, count: q)
        for i in 0..<q {
            for r in 0..<q where p[r] != 0 {
                let da = Double(centres[i, 0] - centres[r, 0]), db = Double(centres[i, 1] - centres[r, 1])
                smooth[i] += Foundation.exp(-(da * da + db * db) / s2) * p[r]
            }
        }
        let total = smooth.reduce(0, +)
        smooth = smooth.map { $0 / total }
        // w ∝ ((1 − λ) p̃ + λ/Q)⁻¹, scaled so that Σ p̃ w = 1
        let l = Double(lambda)
        var w = smooth.map { 1 / ((1 - l) * $0 + l / Double(q)) }
        let mean = zip(smooth, w).reduce(0) { $0 + $1.0 * $1.1 }
        w = w.map { $0 / mean }
        return Rebalancing(smoothed: Tensor(vector: smooth.map(Float.init)), weights: Tensor(vector: w.map(Float.init)))
    }
}
