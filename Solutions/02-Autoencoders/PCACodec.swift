import Course
import RepLearn

// Exercise 2.3 — PCA as an autoencoder.
extension ReferenceAutoencoders {
    /// z = (x − μ) Wᵀ.
    public func pcaEncode(_ x: Tensor, _ pca: PrincipalComponents) throws -> Tensor {
        try Tensor.matmul(x.addingRowVector(-pca.mean), pca.components, transposeB: true)
    }

    /// x̂ = z W + μ.
    public func pcaDecode(_ z: Tensor, _ pca: PrincipalComponents) throws -> Tensor {
        try Tensor.matmul(z, pca.components).addingRowVector(pca.mean)
    }
}
