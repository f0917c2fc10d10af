import Course
import Foundation
import RepLearn

// Exercise 1.4 — softmax, inverse temperature β.  Lecture: Lectures/01-layers.md, "Softmax with inverse temperature"
// The lecture's sign: y_i = e^{-β x_i} / Σ_k e^{-β x_k} (the smallest x_i gets the largest y_i).
// β *multiplies*, so it is an inverse temperature: β = 1/T for the usual e^{s_i/T} with s = −x.
extension StudentLayers {
    /// x: [n, d], β ≥ 0 → y: [n, d], each row non-negative and summing to 1.
    /// Must stay finite for inputs like ±1000.
    /// Useful: `x.row(i)` ([Float] of d), `Tensor(shape: [n, d], data: [Float])` (row-major).
    public func softmaxForward(_ x: Tensor, beta: Float) throws -> Tensor {
        throw NotImplemented("1.4")
    }

    /// x, y = softmaxForward(x), g = ∂L/∂y: all [n, d] → ∂L/∂x: [n, d].
    /// Useful: `y * g` (elementwise, [n, d]), `t.rowSums()` (t: [n, d] → [Float] of n row sums),
    /// `t.scalingRows(by: v)` (row i times v[i], [n, d]), `t * s` (t: [n, d] times a Float s).
    public func softmaxBackward(_ x: Tensor, output: Tensor, beta: Float, outputGradient: Tensor) throws -> Tensor {
        throw NotImplemented("1.4")
    }
}
