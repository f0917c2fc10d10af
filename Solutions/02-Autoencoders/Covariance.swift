import Course
import RepLearn

// Exercise 2.1 — centring and covariance.
extension ReferenceAutoencoders {
    public func center(_ x: Tensor) throws -> (centered: Tensor, mean: Tensor) {
        try x.expectShape([-1, -1], "center", name: "x")
        guard x.rows > 0 else { throw InputError("center: x has no rows") }
        let mu = try x.sumRows() * (1 / Float(x.rows))
        return (try x.addingRowVector(-mu), mu)
    }

    /// C = (1/n) X_cᵀ X_c.
    public func covariance(_ x: Tensor) throws -> Tensor {
        let xc = try center(x).centered
        return try Tensor.matmul(xc, xc, transposeA: true) * (1 / Float(x.rows))
    }
}
