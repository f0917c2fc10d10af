import Course
import RepLearn

/// Your implementation of lecture 7. Each exercise is in its own file of this folder:
/// Vocabulary.swift (7.1), Sampling.swift (7.2), Loss.swift (7.3), Training.swift (7.4),
/// Similarity.swift (7.5), Spearman.swift (7.6).
public struct StudentWord2Vec: Word2VecExercises {
    public init() {}
}
