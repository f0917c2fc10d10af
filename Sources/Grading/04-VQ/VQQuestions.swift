import Course
import Foundation

/// Lecture 4's graded questions: expected values from closed forms computed here.
enum VQQuestions {
    static let all: [Check<QuestionCheck.Impl>] = [
        QuestionCheck.numeric("4.Qa", "Codebook usage counts (5, 2, 1, 2, 0, 0) over 10 encoder outputs: the perplexity?",
                              expected: { let p = [0.5, 0.2, 0.1, 0.2]; return exp(-p.reduce(0) { $0 + $1 * log($1) }) },
                              tolerance: 0.005, why: "two decimals", see: "Section “Dead codes and perplexity”: exp of the entropy in nats."),
        QuestionCheck.numeric("4.Qb", "A bottleneck of S = 4 slots, each one of K = 16 codes: how many different inputs can the decoder receive?",
                              expected: { pow(16.0, 4) },
                              tolerance: 0, why: "a count", see: "The notes on slots and codes: K per slot, K^S combinations."),
        QuestionCheck.choice("4.Qc", "The commitment loss ‖z_e − sg[e_k]‖² moves (a) the encoder (b) the codebook (c) both", options: ["a", "b", "c"], answer: "a",
                             see: "Section “Three losses, two stop-gradients”."),
        QuestionCheck.numeric("4.Qd", "n = 12 encoder outputs, n_k = 3 of them use code k. Which step η makes e_k ← e_k − η·∂L_codebook/∂e_k the k-means update (the mean of its members)?",
                              expected: { 12.0 / (2 * 3) },
                              tolerance: 0.01, why: "the per-code step n/(2n_k)", see: "“VQ-VAE contains k-means — with the right step”."),
    ]
}
