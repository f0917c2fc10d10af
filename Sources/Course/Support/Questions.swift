/// Every lecture's graded questions (CS231n's inline questions, made gradable): numeric
/// predictions and multiple choice about the lecture, its experiment and its figures.
///
/// The student answers in `Exercises/NN-…/…Questions.swift`, one string per question id
/// ("1.Qa" → "0.57", "2.Qc" → "b", "7.Qd" → "no"); an empty string is "not started". The grader
/// parses and judges them (Sources/Grading/…/…Questions.swift), with the tolerance it states.
public protocol QuestionExercises {
    /// Lecture `lecture`'s answers, keyed by question id.
    func answers(lecture: Int) throws -> [String: String]
}

/// A set of answers, one sheet per lecture with questions (the student's in Exercises/, the
/// reference's in Solutions/), routed by lecture number.
public protocol AnswerSheets: QuestionExercises {
    func lecture1Answers() -> [String: String]
    func lecture2Answers() -> [String: String]
    func lecture3Answers() -> [String: String]
    func lecture4Answers() -> [String: String]
    func lecture5Answers() -> [String: String]
    func lecture7Answers() -> [String: String]
    func lecture9Answers() -> [String: String]
}

extension AnswerSheets {
    public func answers(lecture: Int) throws -> [String: String] {
        switch lecture {
        case 1: return lecture1Answers()
        case 2: return lecture2Answers()
        case 3: return lecture3Answers()
        case 4: return lecture4Answers()
        case 5: return lecture5Answers()
        case 7: return lecture7Answers()
        case 9: return lecture9Answers()
        default: return [:]
        }
    }
}
