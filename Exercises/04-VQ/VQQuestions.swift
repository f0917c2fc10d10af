import Course

// Questions on lecture 4 — graded like exercises (`swift test`, `swift run replearn grade`).
// Read the notes (and run the experiment: the figures help), then replace each "" with your answer:
// a number ("0.25", "1e-3", "3/4") or the letter / word the question asks for ("b", "no").
// An empty answer is "not started". `swift run replearn hint 4.Q` points at the sections.
extension StudentQuestions {
    public func lecture4Answers() -> [String: String] {
        [
            // 4.Qa  Codebook usage counts (5, 2, 1, 2, 0, 0) over 10 encoder outputs: the perplexity?
            "4.Qa": "",
            // 4.Qb  A bottleneck of S = 4 slots, each one of K = 16 codes: how many different inputs can the decoder receive?
            "4.Qb": "",
            // 4.Qc  The commitment loss ‖z_e − sg[e_k]‖² moves (a) the encoder (b) the codebook (c) both
            "4.Qc": "",
            // 4.Qd  n = 12 encoder outputs, n_k = 3 of them use code k. Which step η makes e_k ← e_k − η·∂L_codebook/∂e_k the k-means update (the mean of its members)?
            "4.Qd": "",
        ]
    }
}
