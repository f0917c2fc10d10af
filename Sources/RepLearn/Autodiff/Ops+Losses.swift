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
        // One pass per [Q, inner] block (split across cores): shifted logits → e^{z − max} in the
        // gradient's buffer, then ℓₚ = Σ_q tₚ_q·(log Σe − (z − max)) and the gradient in place.
        var grad = Tensor(shape: shape, uninitialized: value.count)
        var perPosition = [Float](repeating: 0, count: positions)          // wₚ·ℓₚ
        let scale = 1 / Float(max(positions, 1))
        let w = weights ?? []
        value.data.withUnsafeBufferPointer { zp in targets.data.withUnsafeBufferPointer { tp in
        grad.data.withUnsafeMutableBufferPointer { gp in perPosition.withUnsafeMutableBufferPointer { lp in w.withUnsafeBufferPointer { wp in
            let (Z, T, G, L) = (zp.baseAddress!, tp.baseAddress!, gp.baseAddress!, lp.baseAddress!)
            let W = weights == nil ? nil : wp.baseAddress
            Parallel.chunks(outer, minimumPerPart: max(1, 16384 / max(q * inner, 1))) { _, blocks in
                for o in blocks {
                    let at = o * q * inner
                    Self.softCrossEntropyBlock(Z + at, T + at, G + at, L + o * inner, q, inner, W.map { $0 + o * inner }, scale)
                }
            }
        } } } } }
        var loss = 0.0
        for l in perPosition { loss += Double(l) }                        // in order: the same sum on any split
        let out = Tensor(vector: [Float(loss / Double(max(positions, 1)))])
        return Variable.record(op, try out.reshaped([]), [self]) { g in [grad * g.data[0]] }
    }

    /// One block of logits z: [Q, inner] (classes strided by `inner`) with targets t → g = the
    /// gradient (softmax·Σt − t)·w·scale and l[i] = wᵢ·(−Σ_q t log softmax) per inner position.
    static func softCrossEntropyBlock(_ z: UnsafePointer<Float>, _ t: UnsafePointer<Float>, _ g: UnsafeMutablePointer<Float>,
                                      _ l: UnsafeMutablePointer<Float>, _ q: Int, _ inner: Int, _ w: UnsafePointer<Float>?, _ scale: Float) {
        if inner == 1 {
            var mx = -Float.infinity
            for j in 0..<q where z[j] > mx { mx = z[j] }
            if mx == -.infinity { mx = 0 }
            for j in 0..<q { g[j] = z[j] - mx }
            var tz: Float = 0, ts: Float = 0
            for j in 0..<q { tz += t[j] * g[j]; ts += t[j] }
            FastMath.expInPlace(g, q)
            var s: Float = 0
            for j in 0..<q { s += g[j] }
            let wi = w?[0] ?? 1
            l[0] = wi * (ts * Foundation.log(s) - tz)
            let (a, f) = (ts / s * wi * scale, wi * scale)
            for j in 0..<q { g[j] = g[j] * a - t[j] * f }
            return
        }
        var mx = [Float](repeating: -.infinity, count: inner), s = [Float](repeating: 0, count: inner)
        var ts = [Float](repeating: 0, count: inner), tz = [Float](repeating: 0, count: inner)
        for j in 0..<q { let row = z + j * inner; for i in 0..<inner where row[i] > mx[i] { mx[i] = row[i] } }
        for i in 0..<inner where mx[i] == -.infinity { mx[i] = 0 }
        for j in 0..<q {
            let (zr, tr, gr) = (z + j * inner, t + j * inner, g + j * inner)
            for i in 0..<inner { let d = zr[i] - mx[i]; gr[i] = d; tz[i] += tr[i] * d; ts[i] += tr[i] }
        }
        FastMath.expInPlace(g, q * inner)
        for j in 0..<q { let gr = g + j * inner; for i in 0..<inner { s[i] += gr[i] } }
        var a = [Float](repeating: 0, count: inner), f = [Float](repeating: 0, count: inner)
        for i in 0..<inner {
            let wi = w?[i] ?? 1
            l[i] = wi * (ts[i] * Foundation.log(s[i]) - tz[i])
            (a[i], f[i]) = (ts[i] / s[i] * wi * scale, wi * scale)
        }
        for j in 0..<q {
            let (tr, gr) = (t + j * inner, g + j * inner)
            for i in 0..<inner { gr[i] = gr[i] * a[i] - tr[i] * f[i] }
        }
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
