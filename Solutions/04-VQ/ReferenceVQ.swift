import Course
import RepLearn

/// The reference implementation of lecture 4 (one file per exercise, mirroring Exercises/).
public struct ReferenceVQ: VQExercises {
    public init() {}
}
