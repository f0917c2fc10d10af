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
            Self.update(&params[k].data, grads[k].data, &m[k], &v[k], beta1, beta2,
                        learningRate / c1, 1 / c2, epsilon)
        }
    }

    /// p ← p − (lr/c₁)·m / (√(v/c₂) + ε), eight lanes at a time.
    @inline(__always)
    static func update(_ p: inout [Float], _ g: [Float], _ m: inout [Float], _ v: inout [Float],
                       _ b1: Float, _ b2: Float, _ lrc1: Float, _ invc2: Float, _ eps: Float) {
        let n = p.count
        p.withUnsafeMutableBufferPointer { pp in
            g.withUnsafeBufferPointer { gp in
                m.withUnsafeMutableBufferPointer { mp in
                    v.withUnsafeMutableBufferPointer { vp in
                        let (P, G, M, V) = (pp.baseAddress!, gp.baseAddress!, mp.baseAddress!, vp.baseAddress!)
                        // blocks of 8 split across cores (each entry's update is independent)
                        Parallel.chunks(n / 8, minimumPerPart: 8192) { _, blocks in
                            var i = blocks.lowerBound * 8
                            let end = blocks.upperBound * 8
                            typealias F8 = SIMD8<Float>
                            while i + 8 <= end {
                                let gi = UnsafeRawPointer(G + i).loadUnaligned(as: F8.self)
                                var mi = UnsafeRawPointer(M + i).loadUnaligned(as: F8.self)
                                var vi = UnsafeRawPointer(V + i).loadUnaligned(as: F8.self)
                                var pi = UnsafeRawPointer(P + i).loadUnaligned(as: F8.self)
                                mi = b1 * mi + (1 - b1) * gi
                                vi = b2 * vi + (1 - b2) * gi * gi
                                pi -= lrc1 * mi / ((vi * invc2).squareRoot() + eps)
                                UnsafeMutableRawPointer(M + i).storeBytes(of: mi, as: F8.self)
                                UnsafeMutableRawPointer(V + i).storeBytes(of: vi, as: F8.self)
                                UnsafeMutableRawPointer(P + i).storeBytes(of: pi, as: F8.self)
                                i += 8
                            }
                        }
                        var i = n / 8 * 8
                        while i < n {
                            M[i] = b1 * M[i] + (1 - b1) * G[i]
                            V[i] = b2 * V[i] + (1 - b2) * G[i] * G[i]
                            P[i] -= lrc1 * M[i] / ((V[i] * invc2).squareRoot() + eps)
                            i += 1
                        }
                    }
                }
            }
        }
    }
}
