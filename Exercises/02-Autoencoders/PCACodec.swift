import Course
import RepLearn

// Exercise 2.3 — PCA as an autoencoder.          Lecture: Lectures/02-autoencoders-pca.md, "PCA as autoencoding"
extension StudentAutoencoders {
    /// x: [n, d] → z = (x − μ) Wᵀ: [n, k].
    public func pcaEncode(_ x: Tensor, _ pca: PrincipalComponents) throws -> Tensor {
        throw NotImplemented("2.3")
    }

    /// z: [n, k] → x̂ = z W + μ: [n, d].
    public func pcaDecode(_ z: Tensor, _ pca: PrincipalComponents) throws -> Tensor {
        throw NotImplemented("2.3")
    }
}
