import Foundation
import Dispatch

/// Normalisations. With x̂ = (x − μ)/σ over a group of n values and y = γx̂ + β, the backward is
///   ∂L/∂x = (1/σ)·(ĝ − mean(ĝ) − x̂·mean(ĝ ⊙ x̂)),  ĝ = γ ⊙ ∂L/∂y,
/// and ∂L/∂γ = Σ g ⊙ x̂, ∂L/∂β = Σ g over the groups.
extension Variable {
    /// x / max(‖x‖, ε) along the last axis (PyTorch's F.normalize). ∂L/∂x = (g − y⟨y, g⟩)/‖x‖.
    public func l2Normalized(epsilon: Float = 1e-12) -> Variable {
        let d = shape.last ?? 1, rows = value.count / max(d, 1)
        var y = value
        var norms = [Float](repeating: 0, count: rows)
        for r in 0..<rows {
            var s: Float = 0
            for j in 0..<d { s += y.data[r * d + j] * y.data[r * d + j] }
            norms[r] = max(s.squareRoot(), epsilon)
            for j in 0..<d { y.data[r * d + j] /= norms[r] }
        }
        return Variable.record("l2Normalize", y, [self]) { g in
            var gx = g
            for r in 0..<rows {
                var dot: Float = 0
                for j in 0..<d { dot += y.data[r * d + j] * g.data[r * d + j] }
                if norms[r] == epsilon { dot = 0 }       // clamped: y = x/ε is linear in x
                for j in 0..<d { gx.data[r * d + j] = (g.data[r * d + j] - y.data[r * d + j] * dot) / norms[r] }
            }
            return [gx]
        }
    }

    /// LayerNorm over the last axis: x: [..., d], gamma, beta: [d] → [..., d]; σ = √(var + ε),
    /// the biased variance (÷d), as PyTorch.
    public static func layerNorm(_ x: Variable, gamma: Variable, beta: Variable, epsilon: Float = 1e-5) throws -> Variable {
        let d = x.shape.last ?? 1
        guard gamma.shape == [d], beta.shape == [d] else {
            throw ShapeError(op: "layerNorm", message: "gamma \(gamma.shape) and beta \(beta.shape) should be [\(d)] for input \(x.shape)")
        }
        let rows = x.value.count / max(d, 1)
        var xhat = x.value, y = Tensor(shape: x.shape, uninitialized: x.value.count)   // xhat is normalised in place
        var inv = [Float](repeating: 0, count: rows)
        xhat.data.withUnsafeMutableBufferPointer { xh in
            y.data.withUnsafeMutableBufferPointer { yy in
                let (gp, bp) = (gamma.value.data, beta.value.data)
                Parallel.chunks(rows, minimumPerPart: max(1, 16384 / max(d, 1))) { _, range in
                    for r in range {
                        let p = xh.baseAddress! + r * d, q = yy.baseAddress! + r * d
                        var mean: Float = 0
                        for j in 0..<d { mean += p[j] }
                        mean /= Float(d)
                        var v: Float = 0
                        for j in 0..<d { let c = p[j] - mean; v += c * c }
                        let s = 1 / (v / Float(d) + epsilon).squareRoot()
                        for j in 0..<d { p[j] = (p[j] - mean) * s; q[j] = gp[j] * p[j] + bp[j] }
                        inv[r] = s
                    }
                }
            }
        }
        return record("layerNorm", y, [x, gamma, beta]) { g in
            var gx = g
            let parts = max(1, min(Parallel.cores, rows * d / 16384))
            var partial = [[Float]](repeating: [Float](repeating: 0, count: 2 * d), count: parts)   // Σ g·x̂ and Σ g per part
            gx.data.withUnsafeMutableBufferPointer { gxp in xhat.data.withUnsafeBufferPointer { xhp in
                gamma.value.data.withUnsafeBufferPointer { gam in partial.withUnsafeMutableBufferPointer { part in
                    let (G, X, P) = (gxp.baseAddress!, xhp.baseAddress!, part.baseAddress!)
                    DispatchQueue.concurrentPerform(iterations: parts) { c in
                        P[c].withUnsafeMutableBufferPointer { acc in
                            for r in (rows * c / parts)..<(rows * (c + 1) / parts) {
                                let gr = G + r * d, xr = X + r * d
                                var m1: Float = 0, m2: Float = 0
                                for j in 0..<d {
                                    acc[j] += gr[j] * xr[j]; acc[d + j] += gr[j]
                                    let gh = gr[j] * gam[j]
                                    m1 += gh; m2 += gh * xr[j]
                                }
                                m1 /= Float(d); m2 /= Float(d)
                                let s = inv[r]
                                for j in 0..<d { gr[j] = s * (gr[j] * gam[j] - m1 - xr[j] * m2) }
                            }
                        }
                    }
                } }
            } }
            var gg = [Float](repeating: 0, count: d), gb = [Float](repeating: 0, count: d)
            for p in partial { for j in 0..<d { gg[j] += p[j]; gb[j] += p[d + j] } }
            return [gx, Tensor(vector: gg), Tensor(vector: gb)]
        }
    }

    /// BatchNorm over channel axis 1 of [N, C] or [N, C, H, W]: each channel normalised with the
    /// batch's mean and biased variance when `training` (and the running statistics updated:
    /// r ← (1 − momentum)·r + momentum·batch, the running variance unbiased, as PyTorch), or
    /// with the running statistics when not training.
    public static func batchNorm(_ x: Variable, gamma: Variable, beta: Variable,
                                 runningMean: inout Tensor, runningVar: inout Tensor, training: Bool,
                                 momentum: Float = 0.1, epsilon: Float = 1e-5) throws -> Variable {
        guard x.shape.count >= 2 else { throw ShapeError(op: "batchNorm", message: "needs [N, C, ...], got \(x.shape)") }
        let c = x.shape[1], n = x.shape[0], hw = x.value.count / max(n * c, 1), group = n * hw
        guard gamma.shape == [c], beta.shape == [c], runningMean.shape == [c], runningVar.shape == [c] else {
            throw ShapeError(op: "batchNorm", message: "gamma, beta and running statistics should be [\(c)] for input \(x.shape)")
        }
        var mean = [Float](repeating: 0, count: c), inv = [Float](repeating: 0, count: c)
        let at = { (i: Int, ch: Int, k: Int) in (i * c + ch) * hw + k }
        for ch in 0..<c {
            if training {
                var s = 0.0, s2 = 0.0
                for i in 0..<n { for k in 0..<hw { let v = Double(x.value.data[at(i, ch, k)]); s += v; s2 += v * v } }
                let m = s / Double(group), v = max(s2 / Double(group) - m * m, 0)
                mean[ch] = Float(m); inv[ch] = Float(1 / (v + Double(epsilon)).squareRoot())
                runningMean.data[ch] = (1 - momentum) * runningMean.data[ch] + momentum * Float(m)
                runningVar.data[ch] = (1 - momentum) * runningVar.data[ch] + momentum * Float(v * Double(group) / Double(max(group - 1, 1)))
            } else {
                mean[ch] = runningMean.data[ch]; inv[ch] = 1 / (runningVar.data[ch] + epsilon).squareRoot()
            }
        }
        var xhat = x.value, y = x.value
        for i in 0..<n { for ch in 0..<c { for k in 0..<hw {
            let idx = at(i, ch, k)
            xhat.data[idx] = (x.value.data[idx] - mean[ch]) * inv[ch]
            y.data[idx] = gamma.value.data[ch] * xhat.data[idx] + beta.value.data[ch]
        } } }
        return record(training ? "batchNorm" : "batchNorm (eval)", y, [x, gamma, beta]) { g in
            var gx = g, gg = [Float](repeating: 0, count: c), gb = [Float](repeating: 0, count: c)
            for ch in 0..<c {
                var m1: Float = 0, m2: Float = 0
                let gam = gamma.value.data[ch]
                for i in 0..<n { for k in 0..<hw {
                    let idx = at(i, ch, k)
                    m1 += g.data[idx] * gam; m2 += g.data[idx] * gam * xhat.data[idx]
                    gg[ch] += g.data[idx] * xhat.data[idx]; gb[ch] += g.data[idx]
                } }
                m1 /= Float(group); m2 /= Float(group)
                for i in 0..<n { for k in 0..<hw {
                    let idx = at(i, ch, k)
                    gx.data[idx] = training ? inv[ch] * (g.data[idx] * gam - m1 - xhat.data[idx] * m2)
                                            : inv[ch] * g.data[idx] * gam
                } }
            }
            return [gx, Tensor(vector: gg), Tensor(vector: gb)]
        }
    }
}
