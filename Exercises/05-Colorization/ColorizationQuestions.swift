import Course

// Questions on lecture 5 — graded like exercises (`swift test`, `swift run replearn grade`).
// Read the notes (and run the experiment: the figures help), then replace each "" with your answer:
// a number ("0.25", "1e-3", "3/4") or the letter / word the question asks for ("b", "no").
// An empty answer is "not started". `swift run replearn hint 5.Q` points at the sections.
extension StudentQuestions {
    public func lecture5Answers() -> [String: String] {
        [
            // 5.Qa  Lab of pure white, sRGB (1, 1, 1), under D65: L = ?
            "5.Qa": "",
            // 5.Qb  Two bins with centres a = 0 and a = 10 (b = 0) and probabilities 0.2 and 0.8: the annealed mean's a at T = 0.5?
            "5.Qb": "",
            // 5.Qc  The same two bins at T = 1?
            "5.Qc": "",
            // 5.Qd  Lecture 1's inverse temperature β that corresponds to the annealed mean's T = 0.38 (on x = −log z)?
            "5.Qd": "",
            // 5.Qe  Half of the training shirts have a = +60, half a = −20 (same lightness, same b): the a an L2-trained model predicts for such a shirt?
            "5.Qe": "",
        ]
    }
}
