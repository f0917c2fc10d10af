import Course
import RepLearn

// Exercise 9.2 — one SGD step over parameter groups: momentum, coupled weight decay, a learning-rate
// scale per group, and frozen groups that do not move at all.
extension ReferenceTransfer {
    public func optimizerStep(_ parameters: [Tensor], gradients: [Tensor], velocities: [Tensor], groups: [Int],
                              settings: [GroupSetting], learningRate: Float, momentum: Float, weightDecay: Float) throws -> OptimizerState {
        guard gradients.count == parameters.count, velocities.count == parameters.count, groups.count == parameters.count else {
            throw InputError("optimizerStep: \(parameters.count) parameters, \(gradients.count) gradients, \(velocities.count) velocities, \(groups.count) groups")
        }
        var out = OptimizerState(parameters: parameters, velocities: velocities)
        for i in parameters.indices {
            guard settings.indices.contains(groups[i]) else { throw InputError("optimizerStep: parameter \(i) in group \(groups[i]) of \(settings.count)") }
            let setting = settings[groups[i]]
            if setting.frozen { continue }                                              // no step, no momentum, no decay
            let v = try velocities[i] * momentum + gradients[i] + parameters[i] * weightDecay
            out.velocities[i] = v
            out.parameters[i] = try parameters[i] - v * (learningRate * setting.learningRateScale)
        }
        return out
    }
}
