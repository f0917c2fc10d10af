import Course
import RepLearn

/// The reference implementation of lecture 3 (one file per exercise, mirroring Exercises/).
public struct ReferenceKMeans: KMeansExercises {
    public init() {}
}
