import Course
import RepLearn

/// The reference implementation of lecture 5 (one file per exercise, mirroring Exercises/):
/// Lab.swift (5.1), InGamutBins.swift (5.2), SoftEncode.swift (5.3), Rebalancing.swift (5.4),
/// CrossEntropy.swift (5.5), AnnealedMean.swift (5.6), L2Loss.swift (5.7).
public struct ReferenceColorization: ColorizationExercises {
    public init() {}
}
