import Course
import Foundation

/// Lecture 2's graded questions: expected values from closed forms computed here.
enum AutoencoderQuestions {
    static let all: [Check<QuestionCheck.Impl>] = [
        QuestionCheck.numeric("2.Qa", "Data whose covariance (1/n convention) has eigenvalues 9, 4, 2.25, 1, 0.25, 0.04: the *mean* squared reconstruction error (1/n) Σ ‖x − x̂‖² of PCA with k = 2?",
                              expected: { [2.25, 1, 0.25, 0.04].reduce(0, +) },
                              tolerance: 0.005, why: "the sum of the discarded eigenvalues", see: "Section “PCA as autoencoding”: the error is the discarded eigenvalues."),
        QuestionCheck.numeric("2.Qb", "The same data with n = 40 rows: the *summed* error Σ ‖x − x̂‖² with k = 2?",
                              expected: { 40 * [2.25, 1, 0.25, 0.04].reduce(0, +) },
                              tolerance: 0.1, why: "n times the mean", see: "Section “PCA as autoencoding”: the mean and the sum differ by n."),
        QuestionCheck.numeric("2.Qc", "The same data: the fraction of the total variance explained by the top 2 components?",
                              expected: { 13 / [9, 4, 2.25, 1, 0.25, 0.04].reduce(0, +) },
                              tolerance: 0.002, why: "three decimals", see: "Exercise 2.2: the ratio divides by the trace."),
        QuestionCheck.choice("2.Qd", "If λ_M = λ_{M+1}, the top-M principal subspace is (a) unique (b) not unique", options: ["a", "b"], answer: "b",
                             see: "Section “A linear autoencoder finds the PCA subspace”: the conditions for uniqueness."),
        QuestionCheck.choice("2.Qe", "At a global minimum of the linear autoencoder's loss, the decoder's M columns are (a) the top-M eigenvectors (b) orthonormal but rotated (c) a basis of the top-M eigenspace, not necessarily orthonormal", options: ["a", "b", "c"], answer: "c",
                             see: "Section “A linear autoencoder finds the PCA subspace” (Baldi & Hornik) and “Same subspace, not the same basis”."),
    ]
}
