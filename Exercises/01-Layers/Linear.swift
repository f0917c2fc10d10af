import Course
import RepLearn

// Exercise 1.1 — the linear layer y = x Wᵀ + b.          Lecture: Lectures/01-layers.md, "The linear layer"
extension StudentLayers {
    /// x: [n, d], W: [k, d], b: [k] → y: [n, k] with y = x Wᵀ + b.
    /// Useful: `Tensor.matmul(a, b, transposeA: Bool = false, transposeB: Bool = false)` (op(a): [n, m],
    /// op(b): [m, k] → op(a)·op(b): [n, k], op = transpose when asked), `y.addingRowVector(b)`
    /// (y: [n, k], b: [k] → b added to every row, [n, k]).
    public func linearForward(_ x: Tensor, weight: Tensor, bias: Tensor) throws -> Tensor {
        throw NotImplemented("1.1")
    }

    /// x: [n, d], W: [k, d], G = ∂L/∂y: [n, k] →
    /// ∂L/∂x: [n, d], ∂L/∂W: [k, d], ∂L/∂b: [k].
    /// Useful: `Tensor.matmul` (above), `g.columnSums()` (g: [n, k] → [k], the sum of each column).
    public func linearBackward(_ x: Tensor, weight: Tensor, outputGradient: Tensor) throws -> LinearGradients {
        throw NotImplemented("1.1")
    }
}
