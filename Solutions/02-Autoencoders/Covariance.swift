import Course
import RepLearn

// Exercise 2.1 — centring and covariance.
extension ReferenceAutoencoders {
    public func center(_ x: Tensor) throws -> (centered: Tensor, mean: Tensor) {
        try x.expectShape([-1, -1], "center", name: "x")
        guard x.rows > 0 else { throw InputError("center: x has no rows") }
        let mu = try x.columnSums() * (1 / Float(x.rows))
        return (try x.addingRowVector(-mu), mu)
    }

    /// C = (1/n) X_cᵀ X_c (a symmetric rank-n update: `Tensor.gram`).
    public func covariance(_ x: Tensor) throws -> Tensor {
        try Self.covariance(ofCentered: center(x).centered)
    }

    static func covariance(ofCentered xc: Tensor) throws -> Tensor {
        try Tensor.gram(xc) * (1 / Float(xc.rows))
    }
}
