import Course
import RepLearn

/// The reference implementation of lecture 8 (one file per exercise, mirroring Exercises/):
/// NCE.swift (8.1), NTXent.swift (8.2), AlignmentUniformity.swift (8.3), Views.swift (8.4),
/// Rotation.swift (8.5).
public struct ReferenceContrastive: ContrastiveExercises {
    public init() {}
}
