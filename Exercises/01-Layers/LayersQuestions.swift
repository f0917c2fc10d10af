import Course

// Questions on lecture 1 — graded like exercises (`swift test`, `swift run replearn grade`).
// Read the notes (and run the experiment: the figures help), then replace each "" with your answer:
// a number ("0.25", "1e-3", "3/4") or the letter / word the question asks for ("b", "no").
// An empty answer is "not started". `swift run replearn hint 1.Q` points at the sections.
extension StudentQuestions {
    public func lecture1Answers() -> [String: String] {
        [
            // 1.Qa  Softmax with the lecture's sign, x = (0, 1, 2) and β = ln 2: the probability of the first entry (x₁ = 0)?
            "1.Qa": "",
            // 1.Qb  The same probabilities written with a true temperature T on scores s = −x, softmax(s/T): which T?
            "1.Qb": "",
            // 1.Qc  A linear layer y = xWᵀ on a batch costs one matrix product in the forward pass. How many products of the same size does its backward pass need (for ∂L/∂x and ∂L/∂W)?
            "1.Qc": "",
            // 1.Qd  Which map can make two classes linearly separable that were not before? (a) a linear layer with an invertible W (b) L2 normalisation (c) neither: no fixed map can
            "1.Qd": "",
            // 1.Qe  For L2 normalisation, what is ⟨∂L/∂x, x⟩ in every row? (a) ‖x‖ (b) 0 (c) ⟨g, y⟩
            "1.Qe": "",
        ]
    }
}
