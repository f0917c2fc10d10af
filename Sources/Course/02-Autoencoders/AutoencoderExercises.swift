import RepLearn

/// Lecture 2 — Autoencoders, and why a linear autoencoder is PCA.
///
/// Conventions: data x: [n, d], one example per row. Covariance is the *population* one,
/// C = (1/n) X_cᵀ X_c with X_c the centred data, so that the mean squared reconstruction
/// error of top-k PCA, (1/n) Σᵢ ‖xᵢ − x̂ᵢ‖², equals the sum of the discarded eigenvalues of C.
/// Subspaces are given by their spanning *rows*: [k, d].
public protocol AutoencoderExercises {
    // 2.1 Centring and covariance.
    /// x: [n, d] → column means μ: [d] and the centred data x − μ: [n, d].
    func center(_ x: Tensor) throws -> (centered: Tensor, mean: Tensor)
    /// x: [n, d] → C = (1/n) (x − μ)ᵀ (x − μ): [d, d].
    func covariance(_ x: Tensor) throws -> Tensor

    // 2.2 Principal components (use `SymmetricEigen` from the library).
    /// x: [n, d], k ≤ d → mean [d], the k leading eigenvectors of C as orthonormal rows [k, d]
    /// (largest eigenvalue first), and their eigenvalues [k].
    func principalComponents(_ x: Tensor, k: Int) throws -> PrincipalComponents
    /// x: [n, d], k → the fraction of the total variance, trace(C), explained by each of the k
    /// leading components: λᵢ / Σⱼ λⱼ, [k].
    func explainedVarianceRatio(_ x: Tensor, k: Int) throws -> [Float]

    // 2.3 PCA as an autoencoder: encoder W(x − μ), decoder Wᵀz + μ.
    /// x: [n, d] → codes z = (x − μ) Wᵀ: [n, k].
    func pcaEncode(_ x: Tensor, _ pca: PrincipalComponents) throws -> Tensor
    /// z: [n, k] → x̂ = z W + μ: [n, d].
    func pcaDecode(_ z: Tensor, _ pca: PrincipalComponents) throws -> Tensor

    // 2.4 A linear autoencoder x̂ = D E x (no biases; feed it centred data).
    /// x: [n, d], encoder E: [k, d], decoder D: [d, k] →
    /// L = (1/n) Σᵢ ‖xᵢ − D E xᵢ‖², ∂L/∂E: [k, d], ∂L/∂D: [d, k].
    func linearAutoencoderLoss(_ x: Tensor, encoder: Tensor, decoder: Tensor) throws -> AutoencoderGradients

    // 2.5 One gradient-descent step.
    /// → (E − η ∂L/∂E, D − η ∂L/∂D) for the batch x.
    func linearAutoencoderStep(_ x: Tensor, encoder: Tensor, decoder: Tensor, learningRate: Float) throws -> (encoder: Tensor, decoder: Tensor)

    // 2.6 Principal angles between subspaces.
    /// a: [k, d], b: [k, d], each row set spanning a k-dimensional subspace (not necessarily
    /// orthonormal) → the k principal angles in *degrees*, ascending. Orthonormalise each
    /// (`QR.orthonormalRows`), then the cosines are the singular values of Q_a Q_bᵀ
    /// (`QR.singularValues`).
    func principalAngles(_ a: Tensor, _ b: Tensor) throws -> [Float]

    // 2.7 Denoising.
    /// x: [n, d] → x + σ ε with ε ~ N(0, 1) i.i.d., drawn from `rng` in row-major order.
    func corrupt(_ x: Tensor, noiseStd: Float, rng: inout SeededGenerator) throws -> Tensor
    /// The denoising objective: L = (1/n) Σᵢ ‖xᵢ − g(f(x̃ᵢ))‖², the reconstruction of the
    /// *noisy* input compared with the *clean* one. `reconstruct` is g ∘ f.
    func denoisingLoss(clean: Tensor, noisy: Tensor, reconstruct: (Tensor) throws -> Tensor) throws -> Double
}

/// The result of PCA: mean, components as orthonormal rows, and their variances.
public struct PrincipalComponents: Sendable {
    /// [d].
    public var mean: Tensor
    /// [k, d], orthonormal rows, largest variance first.
    public var components: Tensor
    /// [k], descending: the eigenvalues of the covariance for these components.
    public var eigenvalues: [Float]
    public init(mean: Tensor, components: Tensor, eigenvalues: [Float]) {
        self.mean = mean; self.components = components; self.eigenvalues = eigenvalues
    }
}

/// Loss and gradients of the linear autoencoder.
public struct AutoencoderGradients: Sendable {
    public var loss: Double
    /// ∂L/∂E: [k, d].
    public var encoder: Tensor
    /// ∂L/∂D: [d, k].
    public var decoder: Tensor
    public init(loss: Double, encoder: Tensor, decoder: Tensor) {
        self.loss = loss; self.encoder = encoder; self.decoder = decoder
    }
}
