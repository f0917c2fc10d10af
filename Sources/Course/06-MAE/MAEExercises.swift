import RepLearn

/// Lecture 6 — Masked autoencoders (He et al. 2022) and BERT-style masking (Devlin et al. 2018).
///
/// An image [n, c, H, W] is cut into L = (H/p)(W/p) patches of P = p·p·c values. A masking ratio
/// r hides a random subset of them; the encoder sees the ⌊L(1 − r)⌋ visible patches, the decoder
/// predicts every patch, and the loss is the mean squared error over the hidden patches only.
/// For text, BERT chooses a fraction r of the positions, corrupts them 80/10/10 ([MASK] / random
/// token / unchanged) and predicts the original token at the chosen positions only.
public protocol MAEExercises {
    // 6.1 Patches.
    /// images [n, c, H, W] (H, W multiples of p) → [n, (H/p)(W/p), p·p·c]. Patch l = row·(W/p) + column
    /// (row-major over the grid); inside a patch the values run over (i, j, channel), channel fastest:
    /// out[s, l, (i·p + j)·c + ch] = images[s, ch, row·p + i, column·p + j].
    func patchify(_ images: Tensor, patch: Int) throws -> Tensor
    /// The inverse of ``patchify(_:patch:)``: [n, gridH·gridW, p·p·c] → [n, c, gridH·p, gridW·p].
    func unpatchify(_ patches: Tensor, patch: Int, gridH: Int, gridW: Int, channels: Int) throws -> Tensor

    // 6.2 Random masking.
    /// For each sample s = 0..<batch in turn, noise[s][i] = rng.nextFloat() for i = 0..<patches;
    /// shuffle = argsort(noise[s]) ascending (ties: lower index first); restore = argsort(shuffle);
    /// keep = the first Int(Double(patches) · (1 − ratio)) entries of shuffle (in that order);
    /// mask [batch, patches] = 1 at hidden patches, 0 at kept ones.
    func randomMasking(batch: Int, patches: Int, ratio: Double, rng: inout SeededGenerator) throws -> PatchMasking

    // 6.3 2-D sin-cos positions.
    /// → [gridH·gridW, dim] (dim divisible by 4), position l = row·gridW + column. Columns 0..<dim/2 embed
    /// the column, dim/2..<dim the row, each with the 1-D embedding of D = dim/2 values:
    /// [sin(x·ω₀) … sin(x·ω_{D/2−1}), cos(x·ω₀) … cos(x·ω_{D/2−1})], ωᵢ = 1 / 10000^{i/(D/2)}.
    func sinCosEmbedding2D(dim: Int, gridH: Int, gridW: Int) throws -> Tensor

    // 6.4 The MAE loss.
    /// prediction, target: [n, L, P]; mask: [n, L] (1 = hidden). With `normalizeTarget`, each target patch
    /// becomes (t − mean)/√(var + 1e-6) over its P values (unbiased var, divisor P − 1).
    /// loss = Σ_{s,l} mask·(1/P)·Σ_j (pred − target)² / Σ_{s,l} mask; gradient = ∂loss/∂prediction, [n, L, P].
    func maeLoss(prediction: Tensor, target: Tensor, mask: Tensor, normalizeTarget: Bool) throws -> MAELoss

    // 6.5 Scaled dot-product attention, one head.
    /// q: [Tq, d], k: [Tk, d], v: [Tk, dv], mask: [Tq, Tk] or nil → softmax(q·kᵀ/√d + mask)·v: [Tq, dv],
    /// the softmax over keys (each row); the mask is added to the scores before it (−∞ hides a key).
    func attentionForward(q: Tensor, k: Tensor, v: Tensor, mask: Tensor?) throws -> Tensor
    /// outputGradient = ∂L/∂output: [Tq, dv] → ∂L/∂q, ∂L/∂k, ∂L/∂v (the mask is a constant).
    func attentionBackward(q: Tensor, k: Tensor, v: Tensor, mask: Tensor?, outputGradient: Tensor) throws -> AttentionGradients

    // 6.6 BERT-style corruption.
    /// For t = 0..<tokens.count in order: u = rng.nextDouble(); position t is chosen iff u < ratio. A chosen
    /// position then draws w = rng.nextDouble(): w < 0.8 → maskToken; 0.8 ≤ w < 0.9 → rng.nextInt(below:
    /// vocabularySize); otherwise unchanged. Unchosen positions draw nothing more and keep their token.
    /// → the corrupted tokens and the chosen positions (increasing; the loss is computed there only).
    func bertCorrupt(_ tokens: [Int], ratio: Double, vocabularySize: Int, maskToken: Int, rng: inout SeededGenerator) throws -> BERTCorruption
}

public struct PatchMasking: Sendable {
    /// [batch][⌊L(1 − r)⌋]: the kept patches, in shuffle order.
    public var keep: [[Int]]
    /// [batch][L]: argsort of the shuffle; restore[s][i] is patch i's rank in the shuffle.
    public var restore: [[Int]]
    /// [batch, L]: 1 = hidden, 0 = kept.
    public var mask: Tensor
    public init(keep: [[Int]], restore: [[Int]], mask: Tensor) { self.keep = keep; self.restore = restore; self.mask = mask }
}

public struct MAELoss: Sendable {
    public var loss: Double
    /// ∂loss/∂prediction: [n, L, P].
    public var gradient: Tensor
    public init(loss: Double, gradient: Tensor) { self.loss = loss; self.gradient = gradient }
}

public struct AttentionGradients: Sendable {
    public var q: Tensor, k: Tensor, v: Tensor
    public init(q: Tensor, k: Tensor, v: Tensor) { self.q = q; self.k = k; self.v = v }
}

public struct BERTCorruption: Sendable {
    /// The input with chosen positions replaced (80% maskToken, 10% a random token, 10% unchanged).
    public var tokens: [Int]
    /// The chosen positions, increasing.
    public var positions: [Int]
    public init(tokens: [Int], positions: [Int]) { self.tokens = tokens; self.positions = positions }
}
