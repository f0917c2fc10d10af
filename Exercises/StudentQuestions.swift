import Course

/// Your answers to the lectures' questions: each lecture's are in its folder's …Questions.swift.
public struct StudentQuestions: AnswerSheets {
    public init() {}
}
