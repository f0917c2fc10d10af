import Course
import RepLearn

// Exercise 1.2 — ReLU, y = max(x, 0).
extension ReferenceLayers {
    public func reluForward(_ x: Tensor) throws -> Tensor { x.map { max($0, 0) } }

    /// ∂L/∂x = ∂L/∂y ⊙ 1[x > 0].
    public func reluBackward(_ x: Tensor, outputGradient g: Tensor) throws -> Tensor {
        try g * x.map { $0 > 0 ? 1 : 0 }
    }
}
