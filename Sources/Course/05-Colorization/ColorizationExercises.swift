import RepLearn

/// Lecture 5 — Colorization as self-supervision (Zhang, Isola & Efros, ECCV 2016).
///
/// Input the lightness L of a photo, predict its colour ab. Colours are CIE Lab (D65); the ab
/// plane is quantised into Q in-gamut bins with centres c_q; a pixel's target is a soft
/// encoding Z_p ∈ Δ^Q over its nearest bins; the network's logits ẑ_p give a distribution over
/// the bins, trained with a class-rebalanced cross-entropy and decoded with the annealed mean.
/// The L2 regression on ab is the baseline.
///
/// Conventions: a tensor of pixels or positions has one row per pixel ([n, 3] for colours,
/// [P, 2] for ab, [P, Q] for distributions over the bins); bin centres are [Q, 2] rows (a, b).
public protocol ColorizationExercises {
    // 5.1 sRGB ↔ Lab, per pixel (D65 white).
    /// rgb: [n, 3] rows (r, g, b), sRGB-encoded in [0, 1] → [n, 3] rows (L, a, b):
    /// linearise c_lin = c ≤ 0.04045 ? c/12.92 : ((c + 0.055)/1.055)^2.4, XYZ = M·rgb_lin,
    /// divide by the D65 white (Xn, Yn, Zn) = (0.95047, 1, 1.08883), f(t) = t^{1/3} for t > δ³ else
    /// t/(3δ²) + 4/29 (δ = 6/29); L = 116 f(Y) − 16, a = 500 (f(X) − f(Y)), b = 200 (f(Y) − f(Z)).
    /// M = [0.4124564 0.3575761 0.1804375; 0.2126729 0.7151522 0.0721750; 0.0193339 0.1191920 0.9503041].
    func labFromSRGB(_ rgb: Tensor) throws -> Tensor
    /// lab: [n, 3] rows (L, a, b) → [n, 3] sRGB rows, the exact inverse (f⁻¹(u) = u³ for u > δ else
    /// 3δ²(u − 4/29); M⁻¹; c = c_lin ≤ 0.0031308 ? 12.92 c_lin : 1.055 c_lin^{1/2.4} − 0.055).
    /// Not clamped: a Lab colour outside the sRGB gamut gives components outside [0, 1].
    func srgbFromLab(_ lab: Tensor) throws -> Tensor

    // 5.2 The in-gamut ab bins.
    /// Sweeps the sRGB cube on `levels`³ colours (r, g, b) = (i, j, k)/(levels − 1), i, j, k ∈ 0..<levels;
    /// each colour's bin is its nearest grid centre (gridSize·round(a/gridSize), gridSize·round(b/gridSize)).
    /// → the bins some colour falls in, [Q, 2] centres (a, b), each once, sorted by a, then by b.
    func inGamutBins(gridSize: Float, levels: Int) throws -> Tensor

    // 5.3 Soft encoding.
    /// ab: [P, 2], centres: [Q, 2] → Z: [P, Q]. Row p is nonzero on the k centres nearest to ab_p
    /// (equal distances: the lower bin index first), with weights ∝ exp(−‖ab_p − c_q‖² / 2σ²),
    /// normalised to sum 1. Colours far from every centre still encode (the exponent is taken
    /// relative to the nearest centre's).
    func softEncode(_ ab: Tensor, centres: Tensor, neighbours k: Int, sigma: Float) throws -> Tensor

    // 5.4 Class-rebalancing weights.
    /// prior p: [Q] (the empirical bin distribution, sums to 1), centres: [Q, 2] on a grid of
    /// step `gridSize` → p̃ = p smoothed by a Gaussian of σ *bin units* over the centres,
    ///     p̃_q ∝ Σ_r exp(−‖c_q − c_r‖² / (2σ²·gridSize²)) p_r,   Σ_q p̃_q = 1,
    /// and w_q ∝ ((1 − λ) p̃_q + λ/Q)⁻¹ normalised so that E_p̃[w] = Σ_q p̃_q w_q = 1. Both [Q].
    func rebalancingWeights(prior: Tensor, centres: Tensor, gridSize: Float, sigma: Float, lambda: Float) throws -> Rebalancing

    // 5.5 Weighted multinomial cross-entropy.
    /// logits: [P, Q] (one row per position), targets Z: [P, Q] (rows sum to 1), binWeights w: [Q] →
    ///     L = −(1/P) Σ_p w_{q*(p)} Σ_q Z_{p,q} log softmax(logits_p)_q,   q*(p) = argmax_q Z_{p,q} (ties: lowest),
    /// and ∂L/∂logits: [P, Q]. Stable for large logits (subtract each row's maximum).
    func weightedCrossEntropy(logits: Tensor, targets: Tensor, binWeights: Tensor) throws -> LossAndGradient

    // 5.6 Decoding: the annealed mean.
    /// probabilities z: [P, Q] (rows sum to 1; zeros allowed), centres: [Q, 2], temperature T > 0 →
    ///     f_T(z_p) = Σ_q softmax(log z_p / T)_q · c_q,   [P, 2].
    /// T = 1 is the mean, T → 0 the mode. Stable for small T (subtract each row's maximum of log z / T).
    /// T is a true temperature; lecture 1's softmax(−βx) is the same with x = −log z and β = 1/T.
    func annealedMean(_ probabilities: Tensor, centres: Tensor, temperature: Float) throws -> Tensor

    // 5.7 The L2 baseline.
    /// prediction Ŷ, target Y: [P, 2] → L = (1/P) Σ_p ‖Ŷ_p − Y_p‖² (mean over positions of the squared
    /// ab distance) and ∂L/∂Ŷ: [P, 2].
    func l2Loss(prediction: Tensor, target: Tensor) throws -> LossAndGradient
}

/// A loss and its gradient with respect to the first argument.
public struct LossAndGradient: Sendable {
    public var loss: Double
    /// Same shape as the argument it differentiates.
    public var gradient: Tensor
    public init(loss: Double, gradient: Tensor) { self.loss = loss; self.gradient = gradient }
}

/// Class rebalancing (5.4).
public struct Rebalancing: Sendable {
    /// p̃: [Q], sums to 1.
    public var smoothed: Tensor
    /// w: [Q], with Σ_q p̃_q w_q = 1.
    public var weights: Tensor
    public init(smoothed: Tensor, weights: Tensor) { self.smoothed = smoothed; self.weights = weights }
}
