import Course
import RepLearn

/// Your implementation of lecture 8. Each exercise is in its own file of this folder.
public struct StudentContrastive: ContrastiveExercises {
    public init() {}
}
