import Course
import RepLearn

// Exercise 2.2 — the top-k principal components.
extension ReferenceAutoencoders {
    public func principalComponents(_ x: Tensor, k: Int) throws -> PrincipalComponents {
        guard k >= 1 && k <= x.cols else { throw InputError("principalComponents: k = \(k) outside 1…\(x.cols)") }
        let (xc, mean) = try center(x)
        let eig = try SymmetricEigen(Self.covariance(ofCentered: xc))      // descending
        return PrincipalComponents(mean: mean,
                                   components: try eig.vectors.gatherRows(Array(0..<k)),
                                   eigenvalues: Array(eig.values.prefix(k)))
    }

    /// λᵢ / trace(C) for the k leading components.
    public func explainedVarianceRatio(_ x: Tensor, k: Int) throws -> [Float] {
        let c = try covariance(x)
        let trace = (0..<c.rows).reduce(Float(0)) { $0 + c[$1, $1] }
        return try principalComponents(x, k: k).eigenvalues.map { $0 / trace }
    }
}
