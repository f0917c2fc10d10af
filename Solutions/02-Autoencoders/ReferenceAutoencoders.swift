import Course
import RepLearn

/// The reference implementation of lecture 2 (one file per exercise, mirroring Exercises/).
public struct ReferenceAutoencoders: AutoencoderExercises {
    public init() {}
}
