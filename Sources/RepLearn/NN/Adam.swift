import Foundation

/// Adam (Kingma & Ba 2015): m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − lr·m̂/(√v̂ + ε)
/// with bias-corrected m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ).
public struct Adam {
    public var learningRate: Float
    public let beta1: Float, beta2: Float, epsilon: Float
    var m: [[Float]] = [], v: [[Float]] = []
    var t = 0

    public init(learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8) {
        self.learningRate = learningRate; self.beta1 = beta1; self.beta2 = beta2; self.epsilon = epsilon
    }

    /// Updates `params` in place from `grads` (same shapes, same order every call).
    public mutating func step(_ params: inout [Tensor], _ grads: [Tensor]) throws {
        guard params.count == grads.count else {
            throw ShapeError(op: "Adam.step", message: "\(params.count) parameters but \(grads.count) gradients")
        }
        if m.isEmpty { m = params.map { [Float](repeating: 0, count: $0.count) }; v = m }
        t += 1
        let c1 = 1 - powf(beta1, Float(t)), c2 = 1 - powf(beta2, Float(t))
        for k in params.indices {
            guard params[k].shape == grads[k].shape else {
                throw ShapeError(op: "Adam.step", message: "parameter \(k) is \(params[k].shape), its gradient \(grads[k].shape)")
            }
            let (b1, b2, lr, eps) = (beta1, beta2, learningRate, epsilon)
            params[k].data.withUnsafeMutableBufferPointer { p in
                grads[k].data.withUnsafeBufferPointer { g in
                    m[k].withUnsafeMutableBufferPointer { m in
                        v[k].withUnsafeMutableBufferPointer { v in
                            for i in 0..<p.count {
                                m[i] = b1 * m[i] + (1 - b1) * g[i]
                                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i]
                                p[i] -= lr * (m[i] / c1) / ((v[i] / c2).squareRoot() + eps)
                            }
                        }
                    }
                }
            }
        }
    }
}
