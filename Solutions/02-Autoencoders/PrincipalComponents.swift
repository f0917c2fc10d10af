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

    /// λᵢ / trace(C) for the k leading components; trace(C) = Σ of all eigenvalues, so one
    /// eigendecomposition serves both.
    public func explainedVarianceRatio(_ x: Tensor, k: Int) throws -> [Float] {
        guard k >= 1 && k <= x.cols else { throw InputError("explainedVarianceRatio: k = \(k) outside 1…\(x.cols)") }
        let eig = try SymmetricEigen(Self.covariance(ofCentered: center(x).centered))
        let trace = eig.values.reduce(0, +)
        return eig.values.prefix(k).map { $0 / trace }
    }
}
