import Course
import Foundation

/// Lecture 9's graded questions: expected values from closed forms computed here.
enum TransferQuestions {
    static let all: [Check<QuestionCheck.Impl>] = [
        QuestionCheck.numeric("9.Qa", "PyTorch's default bound 1/√fan_in for a 3×3 convolution with 16 input channels?",
                              expected: { 1 / (16.0 * 9).squareRoot() },
                              tolerance: 0.0005, why: "four decimals", see: "Section “Partial transfer”: fan_in of a convolution."),
        QuestionCheck.numeric("9.Qb", "A frozen parameter carries velocity v = 0.5 into a step with momentum 0.9 and learning rate 0.1: how far does it move?",
                              expected: { 0 },
                              tolerance: 0, why: "frozen: exactly nothing moves", see: "Section “Fine-tuning, frozen layers”: what frozen means."),
        QuestionCheck.numeric("9.Qc", "The RDM entry of two stimuli whose responses are perfectly anticorrelated?",
                              expected: { 1 - (-1.0) },
                              tolerance: 0, why: "exact", see: "Section “Comparing representations”: 1 − Pearson."),
        QuestionCheck.choice("9.Qd", "CKA(X, 3·XQ + an offset) for an orthogonal Q is (a) 1 (b) 3 (c) it depends on Q", options: ["a", "b", "c"], answer: "a",
                             see: "Section “Comparing representations”: CKA's invariances."),
        QuestionCheck.numeric("9.Qe", "In out/transfer/layers.svg, which layer of the MNIST-trained net gives the best Fashion-MNIST probe? (0 conv1, 1 conv2, 2 fc1, 3 logits)",
                              expected: { 1 },
                              tolerance: 0, why: "a layer index", see: "out/transfer/layers.svg and the section “Which layer transfers?”."),
    ]
}
