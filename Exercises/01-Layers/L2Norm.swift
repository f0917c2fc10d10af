import Course
import RepLearn

// Exercise 1.3 — L2 normalisation y = x / ‖x‖₂ per row.   Lecture: Lectures/01-layers.md, "L2 normalisation"
extension StudentLayers {
    /// x: [n, d] → y: [n, d], every row of unit length (leave a zero row at zero).
    /// Useful: `x.rowNorms()` (x: [n, d] → [Float] of n norms ‖xᵢ‖), `x.scalingRows(by: v)`
    /// (x: [n, d], v: [Float] of n → row i times v[i], [n, d]).
    public func l2NormalizeForward(_ x: Tensor) throws -> Tensor {
        throw NotImplemented("1.3")
    }

    /// x, y = l2NormalizeForward(x), g = ∂L/∂y: all [n, d] → ∂L/∂x: [n, d].
    /// A zero row of x (‖x‖ = 0, where x/‖x‖ has no derivative) gets a zero gradient row.
    /// Useful: `y * g` (elementwise, [n, d]), `t.rowSums()` (t: [n, d] → [Float] of n row sums),
    /// `scalingRows(by:)`, `rowNorms()` (above), `a - b` (elementwise, [n, d]).
    public func l2NormalizeBackward(_ x: Tensor, output: Tensor, outputGradient: Tensor) throws -> Tensor {
        throw NotImplemented("1.3")
    }
}
