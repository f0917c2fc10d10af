import Course

// Questions on lecture 3 — graded like exercises (`swift test`, `swift run replearn grade`).
// Read the notes (and run the experiment: the figures help), then replace each "" with your answer:
// a number ("0.25", "1e-3", "3/4") or the letter / word the question asks for ("b", "no").
// An empty answer is "not started". `swift run replearn hint 3.Q` points at the sections.
extension StudentQuestions {
    public func lecture3Answers() -> [String: String] {
        [
            // 3.Qa  Lloyd's algorithm on the 1-D points {0, 1, 3, 10} with k = 2, started from the centres {0, 10}: the final objective J (a sum of squares)?
            "3.Qa": "",
            // 3.Qb  k-means++ on {0, 1, 3, 10} when the first centre chosen is 0: the probability that the second one is 10?
            "3.Qb": "",
            // 3.Qc  k-means as an autoencoder with 16 centres: how many bits does the code of one example take, stored as an index?
            "3.Qc": "",
            // 3.Qd  Can the objective J go up from one Lloyd iteration to the next? (yes or no)
            "3.Qd": "",
        ]
    }
}
