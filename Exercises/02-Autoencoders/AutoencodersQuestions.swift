import Course

// Questions on lecture 2 — graded like exercises (`swift test`, `swift run replearn grade`).
// Read the notes (and run the experiment: the figures help), then replace each "" with your answer:
// a number ("0.25", "1e-3", "3/4") or the letter / word the question asks for ("b", "no").
// An empty answer is "not started". `swift run replearn hint 2.Q` points at the sections.
extension StudentQuestions {
    public func lecture2Answers() -> [String: String] {
        [
            // 2.Qa  Data whose covariance (1/n convention) has eigenvalues 9, 4, 2.25, 1, 0.25, 0.04: the *mean* squared reconstruction error (1/n) Σ ‖x − x̂‖² of PCA with k = 2?
            "2.Qa": "",
            // 2.Qb  The same data with n = 40 rows: the *summed* error Σ ‖x − x̂‖² with k = 2?
            "2.Qb": "",
            // 2.Qc  The same data: the fraction of the total variance explained by the top 2 components?
            "2.Qc": "",
            // 2.Qd  If λ_M = λ_{M+1}, the top-M principal subspace is (a) unique (b) not unique
            "2.Qd": "",
            // 2.Qe  At a global minimum of the linear autoencoder's loss, the decoder's M columns are (a) the top-M eigenvectors (b) orthonormal but rotated (c) a basis of the top-M eigenspace, not necessarily orthonormal
            "2.Qe": "",
        ]
    }
}
