import Course
import Foundation

/// Lecture 7's graded questions: expected values from closed forms computed here.
enum Word2VecQuestions {
    static let all: [Check<QuestionCheck.Impl>] = [
        QuestionCheck.numeric("7.Qa", "The keep probability (the C code's formula, exercise 7.2) of a word with frequency f = 0.01 at threshold t = 1e-3?",
                              expected: { let (f, t) = (0.01, 1e-3); return min(1, ((f / t).squareRoot() + 1) * t / f) },
                              tolerance: 0.001, why: "three decimals", see: "Section “Frequent words and noise words”."),
        QuestionCheck.numeric("7.Qb", "Counts (1000, 200, 50, 10, 1) and power 0.75: the noise probability of the rarest word?",
                              expected: { let w = [1000.0, 200, 50, 10, 1].map { pow($0, 0.75) }; return w[4] / w.reduce(0, +) },
                              tolerance: 0.0001, why: "four decimals", see: "Section “Frequent words and noise words”: count^0.75, normalised."),
        QuestionCheck.numeric("7.Qc", "Dynamic window 5 (b uniform in 0..<5): the probability that the word at distance 3 from the centre becomes one of its context words?",
                              expected: { Double(5 - 3 + 1) / 5 },
                              tolerance: 0.001, why: "b ≤ 2 of 5 equally likely values", see: "Section “Training”: the effective window is window − b."),
        QuestionCheck.numeric("7.Qd", "SGNS with K noise words is optimal at u_oᵀv_c = PMI(o, c) − log K. For K = 5 and PMI = 2 (nats), the optimal score?",
                              expected: { 2 - log(5.0) },
                              tolerance: 0.005, why: "natural logarithms", see: "The notes on what SGNS factorises (Levy & Goldberg 2014)."),
        QuestionCheck.choice("7.Qe", "Is skip-gram with negative sampling the same estimator as NCE? (yes or no)", options: ["yes", "no"], answer: "no",
                             see: "The notes on negative sampling and NCE; lecture 8 builds on the difference."),
    ]
}
