import Course
import Foundation

/// Lecture 1's graded questions: expected values from closed forms computed here.
enum LayersQuestions {
    static let all: [Check<QuestionCheck.Impl>] = [
        QuestionCheck.numeric("1.Qa", "Softmax with the lecture's sign, x = (0, 1, 2) and β = ln 2: the probability of the first entry (x₁ = 0)?",
                              expected: { let p = [0.0, 1, 2].map { exp(-log(2.0) * $0) }; return p[0] / p.reduce(0, +) },
                              tolerance: 0.005, why: "two decimals are enough; the closed form is exact", see: "Section “Softmax with inverse temperature”: y_i = e^{−βx_i} / Σ_k e^{−βx_k}."),
        QuestionCheck.numeric("1.Qb", "The same probabilities written with a true temperature T on scores s = −x, softmax(s/T): which T?",
                              expected: { 1 / log(2.0) },
                              tolerance: 0.01, why: "β = 1/T", see: "The mapping is given once in “Softmax with inverse temperature”."),
        QuestionCheck.numeric("1.Qc", "A linear layer y = xWᵀ on a batch costs one matrix product in the forward pass. How many products of the same size does its backward pass need (for ∂L/∂x and ∂L/∂W)?",
                              expected: { 2 },
                              tolerance: 0, why: "a count", see: "Section “Backpropagation”: what a gradient costs."),
        QuestionCheck.choice("1.Qd", "Which map can make two classes linearly separable that were not before? (a) a linear layer with an invertible W (b) L2 normalisation (c) neither: no fixed map can", options: ["a", "b", "c"], answer: "b",
                             see: "Sections “The linear layer” and “L2 normalisation”, and out/layers/mappings.png."),
        QuestionCheck.choice("1.Qe", "For L2 normalisation, what is ⟨∂L/∂x, x⟩ in every row? (a) ‖x‖ (b) 0 (c) ⟨g, y⟩", options: ["a", "b", "c"], answer: "b",
                             see: "Section “L2 normalisation”: scaling x does not change y."),
    ]
}
