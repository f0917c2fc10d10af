import Course
import RepLearn

// Exercise 2.2 — principal components.           Lecture: Lectures/02-autoencoders-pca.md, "PCA as autoencoding"
extension StudentAutoencoders {
    /// x: [n, d], 1 ≤ k ≤ d → mean [d], the k leading eigenvectors of the covariance as rows [k, d]
    /// (largest eigenvalue first) and their eigenvalues [k].   Useful: `SymmetricEigen(c)`
    /// (c: [d, d] symmetric → `.values`: [Float] of d, descending; `.vectors`: [d, d], one
    /// eigenvector per row, same order), `t.gatherRows(indices)` ([n, d] → [indices.count, d]).
    public func principalComponents(_ x: Tensor, k: Int) throws -> PrincipalComponents {
        throw NotImplemented("2.2")
    }

    /// → λᵢ / trace(C) for the k leading components, [k].
    public func explainedVarianceRatio(_ x: Tensor, k: Int) throws -> [Float] {
        throw NotImplemented("2.2")
    }
}
