import Course
import RepLearn

// Exercise 1.3 — L2 normalisation y = x / ‖x‖₂ per row.
extension ReferenceLayers {
    public func l2NormalizeForward(_ x: Tensor) throws -> Tensor {
        try x.expectShape([-1, -1], "l2NormalizeForward", name: "x")
        return try x.scalingRows(by: x.rowNorms().map { $0 > 0 ? 1 / $0 : 0 })
    }

    /// ∂L/∂x = (g − y (yᵀg)) / ‖x‖: the Jacobian (I − y yᵀ)/‖x‖ is a projection onto the
    /// plane orthogonal to y, scaled by 1/‖x‖. A zero row has no derivative; it gets a zero
    /// gradient (its 1/‖x‖ is taken as 0, as in the forward pass).
    public func l2NormalizeBackward(_ x: Tensor, output y: Tensor, outputGradient g: Tensor) throws -> Tensor {
        try y.expectShape(x.shape, "l2NormalizeBackward", name: "output")
        try g.expectShape(x.shape, "l2NormalizeBackward", name: "outputGradient")
        let radial = try (y * g).rowSums()                           // yᵀg per row, [n]
        let projected = try g - y.scalingRows(by: radial)          // g − y (yᵀg)
        return try projected.scalingRows(by: x.rowNorms().map { $0 > 0 ? 1 / $0 : 0 })
    }
}
