import Course
import RepLearn

/// Your implementation of lecture 3. Each exercise is in its own file of this folder:
/// Assignment.swift (3.1), Update.swift (3.2), Objective.swift (3.3), KMeansPlusPlus.swift (3.4),
/// Loop.swift (3.5), Autoencoder.swift (3.6).
public struct StudentKMeans: KMeansExercises {
    public init() {}
}
