import Course
import RepLearn

/// The reference implementation of lecture 1. Each exercise lives in its own file
/// (Linear.swift, ReLU.swift, L2Norm.swift, Softmax.swift, Backprop.swift), mirroring Exercises/.
public struct ReferenceLayers: LayersExercises {
    public init() {}
}
