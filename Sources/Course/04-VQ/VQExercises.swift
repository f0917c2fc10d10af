import RepLearn

/// Lecture 4 — Vector-quantized autoencoders (VQ-VAE, van den Oord et al. 2017).
///
/// Encoder outputs z_e: [n, d] (one row per code vector), codebook e: [K, d]. The quantizer
/// snaps each row to its nearest codebook row, z_q = e_{k(i)}. The training loss adds to the
/// reconstruction loss
///     L_codebook = (1/n) Σᵢ ‖sg[z_e,i] − e_{k(i)}‖²   (moves the codebook),
///     L_commit   = (1/n) Σᵢ ‖z_e,i − sg[e_{k(i)}]‖²   (keeps the encoder close),
/// as L = L_rec + L_codebook + β·L_commit with β = 0.25; sg[·] stops the gradient.
public protocol VQExercises {
    // 4.1 Nearest-code quantization.
    /// z_e: [n, d], codebook: [K, d] → indices k(i) = argmin_k ‖z_e,i − e_k‖² (ties: lowest) and z_q = e_{k(i)}: [n, d].
    func quantize(_ z: Tensor, codebook: Tensor) throws -> Quantized

    // 4.2 The two VQ losses.
    /// → L_codebook, L_commit and total = L_codebook + β·L_commit (for the given indices).
    func vqLosses(_ z: Tensor, codebook: Tensor, indices: [Int], beta: Float) throws -> VQLosses

    // 4.3 Backward through the quantizer.
    /// Given ∂L_rec/∂z_q = `decoderInputGradient`: [n, d] →
    /// ∂L/∂z_e: [n, d] (straight-through copy of the decoder-input gradient, plus the commitment term) and
    /// ∂L/∂e: [K, d] (the codebook term only). Each stop-gradient decides which term reaches which parameter.
    func vqBackward(_ z: Tensor, codebook: Tensor, indices: [Int], decoderInputGradient: Tensor, beta: Float) throws -> VQGradients

    // 4.4 Codebook usage.
    /// indices in 0..<K → how often each code is used, [K], and the perplexity exp(−Σ_k p_k ln p_k) with p = counts/n.
    func codebookUsage(_ indices: [Int], codebookSize: Int) throws -> CodebookUsage

    // 4.5 Dead codes.
    /// Every code with count 0, in increasing order of k, is replaced by row `rng.nextInt(below: n)` of
    /// `encoderOutputs` ([n, d]); the other codes are unchanged.
    func reinitializeDeadCodes(_ codebook: Tensor, counts: [Int], encoderOutputs: Tensor, rng: inout SeededGenerator) throws -> Tensor
}

public struct Quantized: Sendable {
    /// [n].
    public var indices: [Int]
    /// z_q: [n, d], rows of the codebook.
    public var vectors: Tensor
    public init(indices: [Int], vectors: Tensor) { self.indices = indices; self.vectors = vectors }
}

public struct VQLosses: Sendable {
    public var codebook: Double
    public var commitment: Double
    /// codebook + β·commitment.
    public var total: Double
    public init(codebook: Double, commitment: Double, total: Double) { self.codebook = codebook; self.commitment = commitment; self.total = total }
}

public struct VQGradients: Sendable {
    /// ∂L/∂z_e: [n, d].
    public var encoder: Tensor
    /// ∂L/∂e: [K, d].
    public var codebook: Tensor
    public init(encoder: Tensor, codebook: Tensor) { self.encoder = encoder; self.codebook = codebook }
}

public struct CodebookUsage: Sendable {
    public var counts: [Int]
    public var perplexity: Double
    public init(counts: [Int], perplexity: Double) { self.counts = counts; self.perplexity = perplexity }
}
