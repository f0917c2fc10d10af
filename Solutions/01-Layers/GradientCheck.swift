import Course
import RepLearn

// Exercise 1.6 — a gradient check of your own: centred differences, and the worst entry's relative error.
extension ReferenceLayers {
    /// ∂f/∂xᵢ ≈ (f(x + h eᵢ) − f(x − h eᵢ)) / 2h: error O(h²) (a one-sided difference is O(h)).
    public func numericalGradient(_ x: Tensor, step h: Float, _ f: (Tensor) throws -> Tensor) throws -> Tensor {
        func value(_ t: Tensor) throws -> Float {
            let y = try f(t)
            guard y.count == 1 else { throw ShapeError(op: "numericalGradient", message: "f must return one number, got \(y.shape)") }
            return y.data[0]
        }
        var g = Tensor.zeros(x.shape)
        var probe = x
        for i in 0..<x.count {
            probe.data[i] = x.data[i] + h
            let up = try value(probe)
            probe.data[i] = x.data[i] - h
            let down = try value(probe)
            probe.data[i] = x.data[i]
            g.data[i] = (up - down) / (2 * h)
        }
        return g
    }

    public func gradientError(_ a: Tensor, _ b: Tensor, floor: Float) throws -> Float {
        try b.expectShape(a.shape, "gradientError", name: "b")
        var worst: Float = 0
        for (p, q) in zip(a.data, b.data) { worst = max(worst, abs(p - q) / max(abs(p), abs(q), floor)) }
        return worst
    }
}
