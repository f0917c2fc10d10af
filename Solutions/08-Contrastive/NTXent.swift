import Course
import Foundation
import RepLearn

// Exercise 8.2 — NT-Xent, the normalised-temperature cross-entropy of SimCLR (Chen et al. 2020).
extension ReferenceContrastive {
    public func ntXent(_ z: Tensor, temperature tau: Float) throws -> NTXentLoss {
        guard z.rank == 2, z.rows >= 2, z.rows % 2 == 0 else {
            throw ShapeError(op: "ntXent", message: "z should be [2N, d] with N ≥ 1 but has shape \(z.shape)")
        }
        let (m, d, n) = (z.rows, z.cols, z.rows / 2)
        // u = rows of z on the unit sphere; S = u uᵀ / τ (cosine similarities over τ).
        let norms = try z.rowNorms().map { max($0, 1e-12) }
        var u = z
        for i in 0..<m { for j in 0..<d { u[i, j] /= norms[i] } }
        let s = try Tensor.matmul(u, u, transposeB: true) * (1 / tau)
        // Row i: a softmax over k ≠ i, the positive at p(i) = (i + N) mod 2N.
        var loss = 0.0
        var dS = Tensor.zeros([m, m])                       // ∂loss/∂S
        for i in 0..<m {
            let p = (i + n) % m
            var top = -Float.infinity
            for k in 0..<m where k != i { top = max(top, s[i, k]) }
            var total: Double = 0
            for k in 0..<m where k != i { total += exp(Double(s[i, k] - top)) }
            loss += (Double(top) + log(total) - Double(s[i, p])) / Double(m)
            for k in 0..<m where k != i {
                dS[i, k] = Float(exp(Double(s[i, k] - top)) / total) / Float(m)
            }
            dS[i, p] -= 1 / Float(m)
        }
        // S = u uᵀ/τ → ∂/∂u = (dS + dSᵀ) u / τ; then through u = z/‖z‖: ∂/∂z = (g − u (uᵀg)) / ‖z‖.
        let sym = try dS + dS.transposed()
        let du = try Tensor.matmul(sym, u) * (1 / tau)
        var dz = du
        for i in 0..<m {
            var dot: Float = 0
            for j in 0..<d { dot += u[i, j] * du[i, j] }
            for j in 0..<d { dz[i, j] = (du[i, j] - u[i, j] * dot) / norms[i] }
        }
        return NTXentLoss(loss: loss, gradient: dz)
    }
}
