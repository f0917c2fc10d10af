/// Sums and means over axes. Backward of a sum copies the output gradient to every position
/// that was summed (∂(Σᵢ xᵢ)/∂xⱼ = 1); a mean also divides by the count.
extension Tensor {
    /// Sums out one axis: [..., n, ...] → [..., 1, ...] (keeps the axis with extent 1).
    func summed(axis: Int) -> Tensor {
        let n = shape[axis]
        let outer = shape[..<axis].reduce(1, *), inner = shape[(axis + 1)...].reduce(1, *)
        var outShape = shape; outShape[axis] = 1
        var out = Tensor.zeros(outShape)
        out.data.withUnsafeMutableBufferPointer { o in
            data.withUnsafeBufferPointer { x in
                for a in 0..<outer {
                    let dst = o.baseAddress! + a * inner
                    for k in 0..<n {
                        let src = x.baseAddress! + (a * n + k) * inner
                        for i in 0..<inner { dst[i] += src[i] }
                    }
                }
            }
        }
        return out
    }

    /// Copies this tensor along every axis where it has extent 1 (or lacks a leading axis) to
    /// fill `target`: the inverse of ``summed(to:)`` in shape.
    func expanded(to target: [Int]) throws -> Tensor {
        if shape == target { return self }
        guard (try? Broadcast.shape(shape, target, op: "expand")) == target else {
            throw ShapeError(op: "expand", message: "cannot expand \(shape) to \(target)")
        }
        var out = Tensor.zeros(target)
        let sx = Broadcast.strides(of: shape, in: target), so = Broadcast.strides(of: target, in: target)
        out.data.withUnsafeMutableBufferPointer { o in
            data.withUnsafeBufferPointer { x in
                Broadcast.forEach(target, so, sx) { os, _, ix, n, _, dx in
                    for j in 0..<n { o[os + j] = x[ix + j * dx] }
                }
            }
        }
        return out
    }
}

extension Variable {
    /// Normalises negative axes (−1 is the last) and checks them; throws naming `op`.
    func axes(_ axes: [Int], _ op: String) throws -> [Int] {
        try axes.map { a in
            let r = a < 0 ? a + shape.count : a
            guard r >= 0 && r < shape.count else {
                throw ShapeError(op: op, message: "axis \(a) is outside a tensor of shape \(shape)")
            }
            return r
        }
    }

    /// Σ over `axes` (all axes when empty). keepDims keeps them with extent 1.
    /// x: [a, b, c], axes [1] → [a, c] (or [a, 1, c]).
    public func sum(axes: [Int] = [], keepDims: Bool = false) throws -> Variable {
        let ax = axes.isEmpty ? Array(0..<shape.count) : try self.axes(axes, "sum")
        var s = value
        for a in Set(ax).sorted() { s = s.summed(axis: a) }
        let kept = s.shape
        let outShape = keepDims ? kept : shape.enumerated().filter { !ax.contains($0.offset) }.map(\.element)
        let out = try s.reshaped(outShape)
        let inShape = shape
        return Variable.record("sum", out, [self]) { g in [try g.reshaped(kept).expanded(to: inShape)] }
    }

    /// Mean over `axes` (all axes when empty).
    public func mean(axes: [Int] = [], keepDims: Bool = false) throws -> Variable {
        let ax = axes.isEmpty ? Array(0..<shape.count) : try self.axes(axes, "mean")
        let n = Set(ax).reduce(1) { $0 * shape[$1] }
        return try sum(axes: ax, keepDims: keepDims) * (1 / Float(max(n, 1)))
    }
}
