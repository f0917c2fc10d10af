/// Centred finite differences in Double, the independent witness for every backward pass.
///
/// ∂f/∂θᵢ ≈ (f(θ + h eᵢ) − f(θ − h eᵢ)) / 2h. The truncation error is O(h²·f‴) and the rounding
/// error O(ε·|f|/h) with ε = 2⁻⁵² ≈ 2.2e-16; h = 1e-5 balances them near 1e-10 for the smooth,
/// O(1) functions the course differentiates.
public enum GradientCheck {
    /// Step of the centred difference.
    public static let defaultStep = 1e-5

    /// Relative error a Float32 analytic gradient may show against a Double numerical one.
    ///
    /// Float32 keeps 24 bits (ε ≈ 6e-8); the course's backward passes sum at most a few hundred
    /// products, so a correct analytic gradient lies within ~1e-5 of the truth, and the Double
    /// numerical gradient within ~1e-9. 1e-3 leaves a 100× margin, while a missing factor
    /// (τ, 2, 1/n), a sign error or a missing term gives an error of order 1e-1 or more.
    public static let float32Threshold = 1e-3

    /// The numerical gradient of `f` at `theta`.
    public static func numericalGradient(at theta: [Double], step h: Double = defaultStep,
                                         _ f: ([Double]) throws -> Double) rethrows -> [Double] {
        var x = theta
        var grad = [Double](repeating: 0, count: theta.count)
        for i in 0..<theta.count {
            let saved = x[i]
            x[i] = saved + h
            let up = try f(x)
            x[i] = saved - h
            let down = try f(x)
            x[i] = saved
            grad[i] = (up - down) / (2 * h)
        }
        return grad
    }

    /// The worst entry's relative error, CS231n style with a floor:
    ///     maxᵢ |aᵢ − bᵢ| / max(|aᵢ|, |bᵢ|, floor·maxⱼ|bⱼ|, 1e-12), and that entry's index.
    /// Unlike a norm-wise error, a wrong entry cannot hide behind large ones: with floor = 1e-2 an
    /// entry 10⁻⁴ times the largest that is 100% wrong still scores 1e-2, while Float32 noise
    /// (≲ 1e-6 of the largest entry) scores ≤ 1e-4. NaN anywhere scores ∞.
    public static func entrywiseRelativeError(_ a: [Double], _ b: [Double], floor: Double = 1e-2) -> (error: Double, index: Int) {
        precondition(a.count == b.count, "entrywiseRelativeError: \(a.count) vs \(b.count) entries")
        let scale = max((b.map(Swift.abs).max() ?? 0) * floor, 1e-12)
        var worst = (error: 0.0, index: 0)
        for i in 0..<a.count {
            var e = Swift.abs(a[i] - b[i]) / max(Swift.abs(a[i]), Swift.abs(b[i]), scale)
            if e.isNaN { e = .infinity }
            if e > worst.error { worst = (e, i) }
        }
        return worst
    }

    /// ‖a − b‖₂ / max(‖a‖₂, ‖b‖₂, 1e-12): 0 for equal vectors, 1 or more for unrelated ones.
    public static func relativeError(_ a: [Double], _ b: [Double]) -> Double {
        precondition(a.count == b.count, "relativeError: \(a.count) vs \(b.count) entries")
        var diff = 0.0, na = 0.0, nb = 0.0
        for i in 0..<a.count {
            diff += (a[i] - b[i]) * (a[i] - b[i])
            na += a[i] * a[i]
            nb += b[i] * b[i]
        }
        return diff.squareRoot() / max(na.squareRoot(), nb.squareRoot(), 1e-12)
    }
}
