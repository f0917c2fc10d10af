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
