/// Multi-head self-attention read straight from the packed projections, one (image, head) pair
/// at a time, the pairs spread over the cores. For each pair, with q, k, v: [T, dₕ] and s = 1/√dₕ:
///     P = softmax(s·q·kᵀ) (rows), O = P·v;
/// backward, from ∂O: ∂v = Pᵀ·∂O, ∂P = ∂O·vᵀ, ∂S = P ⊙ (∂P − rowsum(∂P ⊙ P)) (the softmax's
/// vector–Jacobian product, ``Variable/softmax(axis:)``), ∂q = s·∂S·k, ∂k = s·∂Sᵀ·q.
/// The heads are never copied out: each is a [T, dₕ] block of the [T, 3D] rows, addressed through
/// sgemm's leading dimension, and each head's output is written into its columns of [T, D].
extension Variable {
    /// qkv: [B, T, 3D] (q, k and v side by side, each D = heads·dₕ wide, head j in columns
    /// j·dₕ..<(j + 1)·dₕ of each) → [B, T, D], head j's softmax(q·kᵀ/√dₕ)·v in its columns.
    /// The same numbers as splitting into heads, ``scaledDotProductAttention(_:_:_:mask:)`` and
    /// merging them again (EngineTests checks this).
    public static func multiHeadAttention(packed qkv: Variable, heads: Int) throws -> Variable {
        guard qkv.shape.count == 3, heads > 0, qkv.shape[2] % (3 * heads) == 0 else {
            throw ShapeError(op: "multiHeadAttention", message: "needs [B, T, 3·D] with D divisible by \(heads) heads, got \(qkv.shape)")
        }
        let (b, t, w) = (qkv.shape[0], qkv.shape[1], qkv.shape[2])
        let d = w / 3, dh = d / heads, scale = 1 / Float(dh).squareRoot()
        let pairs = b * heads
        var probs = [Float].uninitialized(pairs * t * t)             // P of every pair, kept for the backward
        var out = Tensor(shape: [b, t, d], uninitialized: b * t * d)
        _ = GEMM.singleThreadedBLAS
        qkv.value.data.withUnsafeBufferPointer { src in probs.withUnsafeMutableBufferPointer { pp in out.data.withUnsafeMutableBufferPointer { po in
            let (X, P, O) = (src.baseAddress!, pp.baseAddress!, po.baseAddress!)
            Parallel.chunks(pairs, minimumPerPart: max(1, 4096 / max(t * t * dh, 1))) { _, range in
                for pair in range {
                    let (i, j) = (pair / heads, pair % heads)
                    let q = X + i * t * w + j * dh, v = q + 2 * d, p = P + pair * t * t
                    GEMM.strided(false, true, t, t, dh, scale, q, w, q + d, w, 0, p, t)          // S = s·q·kᵀ
                    for r in 0..<t { Tensor.softmaxRow(p + r * t, t, false) }
                    GEMM.strided(false, false, t, dh, t, 1, p, t, v, w, 0, O + i * t * d + j * dh, d)   // O = P·v
                }
            }
        } } }
        return record("multiHeadAttention", out, [qkv]) { g in
            var grad = Tensor(shape: qkv.shape, uninitialized: qkv.value.count)   // every column is written: ∂q, ∂k, ∂v
            qkv.value.data.withUnsafeBufferPointer { src in probs.withUnsafeBufferPointer { pp in
            g.data.withUnsafeBufferPointer { pg in grad.data.withUnsafeMutableBufferPointer { pd in
                let (X, P, G, D) = (src.baseAddress!, pp.baseAddress!, pg.baseAddress!, pd.baseAddress!)
                Parallel.chunks(pairs, minimumPerPart: max(1, 4096 / max(t * t * dh, 1))) { _, range in
                    let ds = UnsafeMutablePointer<Float>.allocate(capacity: t * t)
                    defer { ds.deallocate() }
                    for pair in range {
                        let (i, j) = (pair / heads, pair % heads)
                        let q = X + i * t * w + j * dh, k = q + d, v = q + 2 * d, p = P + pair * t * t
                        let go = G + i * t * d + j * dh, dq = D + i * t * w + j * dh, dk = dq + d, dv = dq + 2 * d
                        GEMM.strided(true, false, t, dh, t, 1, p, t, go, d, 0, dv, w)             // ∂v = Pᵀ·∂O
                        GEMM.strided(false, true, t, t, dh, 1, go, d, v, w, 0, ds, t)             // ∂P = ∂O·vᵀ
                        for r in 0..<t {
                            let (pr, sr) = (p + r * t, ds + r * t)
                            var dot: Float = 0
                            for c in 0..<t { dot += sr[c] * pr[c] }
                            for c in 0..<t { sr[c] = pr[c] * (sr[c] - dot) * scale }       // s·∂S
                        }
                        GEMM.strided(false, false, t, dh, t, 1, ds, t, k, w, 0, dq, w)            // ∂q = s·∂S·k
                        GEMM.strided(true, false, t, dh, t, 1, ds, t, q, w, 0, dk, w)             // ∂k = s·∂Sᵀ·q
                    }
                }
            } } } }
            return [grad]
        }
    }
}
