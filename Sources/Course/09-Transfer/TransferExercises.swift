import RepLearn

/// Lecture 9 — Transfer learning, and comparing representations.
///
/// A linear probe is softmax regression on frozen features; fine-tuning moves the pretrained
/// weights with a lower rate; partial transfer re-initialises the top layers; representations of
/// different systems are compared through their dissimilarity matrices (Kriegeskorte 2008) or
/// linear CKA (Kornblith et al. 2019).
///
/// Softmax here is the usual one, p_c = e^{s_c} / Σ_k e^{s_k} on scores s = xWᵀ + b: lecture 1's
/// e^{−βx} with x = −s and β = 1.
public protocol TransferExercises {
    // 9.1 The probe: softmax regression.
    /// features x: [n, d], labels in 0..<c, W: [c, d], b: [c], λ ≥ 0 →
    /// L = (1/n) Σᵢ −log p_{yᵢ}(xᵢ) + (λ/2)‖W‖²_F (the bias is not regularised), ∂L/∂W: [c, d], ∂L/∂b: [c].
    func probeLoss(_ features: Tensor, labels: [Int], weight: Tensor, bias: Tensor, l2: Float) throws -> ProbeGradients
    /// Full-batch gradient descent from W = 0, b = 0: `steps` times (W, b) ← (W, b) − η·∇L (λ as above)
    /// → the trained head, W: [classes, d], b: [classes].
    func trainProbe(_ features: Tensor, labels: [Int], classes: Int, l2: Float, learningRate: Float, steps: Int) throws -> ProbeHead

    // 9.2 Freezing and per-group learning rates.
    /// One SGD step with momentum μ and coupled weight decay wd. Parameter i belongs to group
    /// `groups[i]`, whose setting gives a learning-rate scale and whether it is frozen:
    ///     v ← μ·v + (g + wd·θ),   θ ← θ − (η·scale)·v;
    /// a frozen group changes neither θ nor v (no step, no momentum, no decay).
    /// → the new parameters and velocities, in the order given.
    func optimizerStep(_ parameters: [Tensor], gradients: [Tensor], velocities: [Tensor], groups: [Int],
                       settings: [GroupSetting], learningRate: Float, momentum: Float, weightDecay: Float) throws -> OptimizerState

    // 9.3 Partial transfer.
    /// layers, bottom to top (W: [out, in], b: [out]) → the same layers with the top k (the last k)
    /// re-initialised from PyTorch's default, U(−1/√in, 1/√in) for W and b alike; the others unchanged.
    /// Draws: for ℓ = L − k, …, L − 1, every entry of W in row-major order, then of b, each
    /// (2·rng.nextFloat() − 1)/√in.
    func reinitializeTop(_ layers: [DenseLayer], k: Int, rng: inout SeededGenerator) throws -> [DenseLayer]

    // 9.4 Comparing representations.
    /// responses: [s, f], one row per stimulus → RDM: [s, s], RDMᵢⱼ = 1 − Pearson(rᵢ, rⱼ) over the f features.
    func rdm(_ responses: Tensor) throws -> Tensor
    /// a, b: RDMs [s, s] → Spearman's ρ between their upper triangles (i < j; the diagonal excluded;
    /// ties get the mean of their ranks).
    func rsa(_ a: Tensor, _ b: Tensor) throws -> Double
    /// x: [n, p], y: [n, q] (the same n examples) → linear CKA = ‖Y_cᵀX_c‖²_F / (‖X_cᵀX_c‖_F·‖Y_cᵀY_c‖_F)
    /// with X_c, Y_c the column-centred x, y.
    func linearCKA(_ x: Tensor, _ y: Tensor) throws -> Double

    // 9.5 Few labels.
    /// labels: [n] in 0..<classes → k distinct indices of each class: for c = 0, 1, …: the indices of
    /// class c in increasing order (m of them), a partial Fisher–Yates shuffle — for j in 0..<k swap
    /// positions j and j + rng.nextInt(below: m − j) — and the first k; class 0's k first, then class 1's, …
    /// Throws when a class has fewer than k examples.
    func fewLabelIndices(_ labels: [Int], perClass k: Int, classes: Int, rng: inout SeededGenerator) throws -> [Int]
}

public struct ProbeGradients: Sendable {
    public var loss: Double
    /// ∂L/∂W: [c, d].
    public var weight: Tensor
    /// ∂L/∂b: [c].
    public var bias: Tensor
    public init(loss: Double, weight: Tensor, bias: Tensor) { self.loss = loss; self.weight = weight; self.bias = bias }
}

public struct ProbeHead: Sendable {
    /// [c, d].
    public var weight: Tensor
    /// [c].
    public var bias: Tensor
    public init(weight: Tensor, bias: Tensor) { self.weight = weight; self.bias = bias }
}

public struct GroupSetting: Sendable {
    public var learningRateScale: Float
    public var frozen: Bool
    public init(learningRateScale: Float, frozen: Bool = false) { self.learningRateScale = learningRateScale; self.frozen = frozen }
}

public struct OptimizerState: Sendable {
    public var parameters: [Tensor]
    public var velocities: [Tensor]
    public init(parameters: [Tensor], velocities: [Tensor]) { self.parameters = parameters; self.velocities = velocities }
}

/// A dense layer y = x Wᵀ + b.
public struct DenseLayer: Sendable {
    /// [out, in].
    public var weight: Tensor
    /// [out].
    public var bias: Tensor
    public init(weight: Tensor, bias: Tensor) { self.weight = weight; self.bias = bias }
}
