import Foundation

/// Elementwise arithmetic on Variables, with NumPy broadcasting. Each backward sums the
/// output gradient back to its input's shape (an input broadcast over an axis was used once
/// per position along it).
extension Variable {
    public static func + (a: Variable, b: Variable) throws -> Variable {
        let out = try Tensor.broadcasting(a.value, b.value, "add", +)
        return record("add", out, [a, b]) { g in [try g.summed(to: a.shape), try g.summed(to: b.shape)] }
    }

    public static func - (a: Variable, b: Variable) throws -> Variable {
        let out = try Tensor.broadcasting(a.value, b.value, "subtract", -)
        return record("subtract", out, [a, b]) { g in [try g.summed(to: a.shape), try (-g).summed(to: b.shape)] }
    }

    /// ∂(ab)/∂a = b, ∂(ab)/∂b = a.
    public static func * (a: Variable, b: Variable) throws -> Variable {
        let out = try Tensor.broadcasting(a.value, b.value, "multiply", *)
        return record("multiply", out, [a, b]) { g in
            [try Tensor.broadcasting(g, b.value, "multiply", *).summed(to: a.shape),
             try Tensor.broadcasting(g, a.value, "multiply", *).summed(to: b.shape)]
        }
    }

    /// ∂(a/b)/∂a = 1/b, ∂(a/b)/∂b = −a/b² = −(a/b)/b.
    public static func / (a: Variable, b: Variable) throws -> Variable {
        let out = try Tensor.broadcasting(a.value, b.value, "divide", /)
        return record("divide", out, [a, b]) { g in
            let gOverB = try Tensor.broadcasting(g, b.value, "divide", /)
            return [try gOverB.summed(to: a.shape), try (-(try gOverB * out)).summed(to: b.shape)]
        }
    }

    public static func * (a: Variable, s: Float) -> Variable {
        record("scale", a.value * s, [a]) { g in [g * s] }
    }
    public static func * (s: Float, a: Variable) -> Variable { a * s }
    public static func + (a: Variable, s: Float) -> Variable {
        record("add scalar", a.value + s, [a]) { g in [g] }
    }
    public static func - (a: Variable, s: Float) -> Variable { a + (-s) }
    public static prefix func - (a: Variable) -> Variable { a * -1 }

    /// Applies y = f(x) elementwise; backward multiplies by f′, given as a function of (x, y).
    func unary(_ op: String, _ f: (Float) -> Float, derivative: @escaping (Float, Float) -> Float) -> Variable {
        let x = value, y = value.map(f)
        return Variable.record(op, y, [self]) { g in
            var gx = try Tensor(shape: g.shape, data: .uninitialized(g.count))
            gx.data.withUnsafeMutableBufferPointer { o in
                g.data.withUnsafeBufferPointer { gs in
                    x.data.withUnsafeBufferPointer { xs in
                        y.data.withUnsafeBufferPointer { ys in
                            for i in 0..<o.count { o[i] = gs[i] * derivative(xs[i], ys[i]) }
                        }
                    }
                }
            }
            return [gx]
        }
    }

    /// eˣ (derivative eˣ = y).
    public func exp() -> Variable { unary("exp", { Foundation.exp($0) }, derivative: { _, y in y }) }
    /// ln x (derivative 1/x).
    public func log() -> Variable { unary("log", { Foundation.log($0) }, derivative: { x, _ in 1 / x }) }
    /// √x (derivative 1/(2√x)).
    public func sqrt() -> Variable { unary("sqrt", { $0.squareRoot() }, derivative: { _, y in 0.5 / y }) }
    /// x² (derivative 2x).
    public func squared() -> Variable { unary("square", { $0 * $0 }, derivative: { x, _ in 2 * x }) }
    /// xᵖ for a constant p (derivative p·xᵖ⁻¹).
    public func pow(_ p: Float) -> Variable {
        unary("pow", { Foundation.pow($0, p) }, derivative: { x, _ in p * Foundation.pow(x, p - 1) })
    }
}
