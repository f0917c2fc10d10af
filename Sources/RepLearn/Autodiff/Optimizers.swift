import Foundation

/// Parameters that share a learning-rate scale and weight decay, or that are frozen (transfer
/// learning: a lower rate for pretrained layers, or none at all).
public struct ParameterGroup {
    public var parameters: [Variable]
    /// Multiplies the optimiser's learning rate for this group.
    public var learningRateScale: Float
    /// Overrides the optimiser's weight decay for this group (e.g. 0 for biases and norms).
    public var weightDecay: Float?
    /// A frozen group is not updated at all: no step, no momentum, no decay.
    public var frozen: Bool

    public init(_ parameters: [Variable], learningRateScale: Float = 1, weightDecay: Float? = nil, frozen: Bool = false) {
        self.parameters = parameters; self.learningRateScale = learningRateScale
        self.weightDecay = weightDecay; self.frozen = frozen
    }
}

/// A first-order optimiser over parameter groups. `learningRate` may be changed between steps
/// (schedules). State (momentum, moments) is kept per parameter.
public class Optimizer {
    public var groups: [ParameterGroup]
    public var learningRate: Float
    public var weightDecay: Float
    var state: [ObjectIdentifier: [[Float]]] = [:]
    public private(set) var steps = 0

    init(_ groups: [ParameterGroup], learningRate: Float, weightDecay: Float) {
        self.groups = groups; self.learningRate = learningRate; self.weightDecay = weightDecay
    }

    /// Every parameter of every group.
    public var parameters: [Variable] { groups.flatMap(\.parameters) }
    public func zeroGrad() { for p in parameters { p.zeroGrad() } }

    /// Updates every parameter of every group that is not frozen and has a gradient.
    public func step() throws {
        steps += 1
        for group in groups where !group.frozen {
            let lr = learningRate * group.learningRateScale, wd = group.weightDecay ?? weightDecay
            for p in group.parameters {
                guard let g = p.grad else { continue }
                guard g.shape == p.shape else {
                    throw ShapeError(op: "optimizer step", message: "parameter '\(p.name)' is \(p.shape), its gradient \(g.shape)")
                }
                let key = ObjectIdentifier(p)
                var s = state.removeValue(forKey: key) ?? initialState(p.value.count)   // uniquely referenced: updated in place
                update(&p.value.data, g.data, &s, lr: lr, weightDecay: wd)
                state[key] = s
            }
        }
    }

    func initialState(_ n: Int) -> [[Float]] { [] }
    func update(_ p: inout [Float], _ g: [Float], _ state: inout [[Float]], lr: Float, weightDecay: Float) {}
}

/// SGD with momentum (PyTorch's form): v ← μv + (g + λθ), θ ← θ − lr·v.
public final class SGD: Optimizer {
    public let momentum: Float
    public init(_ groups: [ParameterGroup], learningRate: Float, momentum: Float = 0, weightDecay: Float = 0) {
        self.momentum = momentum
        super.init(groups, learningRate: learningRate, weightDecay: weightDecay)
    }
    override func initialState(_ n: Int) -> [[Float]] { [[Float](repeating: 0, count: n)] }
    override func update(_ p: inout [Float], _ g: [Float], _ state: inout [[Float]], lr: Float, weightDecay: Float) {
        for i in 0..<p.count {
            let gi = g[i] + weightDecay * p[i]
            state[0][i] = momentum * state[0][i] + gi
            p[i] -= lr * state[0][i]
        }
    }
}

/// Adam (Kingma & Ba 2015) and AdamW (Loshchilov & Hutter 2019):
///   m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − lr·m̂/(√v̂ + ε), m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ).
/// Adam adds λθ to g (L2); AdamW instead decays the weights directly, θ ← θ − lr·λ·θ, before the step.
public final class AdamOptimizer: Optimizer {
    public let beta1: Float, beta2: Float, epsilon: Float
    public let decoupled: Bool
    var stepCounts: [ObjectIdentifier: Int] = [:]

    /// Adam with optional L2 weight decay.
    public init(_ groups: [ParameterGroup], learningRate: Float = 1e-3, betas: (Float, Float) = (0.9, 0.999),
                epsilon: Float = 1e-8, weightDecay: Float = 0, decoupled: Bool = false) {
        beta1 = betas.0; beta2 = betas.1; self.epsilon = epsilon; self.decoupled = decoupled
        super.init(groups, learningRate: learningRate, weightDecay: weightDecay)
    }

    /// AdamW (PyTorch's defaults: betas (0.9, 0.999), weight decay 0.01).
    public static func adamW(_ groups: [ParameterGroup], learningRate: Float = 1e-3, betas: (Float, Float) = (0.9, 0.999),
                             epsilon: Float = 1e-8, weightDecay: Float = 0.01) -> AdamOptimizer {
        AdamOptimizer(groups, learningRate: learningRate, betas: betas, epsilon: epsilon, weightDecay: weightDecay, decoupled: true)
    }

    override func initialState(_ n: Int) -> [[Float]] { [[Float](repeating: 0, count: n), [Float](repeating: 0, count: n), [0]] }

    override func update(_ p: inout [Float], _ g: [Float], _ state: inout [[Float]], lr: Float, weightDecay: Float) {
        state[2][0] += 1                                    // this parameter's step count t
        let t = state[2][0]
        let c1 = 1 - Foundation.pow(beta1, t), c2 = 1 - Foundation.pow(beta2, t)
        if decoupled && weightDecay != 0 {
            let f = 1 - lr * weightDecay
            for i in 0..<p.count { p[i] *= f }
        }
        var gradient = g
        if !decoupled && weightDecay != 0 { for i in 0..<p.count { gradient[i] += weightDecay * p[i] } }
        var (m, v) = (state[0], state[1])
        state[0] = []; state[1] = []                        // keep m and v uniquely referenced
        Adam.update(&p, gradient, &m, &v, beta1, beta2, lr / c1, 1 / c2, epsilon)
        state[0] = m; state[1] = v
    }
}

/// Rescales all gradients so that their joint L2 norm is at most `maxNorm`; returns the norm before.
@discardableResult
public func clipGradientNorm(_ parameters: [Variable], maxNorm: Float) -> Float {
    var s = 0.0
    for p in parameters { if let g = p.grad { for x in g.data { s += Double(x) * Double(x) } } }
    let norm = Float(s.squareRoot())
    if norm > maxNorm && norm > 0 {
        let f = maxNorm / (norm + 1e-6)
        for p in parameters { if let g = p.grad { p.grad = g * f } }
    }
    return norm
}

/// Linear warm-up from 0 to `base` over `warmup` steps, then cosine decay to `minimum` at `total`:
/// lr(t) = min + ½(base − min)(1 + cos(π·(t − warmup)/(total − warmup))).
public struct CosineSchedule {
    public let base: Float, minimum: Float, warmup: Int, total: Int
    public init(base: Float, warmup: Int, total: Int, minimum: Float = 0) {
        self.base = base; self.minimum = minimum; self.warmup = warmup; self.total = max(total, 1)
    }
    /// The rate for step t (0-based).
    public func callAsFunction(_ t: Int) -> Float {
        if t < warmup { return base * Float(t + 1) / Float(warmup) }
        let progress = min(Float(t - warmup) / Float(max(total - warmup, 1)), 1)
        return minimum + 0.5 * (base - minimum) * (1 + Foundation.cos(Float.pi * progress))
    }
}
