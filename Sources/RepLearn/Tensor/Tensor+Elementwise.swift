import Foundation

/// Elementwise arithmetic. Binary operators need equal shapes (no implicit broadcasting:
/// use ``Tensor/addingRowVector(_:)`` to add a bias `[k]` to every row of `[n, k]`).
extension Tensor {
    @inline(__always)
    private static func zipped(_ a: Tensor, _ b: Tensor, _ op: String, _ f: (Float, Float) -> Float) throws -> Tensor {
        guard a.shape == b.shape else {
            throw ShapeError(op: op, message: "shapes \(a.shape) and \(b.shape) differ")
        }
        var out = a
        out.data.withUnsafeMutableBufferPointer { o in
            b.data.withUnsafeBufferPointer { bb in
                for i in 0..<o.count { o[i] = f(o[i], bb[i]) }
            }
        }
        return out
    }

    public static func + (a: Tensor, b: Tensor) throws -> Tensor { try zipped(a, b, "add") { $0 + $1 } }
    public static func - (a: Tensor, b: Tensor) throws -> Tensor { try zipped(a, b, "subtract") { $0 - $1 } }
    /// Hadamard (elementwise) product.
    public static func * (a: Tensor, b: Tensor) throws -> Tensor { try zipped(a, b, "multiply") { $0 * $1 } }
    public static func / (a: Tensor, b: Tensor) throws -> Tensor { try zipped(a, b, "divide") { $0 / $1 } }

    public static func * (a: Tensor, s: Float) -> Tensor { a.map { $0 * s } }
    public static func * (s: Float, a: Tensor) -> Tensor { a.map { $0 * s } }
    public static func + (a: Tensor, s: Float) -> Tensor { a.map { $0 + s } }
    public static prefix func - (a: Tensor) -> Tensor { a.map { -$0 } }

    /// Applies `f` to every element.
    public func map(_ f: (Float) -> Float) -> Tensor {
        var out = Tensor(shape: shape, uninitialized: count)
        out.data.withUnsafeMutableBufferPointer { o in
            data.withUnsafeBufferPointer { x in for i in 0..<o.count { o[i] = f(x[i]) } }
        }
        return out
    }

    /// `self + α·other`, in place (BLAS saxpy).
    public mutating func addScaled(_ other: Tensor, _ alpha: Float) throws {
        guard other.shape == shape else {
            throw ShapeError(op: "addScaled", message: "shapes \(shape) and \(other.shape) differ")
        }
        data.withUnsafeMutableBufferPointer { y in
            other.data.withUnsafeBufferPointer { x in
                for i in 0..<y.count { y[i] += alpha * x[i] }
            }
        }
    }

    /// x: [n, k], v: [k] → x + v added to every row, [n, k].
    public func addingRowVector(_ v: Tensor) throws -> Tensor {
        try expectShape([-1, -1], "addingRowVector")
        let k = shape[1]
        guard v.count == k && v.rank <= 2 && (v.rank == 1 || v.rows == 1) else {
            throw ShapeError(op: "addingRowVector", message: "cannot add \(v.shape) to every row of \(shape)")
        }
        var out = self
        out.data.withUnsafeMutableBufferPointer { o in
            v.data.withUnsafeBufferPointer { b in
                for i in 0..<shape[0] { for j in 0..<k { o[i * k + j] += b[j] } }
            }
        }
        return out
    }

    /// x: [n, k], v: [n] → row i scaled by v[i], [n, k].
    public func scalingRows(by v: [Float]) throws -> Tensor {
        try expectShape([-1, -1], "scalingRows")
        guard v.count == shape[0] else {
            throw ShapeError(op: "scalingRows", message: "\(v.count) scales for \(shape[0]) rows of \(shape)")
        }
        var out = self
        let k = shape[1]
        out.data.withUnsafeMutableBufferPointer { o in
            for i in 0..<shape[0] { for j in 0..<k { o[i * k + j] *= v[i] } }
        }
        return out
    }
}
