import Course
import RepLearn

/// The reference implementation of lecture 8 (one file per exercise, mirroring Exercises/).
public struct ReferenceContrastive: ContrastiveExercises {
    public init() {}
}
