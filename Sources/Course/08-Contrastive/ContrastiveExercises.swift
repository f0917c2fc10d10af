import RepLearn

/// Lecture 8 — Contrastive learning and noise-contrastive estimation.
///
/// Learning by telling apart: data from noise (NCE, Gutmann & Hyvärinen 2010), a positive pair
/// from negatives (InfoNCE, van den Oord et al. 2018; NT-Xent, Chen et al. 2020). The views the
/// loss compares come from an augmentation pipeline (8.4); rotation prediction (Gidaris et al.
/// 2018) is the non-contrastive pretext it is compared with (8.5); alignment and uniformity
/// (Wang & Isola 2020) measure what the loss does to the embedding (8.3).
public protocol ContrastiveExercises {
    // 8.1 Noise-contrastive estimation of a 1-D Gaussian.
    /// θ = [μ, s, c]: the model log p_m(u) = −(u − μ)² / (2e^{2s}) + c (unnormalised: c is learned);
    /// noise pₙ = N(noiseMean, noiseStd²), normalised. With G(u) = log p_m(u) − log(ν·pₙ(u)) and σ the
    /// logistic function, data: [T_d], noise: [T_n] →
    ///     loss = −(1/T_d) Σ_data log σ(G(x)) − ν·(1/T_n) Σ_noise log(1 − σ(G(y)))
    /// and its gradient ∂loss/∂θ: [3] (order μ, s, c).
    func nceLoss(data: Tensor, noise: Tensor, theta: Tensor, noiseMean: Float, noiseStd: Float, nu: Float) throws -> NCELoss

    // 8.2 NT-Xent (SimCLR's loss).
    /// z: [2N, d], rows i and i + N the two views of example i. With sim(a, b) = aᵀb / (‖a‖‖b‖) and
    /// p(i) = (i + N) mod 2N, ℓᵢ = −log e^{sim(zᵢ, z_p(i))/τ} / Σ_{k≠i} e^{sim(zᵢ, z_k)/τ} →
    /// loss = (1/2N) Σᵢ ℓᵢ and ∂loss/∂z: [2N, d] (through the normalisation).
    func ntXent(_ z: Tensor, temperature: Float) throws -> NTXentLoss

    // 8.3 Alignment and uniformity.
    /// x, y: [n, d], row i of x and of y a positive pair → (1/n) Σᵢ ‖xᵢ − yᵢ‖₂^α.
    func alignment(_ x: Tensor, _ y: Tensor, alpha: Double) throws -> Double
    /// x: [n, d] → log( (2 / (n(n − 1))) Σ_{i<j} e^{−t‖xᵢ − xⱼ‖²} ), over distinct pairs only.
    func uniformity(_ x: Tensor, t: Double) throws -> Double

    // 8.4 The view augmentation.
    /// x: [N, C, H, W] in [0, 1] → one augmented view [N, C, H, W], the toolkit's pieces in this order:
    /// RandomResizedCrop to H×W (scale, ratio), HorizontalFlip(p), RandomAffine(degrees −r…r, no
    /// translation, scale 1), GaussianNoise(σ, clamped to [0, 1]). Each step draws for all images
    /// before the next step starts (the pieces' own documented draws).
    func augmentView(_ x: Tensor, _ settings: ViewAugmentation, rng: inout SeededGenerator) throws -> Tensor

    // 8.5 Rotation prediction.
    /// x: [N, C, S, S] → images [4N, C, S, S] and labels [4N]: entry 4i + k is image i rotated by
    /// k·90° counter-clockwise, label k; one quarter turn is out[y, x] = in[x, S − 1 − y] (numpy's rot90).
    func rotationBatch(_ x: Tensor) throws -> RotationBatch
    /// logits: [M, K], labels in 0..<K → mean cross-entropy (1/M) Σ −log softmax(logitsᵢ)[labelᵢ] and ∂/∂logits: [M, K].
    func rotationLoss(logits: Tensor, labels: [Int]) throws -> ClassificationLoss
}

public struct NCELoss: Sendable {
    public var loss: Double
    /// ∂loss/∂θ: [3], order μ, s, c.
    public var gradient: Tensor
    public init(loss: Double, gradient: Tensor) { self.loss = loss; self.gradient = gradient }
}

public struct NTXentLoss: Sendable {
    public var loss: Double
    /// ∂loss/∂z: [2N, d].
    public var gradient: Tensor
    public init(loss: Double, gradient: Tensor) { self.loss = loss; self.gradient = gradient }
}

/// The parameters of one view (8.4). Identity: scale 1…1, ratio 1…1 (square images), flip 0, rotation 0, noise 0.
public struct ViewAugmentation: Sendable {
    /// Fraction of the image area the crop keeps, drawn uniformly in this range.
    public var cropScale: ClosedRange<Double>
    /// Width / height of the crop box, log-uniform in this range.
    public var cropRatio: ClosedRange<Double>
    public var flipProbability: Double
    /// Largest rotation in degrees: θ ~ U(−r, r).
    public var rotationDegrees: Double
    /// σ of the additive Gaussian noise.
    public var noiseStd: Float

    public init(cropScale: ClosedRange<Double> = 0.2...1, cropRatio: ClosedRange<Double> = (3.0 / 4)...(4.0 / 3),
                flipProbability: Double = 0.5, rotationDegrees: Double = 10, noiseStd: Float = 0.1) {
        self.cropScale = cropScale; self.cropRatio = cropRatio; self.flipProbability = flipProbability
        self.rotationDegrees = rotationDegrees; self.noiseStd = noiseStd
    }

    /// Every step off: the view is the input.
    public static let identity = ViewAugmentation(cropScale: 1...1, cropRatio: 1...1, flipProbability: 0, rotationDegrees: 0, noiseStd: 0)
}

public struct RotationBatch: Sendable {
    /// [4N, C, S, S].
    public var images: Tensor
    /// [4N], in 0..<4.
    public var labels: [Int]
    public init(images: Tensor, labels: [Int]) { self.images = images; self.labels = labels }
}

public struct ClassificationLoss: Sendable {
    public var loss: Double
    /// ∂loss/∂logits: [M, K].
    public var gradient: Tensor
    public init(loss: Double, gradient: Tensor) { self.loss = loss; self.gradient = gradient }
}
