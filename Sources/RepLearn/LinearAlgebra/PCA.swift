/// Principal component analysis by eigendecomposition of the covariance (library version,
/// used by experiments to draw high-dimensional representations in 2-D; lecture 2's exercises
/// build it step by step).
public struct PCA {
    /// Column means, [d].
    public let mean: Tensor
    /// Top-k principal directions as orthonormal rows, [k, d].
    public let components: Tensor
    /// Variance along each component, [k], descending.
    public let variances: [Float]

    /// x: [n, d] → the top `k` components.
    public init(_ x: Tensor, components k: Int) throws {
        try x.expectShape([-1, -1], "PCA", name: "x")
        let (n, d) = (x.rows, x.cols)
        guard n > 1, k >= 1, k <= d else { throw InputError("PCA: need n > 1 and 1 ≤ k ≤ d, got n = \(n), d = \(d), k = \(k)") }
        let mu = try x.columnSums() * (1 / Float(n))
        let xc = try x.addingRowVector(-mu)
        let cov = try Tensor.matmul(xc, xc, transposeA: true) * (1 / Float(n - 1))
        let eig = try SymmetricEigen(cov)
        mean = mu
        components = try eig.vectors.gatherRows(Array(0..<k))
        variances = Array(eig.values.prefix(k))
    }

    /// x: [m, d] → codes (x − μ) Wᵀ, [m, k].
    public func project(_ x: Tensor) throws -> Tensor {
        try Tensor.matmul(x.addingRowVector(-mean), components, transposeB: true)
    }
}
