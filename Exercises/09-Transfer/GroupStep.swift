import Course
import RepLearn

// Exercise 9.2 — freezing and per-group learning rates.   Lecture: Lectures/09-transfer.md, "Fine-tuning, frozen layers"
extension StudentTransfer {
    /// For each parameter i in group s = settings[groups[i]]:
    ///     v ← μ·v + (g + wd·θ),   θ ← θ − (η·s.learningRateScale)·v,
    /// except that a frozen group keeps θ and v exactly as they were. → new parameters and velocities.
    public func optimizerStep(_ parameters: [Tensor], gradients: [Tensor], velocities: [Tensor], groups: [Int],
                              settings: [GroupSetting], learningRate: Float, momentum: Float, weightDecay: Float) throws -> OptimizerState {
        throw NotImplemented("9.2")
    }
}
