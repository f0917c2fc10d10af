import Course
import RepLearn

/// The reference implementation of lecture 7 (one file per exercise, mirroring Exercises/).
/// Training itself runs in the library's `SkipGramTrainer`, whose update is this file's
/// `sgnsLoss` gradient applied by SGD (a unit test checks they agree).
public struct ReferenceWord2Vec: Word2VecExercises {
    public init() {}
}
