import Course
import RepLearn

// Exercise 1.6 — a gradient check of your own.   Lecture: Lectures/01-layers.md, "Check your own gradients"
extension StudentLayers {
    /// x: any shape, h > 0, f: x ↦ a scalar (a tensor of one entry) → the centred differences
    /// (f(x + h eᵢ) − f(x − h eᵢ)) / 2h for every entry i, in a tensor shaped like x.
    /// Call f exactly 2·x.count times, entry by entry in storage order (`x.data`): first with
    /// x + h eᵢ, then with x − h eᵢ. Useful: `var y = x; y.data[i] += h`, `f(y).data[0]`.
    public func numericalGradient(_ x: Tensor, step h: Float, _ f: (Tensor) throws -> Tensor) throws -> Tensor {
        throw NotImplemented("1.6")
    }

    /// a, b: the same shape → the worst entry's relative error, maxᵢ |aᵢ − bᵢ| / max(|aᵢ|, |bᵢ|, floor).
    /// The floor (> 0) keeps an entry where both are ~0 from dividing by ~0.
    public func gradientError(_ a: Tensor, _ b: Tensor, floor: Float) throws -> Float {
        throw NotImplemented("1.6")
    }
}
