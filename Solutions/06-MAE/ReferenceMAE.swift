import Course
import RepLearn

/// The reference implementation of lecture 6 (one file per exercise, mirroring Exercises/).
public struct ReferenceMAE: MAEExercises {
    public init() {}
}
