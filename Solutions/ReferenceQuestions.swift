import Course

/// The reference answers (one …Questions.swift per lecture folder, mirroring Exercises/).
public struct ReferenceQuestions: AnswerSheets {
    public init() {}
}
