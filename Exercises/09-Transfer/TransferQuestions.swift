import Course

// Questions on lecture 9 — graded like exercises (`swift test`, `swift run replearn grade`).
// Read the notes (and run the experiment: the figures help), then replace each "" with your answer:
// a number ("0.25", "1e-3", "3/4") or the letter / word the question asks for ("b", "no").
// An empty answer is "not started". `swift run replearn hint 9.Q` points at the sections.
extension StudentQuestions {
    public func lecture9Answers() -> [String: String] {
        [
            // 9.Qa  PyTorch's default bound 1/√fan_in for a 3×3 convolution with 16 input channels?
            "9.Qa": "",
            // 9.Qb  A frozen parameter carries velocity v = 0.5 into a step with momentum 0.9 and learning rate 0.1: how far does it move?
            "9.Qb": "",
            // 9.Qc  The RDM entry of two stimuli whose responses are perfectly anticorrelated?
            "9.Qc": "",
            // 9.Qd  CKA(X, 3·XQ + an offset) for an orthogonal Q is (a) 1 (b) 3 (c) it depends on Q
            "9.Qd": "",
            // 9.Qe  In out/transfer/layers.svg, which layer of the MNIST-trained net gives the best Fashion-MNIST probe? (0 conv1, 1 conv2, 2 fc1, 3 logits)
            "9.Qe": "",
        ]
    }
}
