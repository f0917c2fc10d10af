import Course
import RepLearn

// Exercise 1.1 — the linear layer y = x Wᵀ + b.
extension ReferenceLayers {
    /// x: [n, d], W: [k, d], b: [k] → [n, k].
    public func linearForward(_ x: Tensor, weight: Tensor, bias: Tensor) throws -> Tensor {
        try x.expectShape([-1, -1], "linearForward", name: "x")
        try weight.expectShape([-1, x.shape[1]], "linearForward", name: "weight (W: [k, d])")
        try bias.expectShape([weight.shape[0]], "linearForward", name: "bias")
        return try Tensor.matmul(x, weight, transposeB: true).addingRowVector(bias)
    }

    /// ∂L/∂x = G W: [n, d];  ∂L/∂W = Gᵀ x: [k, d];  ∂L/∂b = Σ_rows G: [k]   (G = ∂L/∂y: [n, k]).
    public func linearBackward(_ x: Tensor, weight: Tensor, outputGradient g: Tensor) throws -> LinearGradients {
        try g.expectShape([x.shape[0], weight.shape[0]], "linearBackward", name: "outputGradient")
        return LinearGradients(input: try Tensor.matmul(g, weight),
                               weight: try Tensor.matmul(g, x, transposeA: true),
                               bias: try g.columnSums())
    }
}
