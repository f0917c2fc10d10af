import Foundation

/// Losses, fused with their softmax where they have one, so that the backward is the familiar
/// closed form: for ℓ = −Σ_q t_q log softmax(z)_q, ∂ℓ/∂z = softmax(z)·Σ_q t_q − t.
extension Variable {
    /// Mean over positions of −wₚ·log softmax(zₚ)[labelₚ]. logits: classes along `axis`
    /// (e.g. [n, Q] with axis 1, or [N, Q, H, W] with axis 1); labels: one class per position,
    /// positions in row-major order of the other axes; weights (optional): one per position.
    /// The mean divides by the number of positions (not by Σw).
    public func crossEntropy(labels: [Int], axis: Int = -1, weights: [Float]? = nil) throws -> Variable {
        let ax = try axes([axis], "crossEntropy")[0]
        let (outer, q, inner) = value.split(at: ax)
        let positions = outer * inner
        guard labels.count == positions else {
            throw ShapeError(op: "crossEntropy", message: "\(labels.count) labels for \(positions) positions of logits \(shape) (classes on axis \(ax))")
        }
        if let bad = labels.first(where: { $0 < 0 || $0 >= q }) {
            throw ShapeError(op: "crossEntropy", message: "label \(bad) outside 0..<\(q) classes")
        }
        var targets = Tensor.zeros(shape)
        for (p, c) in labels.enumerated() { targets.data[(p / inner * q + c) * inner + p % inner] = 1 }
        return try crossEntropy(targets: targets, axis: ax, weights: weights, op: "crossEntropy")
    }

    /// Mean over positions of −wₚ·Σ_q t_{p,q} log softmax(zₚ)_q against soft targets of the
    /// logits' shape (each position's targets usually sum to 1, as colorization's soft encoding).
    public func crossEntropy(targets: Tensor, axis: Int = -1, weights: [Float]? = nil) throws -> Variable {
        try crossEntropy(targets: targets, axis: axis, weights: weights, op: "softCrossEntropy")
    }

    private func crossEntropy(targets: Tensor, axis: Int, weights: [Float]?, op: String) throws -> Variable {
        let ax = try axes([axis], op)[0]
        guard targets.shape == shape else {
            throw ShapeError(op: op, message: "targets \(targets.shape) and logits \(shape) differ")
        }
        let (outer, q, inner) = value.split(at: ax)
        let positions = outer * inner
        if let weights, weights.count != positions {
            throw ShapeError(op: op, message: "\(weights.count) weights for \(positions) positions")
        }
        let logp = value.softmax(axis: ax, log: true)
        var loss = 0.0
        var grad = logp             // becomes (softmax·Σt − t)·w/P
        let scale = 1 / Float(max(positions, 1))
        grad.data.withUnsafeMutableBufferPointer { gd in
            targets.data.withUnsafeBufferPointer { t in
                // loss per position, and Σ_q t (the softmax's factor in the gradient)
                var tsum = [Float](repeating: 0, count: positions), lsum = [Float](repeating: 0, count: positions)
                for o in 0..<outer { for c in 0..<q {
                    let row = (o * q + c) * inner
                    for i in 0..<inner { let k = row + i; lsum[o * inner + i] -= t[k] * gd[k]; tsum[o * inner + i] += t[k] }
                } }
                for p in 0..<positions { loss += Double((weights?[p] ?? 1) * lsum[p]) }
                FastMath.expInPlace(gd.baseAddress!, gd.count)          // log p → p
                for o in 0..<outer { for c in 0..<q {
                    let row = (o * q + c) * inner
                    for i in 0..<inner {
                        let k = row + i, pos = o * inner + i
                        gd[k] = (gd[k] * tsum[pos] - t[k]) * ((weights?[pos] ?? 1) * scale)
                    }
                } }
            }
        }
        let out = Tensor(vector: [Float(loss / Double(max(positions, 1)))])
        return Variable.record(op, try out.reshaped([]), [self]) { g in [grad * g.data[0]] }
    }

    /// Mean squared error against a constant target. Without a mask: mean over every entry.
    /// With a mask over the leading axes (pred [B, N, D], mask [B, N] of 0/1, as MAE's masked
    /// patches): each position's error is averaged over the trailing axes, and the loss is
    /// Σ maskₚ·errₚ / Σ maskₚ.
    public func mseLoss(target: Tensor, mask: Tensor? = nil) throws -> Variable {
        guard target.shape == shape else {
            throw ShapeError(op: "mseLoss", message: "prediction \(shape) and target \(target.shape) differ")
        }
        let positions = mask?.count ?? 1
        if let mask, Array(shape.prefix(mask.shape.count)) != mask.shape {
            throw ShapeError(op: "mseLoss", message: "mask \(mask.shape) should match the leading axes of the prediction \(shape)")
        }
        let per = value.count / max(positions, 1)
        let maskSum = mask.map { Double($0.data.reduce(0, +)) } ?? 1
        guard maskSum > 0 else { throw InputError("mseLoss: the mask selects no position") }
        var loss = 0.0
        var grad = Tensor.zeros(shape)
        for p in 0..<positions {
            let m = mask?.data[p] ?? 1
            if m == 0 { continue }
            let f = Float(Double(m) / maskSum / Double(per))
            var s: Float = 0
            for i in (p * per)..<((p + 1) * per) {
                let d = value.data[i] - target.data[i]
                s += d * d
                grad.data[i] = 2 * d * f
            }
            loss += Double(s) * Double(f)
        }
        return Variable.record("mseLoss", try Tensor(vector: [Float(loss)]).reshaped([]), [self]) { g in [grad * g.data[0]] }
    }
}
