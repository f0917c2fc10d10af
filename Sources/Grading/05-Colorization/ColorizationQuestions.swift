import Course
import Foundation

/// Lecture 5's graded questions: expected values from closed forms computed here.
enum ColorizationQuestions {
    static let all: [Check<QuestionCheck.Impl>] = [
        QuestionCheck.numeric("5.Qa", "Lab of pure white, sRGB (1, 1, 1), under D65: L = ?",
                              expected: { 100 },
                              tolerance: 0.05, why: "white is L = 100 by construction", see: "Section “Lightness in, colour out: the Lab space”."),
        QuestionCheck.numeric("5.Qb", "Two bins with centres a = 0 and a = 10 (b = 0) and probabilities 0.2 and 0.8: the annealed mean's a at T = 0.5?",
                              expected: { let w = [0.2, 0.8].map { pow($0, 2.0) }; return 10 * w[1] / (w[0] + w[1]) },
                              tolerance: 0.01, why: "two decimals", see: "Section “From a distribution back to one colour: the annealed mean”: softmax(log z / T)."),
        QuestionCheck.numeric("5.Qc", "The same two bins at T = 1?",
                              expected: { 0.2 * 0 + 0.8 * 10 },
                              tolerance: 0.01, why: "the mean", see: "T = 1 is the mean of the distribution."),
        QuestionCheck.numeric("5.Qd", "Lecture 1's inverse temperature β that corresponds to the annealed mean's T = 0.38 (on x = −log z)?",
                              expected: { 1 / 0.38 },
                              tolerance: 0.005, why: "β = 1/T", see: "The T ↔ β mapping in the notes (and lecture 1's “Softmax with inverse temperature”)."),
        QuestionCheck.numeric("5.Qe", "Half of the training shirts have a = +60, half a = −20 (same lightness, same b): the a an L2-trained model predicts for such a shirt?",
                              expected: { (60.0 - 20) / 2 },
                              tolerance: 0.5, why: "the mean minimises the squared error", see: "Section “Why regression paints everything brown”."),
    ]
}
