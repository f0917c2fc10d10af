import Course
import RepLearn

// Exercise 2.1 — centring and covariance.        Lecture: Lectures/02-autoencoders-pca.md, "PCA as autoencoding"
extension StudentAutoencoders {
    /// x: [n, d] → (x − μ: [n, d], μ: [d]) with μ the column means.   Useful: `x.columnSums()` ([n, d] → [d]),
    /// `x.addingRowVector(v)` ([n, d] + v: [d] added to every row → [n, d]).
    public func center(_ x: Tensor) throws -> (centered: Tensor, mean: Tensor) {
        throw NotImplemented("2.1")
    }

    /// x: [n, d] → C = (1/n)(x − μ)ᵀ(x − μ): [d, d]. Divide by n (not n − 1).
    public func covariance(_ x: Tensor) throws -> Tensor {
        throw NotImplemented("2.1")
    }
}
