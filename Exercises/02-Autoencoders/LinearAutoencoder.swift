import Course
import RepLearn

// Exercises 2.4 and 2.5 — a linear autoencoder x̂ = D E x.
// Lecture: Lectures/02-autoencoders-pca.md, "A linear autoencoder finds the PCA subspace"
extension StudentAutoencoders {
    /// 2.4 — x: [n, d], E: [k, d], D: [d, k] → L = (1/n) Σᵢ ‖xᵢ − D E xᵢ‖², ∂L/∂E: [k, d], ∂L/∂D: [d, k].
    public func linearAutoencoderLoss(_ x: Tensor, encoder: Tensor, decoder: Tensor) throws -> AutoencoderGradients {
        throw NotImplemented("2.4")
    }

    /// 2.5 — one step of gradient descent with step size η: (E − η ∂L/∂E, D − η ∂L/∂D).
    public func linearAutoencoderStep(_ x: Tensor, encoder: Tensor, decoder: Tensor, learningRate: Float) throws -> (encoder: Tensor, decoder: Tensor) {
        throw NotImplemented("2.5")
    }
}
