import Course
import RepLearn

/// Your implementation of lecture 6. Each exercise is in its own file of this folder.
public struct StudentMAE: MAEExercises {
    public init() {}
}
