import Course
import RepLearn

// Exercise 1.2 — ReLU y = max(x, 0).                      Lecture: Lectures/01-layers.md, "ReLU"
extension StudentLayers {
    /// x: [n, d] → [n, d].   Useful: `x.map { … }`.
    public func reluForward(_ x: Tensor) throws -> Tensor {
        throw NotImplemented("1.2")
    }

    /// x: [n, d], ∂L/∂y: [n, d] → ∂L/∂x: [n, d]. Take the derivative at exactly 0 to be 0.
    public func reluBackward(_ x: Tensor, outputGradient: Tensor) throws -> Tensor {
        throw NotImplemented("1.2")
    }
}
