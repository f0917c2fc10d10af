import Course
import RepLearn

// Exercise 5.7 — the L2 regression baseline on ab.
extension ReferenceColorization {
    /// L = (1/P) Σ_p ‖Ŷ_p − Y_p‖²,  ∂L/∂Ŷ = (2/P)(Ŷ − Y).
    public func l2Loss(prediction: Tensor, target: Tensor) throws -> LossAndGradient {
        try prediction.expectShape([-1, 2], "l2Loss", name: "prediction")
        try target.expectShape(prediction.shape, "l2Loss", name: "target")
        let p = Float(max(prediction.rows, 1))
        let diff = try prediction - target
        var loss = 0.0
        for d in diff.data { loss += Double(d * d) }
        return LossAndGradient(loss: loss / Double(p), gradient: diff * (2 / p))
    }
}
