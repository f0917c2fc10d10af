import Course

// Questions on lecture 7 — graded like exercises (`swift test`, `swift run replearn grade`).
// Read the notes (and run the experiment: the figures help), then replace each "" with your answer:
// a number ("0.25", "1e-3", "3/4") or the letter / word the question asks for ("b", "no").
// An empty answer is "not started". `swift run replearn hint 7.Q` points at the sections.
extension StudentQuestions {
    public func lecture7Answers() -> [String: String] {
        [
            // 7.Qa  The keep probability (the C code's formula, exercise 7.2) of a word with frequency f = 0.01 at threshold t = 1e-3?
            "7.Qa": "",
            // 7.Qb  Counts (1000, 200, 50, 10, 1) and power 0.75: the noise probability of the rarest word?
            "7.Qb": "",
            // 7.Qc  Dynamic window 5 (b uniform in 0..<5): the probability that the word at distance 3 from the centre becomes one of its context words?
            "7.Qc": "",
            // 7.Qd  SGNS with K noise words is optimal at u_oᵀv_c = PMI(o, c) − log K. For K = 5 and PMI = 2 (nats), the optimal score?
            "7.Qd": "",
            // 7.Qe  Is skip-gram with negative sampling the same estimator as NCE? (yes or no)
            "7.Qe": "",
        ]
    }
}
