import RepLearn

/// Lecture 1 — Layers as transformations.
///
/// Every function is batched: a batch is `[n, d]`, one example per row. Backward functions take
/// the gradient of a scalar loss L with respect to the layer's output (`outputGradient`, ∂L/∂y,
/// the same shape as y) and return the gradient with respect to the input (and parameters).
///
/// Softmax follows the lecture's sign convention: `y_i = e^{-β x_i} / Σ_k e^{-β x_k}`, so the
/// *smallest* score gets the largest probability (think of x as an energy or a distance).
/// β multiplies the scores, so it is an *inverse* temperature: β = 1/T for softmax(s/T) with s = −x.
public protocol LayersExercises {
    // 1.1 Linear: y = x Wᵀ + b.
    /// x: [n, d], weight W: [k, d], bias b: [k] → y: [n, k].
    func linearForward(_ x: Tensor, weight: Tensor, bias: Tensor) throws -> Tensor
    /// x: [n, d], W: [k, d], ∂L/∂y: [n, k] → ∂L/∂x: [n, d], ∂L/∂W: [k, d], ∂L/∂b: [k].
    func linearBackward(_ x: Tensor, weight: Tensor, outputGradient: Tensor) throws -> LinearGradients

    // 1.2 ReLU: y = max(x, 0).
    /// x: [n, d] → [n, d].
    func reluForward(_ x: Tensor) throws -> Tensor
    /// x: [n, d], ∂L/∂y: [n, d] → ∂L/∂x: [n, d] (take the derivative at exactly 0 to be 0).
    func reluBackward(_ x: Tensor, outputGradient: Tensor) throws -> Tensor

    // 1.3 L2 normalisation: y = x / ‖x‖₂, row by row.
    /// x: [n, d] → y: [n, d], each row of unit length (a zero row stays zero).
    func l2NormalizeForward(_ x: Tensor) throws -> Tensor
    /// x, y = forward(x), ∂L/∂y: all [n, d] → ∂L/∂x: [n, d]; a zero row of x gets a zero gradient row
    /// (x/‖x‖ has no derivative at 0; the forward pass maps that row to 0 whatever g is).
    func l2NormalizeBackward(_ x: Tensor, output: Tensor, outputGradient: Tensor) throws -> Tensor

    // 1.4 Softmax with inverse temperature β = 1/T (lecture's sign): y_i = e^{-β x_i} / Σ_k e^{-β x_k}, row by row.
    /// x: [n, d], β ≥ 0 → y: [n, d], rows on the probability simplex; must not overflow for large |x|.
    func softmaxForward(_ x: Tensor, beta: Float) throws -> Tensor
    /// x, y = forward(x), ∂L/∂y: all [n, d] → ∂L/∂x: [n, d].
    func softmaxBackward(_ x: Tensor, output: Tensor, beta: Float, outputGradient: Tensor) throws -> Tensor

    // 1.5 A stack of layers: forward keeps every activation, backward reuses them.
    /// x: [n, d₀] → activations [a₀ = x, a₁, …, a_L], a_ℓ = layer_ℓ(a_{ℓ-1}); L + 1 tensors.
    func forwardStack(_ x: Tensor, layers: [LayerSpec]) throws -> [Tensor]
    /// activations from forwardStack, ∂L/∂a_L → ∂L/∂a₀ and ∂L/∂W, ∂L/∂b of every linear layer.
    func backwardStack(activations: [Tensor], layers: [LayerSpec], outputGradient: Tensor) throws -> StackGradients

    // 1.6 A gradient check of your own.
    /// x: any shape, h > 0, f: x ↦ a scalar (a [1] tensor) → the centred differences
    /// (f(x + h eᵢ) − f(x − h eᵢ)) / 2h for every entry i, the shape of x. Evaluates f exactly
    /// 2·x.count times, entry by entry in storage order: first x + h eᵢ, then x − h eᵢ.
    func numericalGradient(_ x: Tensor, step h: Float, _ f: (Tensor) throws -> Tensor) throws -> Tensor
    /// a, b: the same shape → the worst entry's relative error
    /// maxᵢ |aᵢ − bᵢ| / max(|aᵢ|, |bᵢ|, floor) (floor > 0 keeps entries near 0 from dividing by ~0).
    func gradientError(_ a: Tensor, _ b: Tensor, floor: Float) throws -> Float
}

/// Gradients of a linear layer y = x Wᵀ + b.
public struct LinearGradients: Sendable {
    /// ∂L/∂x: [n, d].
    public var input: Tensor
    /// ∂L/∂W: [k, d].
    public var weight: Tensor
    /// ∂L/∂b: [k].
    public var bias: Tensor
    public init(input: Tensor, weight: Tensor, bias: Tensor) {
        self.input = input; self.weight = weight; self.bias = bias
    }
}

/// One layer of a stack, with its parameters.
public enum LayerSpec: Sendable, CustomStringConvertible {
    /// y = x Wᵀ + b with W: [k, d], b: [k].
    case linear(weight: Tensor, bias: Tensor)
    case relu
    case l2Norm
    /// Lecture's sign: y = softmax(−β x).
    case softmax(beta: Float)

    public var description: String {
        switch self {
        case .linear(let w, _): return "linear \(w.shape[1])→\(w.shape[0])"
        case .relu: return "relu"
        case .l2Norm: return "l2-norm"
        case .softmax(let t): return "softmax β=\(t)"
        }
    }
}

/// What backpropagation through a stack returns.
public struct StackGradients: Sendable {
    /// ∂L/∂a₀: [n, d₀].
    public var input: Tensor
    /// For each linear layer, keyed by its index in the stack: ∂L/∂W and ∂L/∂b
    /// (`input` of each entry is ∂L/∂ of that layer's input).
    public var linear: [Int: LinearGradients]
    public init(input: Tensor, linear: [Int: LinearGradients]) {
        self.input = input; self.linear = linear
    }
}
