import Course
import Foundation
import RepLearn

// Exercise 6.5 — one attention head: S = q·kᵀ/√d + M, A = softmax over each row, O = A·v.
// Backward: ∂v = Aᵀ·G, ∂A = G·vᵀ, ∂S = A ⊙ (∂A − rowsum(∂A ⊙ A)), ∂q = ∂S·k/√d, ∂k = ∂Sᵀ·q/√d.
extension ReferenceMAE {
    func attentionWeights(q: Tensor, k: Tensor, mask: Tensor?) throws -> Tensor {
        guard q.rank == 2, k.rank == 2, q.cols == k.cols else {
            throw ShapeError(op: "attention", message: "q \(q.shape) and k \(k.shape) need the same width d")
        }
        var scores = try q.matmul(k.transposed()) * (1 / Float(q.cols).squareRoot())
        if let mask {
            guard mask.shape == scores.shape else { throw ShapeError(op: "attention", message: "mask \(mask.shape) is not [\(q.rows), \(k.rows)]") }
            scores = try scores + mask
        }
        for i in 0..<scores.rows {                                      // softmax over each row (over keys)
            let m = scores.row(i).max() ?? 0
            var z: Float = 0
            for j in 0..<scores.cols { scores[i, j] = Foundation.exp(scores[i, j] - m); z += scores[i, j] }
            for j in 0..<scores.cols { scores[i, j] /= z }
        }
        return scores
    }

    public func attentionForward(q: Tensor, k: Tensor, v: Tensor, mask: Tensor?) throws -> Tensor {
        try attentionWeights(q: q, k: k, mask: mask).matmul(v)
    }

    public func attentionBackward(q: Tensor, k: Tensor, v: Tensor, mask: Tensor?, outputGradient g: Tensor) throws -> AttentionGradients {
        let a = try attentionWeights(q: q, k: k, mask: mask)
        let dv = try a.transposed().matmul(g)
        let da = try g.matmul(v.transposed())
        var ds = a
        for i in 0..<a.rows {
            var dot: Float = 0
            for j in 0..<a.cols { dot += da[i, j] * a[i, j] }
            for j in 0..<a.cols { ds[i, j] = a[i, j] * (da[i, j] - dot) }
        }
        let scale = 1 / Float(q.cols).squareRoot()
        return AttentionGradients(q: try ds.matmul(k) * scale, k: try ds.transposed().matmul(q) * scale, v: dv)
    }
}
