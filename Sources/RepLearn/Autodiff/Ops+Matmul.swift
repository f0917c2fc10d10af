import COpenBLAS
import Dispatch

/// Matrix products through sgemm. For C = A·B the vector–Jacobian products are
/// ∂L/∂A = G·Bᵀ and ∂L/∂B = Aᵀ·G (G = ∂L/∂C), each one more sgemm.
enum GEMM {
    /// OpenBLAS runs single-threaded and products are split across cores here instead: its own
    /// worker threads spin (sched_yield) between calls and would take a core from the engine's
    /// parallel loops, which on 2 cores cost more than they saved.
    static let singleThreadedBLAS: Void = { openblas_set_num_threads(1) }()

    /// C[m, n] = α·op(A)·op(B) + β·C on raw row-major pointers (op = transpose when asked).
    @inline(__always)
    static func run(_ ta: Bool, _ tb: Bool, _ m: Int, _ n: Int, _ k: Int, _ alpha: Float,
                    _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ beta: Float, _ c: UnsafeMutablePointer<Float>) {
        guard m > 0 && n > 0 && k > 0 else {
            if beta == 0 && m > 0 && n > 0 { c.update(repeating: 0, count: m * n) }
            return
        }
        _ = singleThreadedBLAS
        if n <= 256 && m >= 8 * n {
            // Tall, narrow C (k-means' [n, k] distances): blocks of at most 1024 rows (at least one
            // per core), whole blocks spread over the cores, each one single-threaded sgemm straight
            // into C (measured faster than one product per core, or Cᵀ = op(B)ᵀ·op(A)ᵀ run wide and transposed).
            let rows = max(64, min(1024, (m + Parallel.cores - 1) / Parallel.cores)), blocks = (m + rows - 1) / rows
            Parallel.chunks(blocks, minimumPerPart: Double(m) * Double(n) * Double(k) < 524_288 ? blocks : 1) { _, range in
                for blk in range {
                    let (i0, i1) = (blk * rows, min(m, (blk + 1) * rows))
                    strided(ta, tb, i1 - i0, n, k, alpha, a + (ta ? i0 : i0 * k), ta ? m : k, b, tb ? k : n, beta, c + i0 * n, n)
                }
            }
            return
        }
        let (lda, ldb) = (ta ? m : k, tb ? k : n)
        let work: Double = Double(m) * Double(n) * Double(k)
        let parts: Int = work < 524_288 ? 1 : min(Parallel.cores, max(m, n) / 16)
        if parts <= 1 { strided(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, n); return }
        // Split the larger side of C into one block per core; each block is an independent product.
        DispatchQueue.concurrentPerform(iterations: parts) { p in
            if n >= m {
                let (j0, j1) = (n * p / parts, n * (p + 1) / parts)
                strided(ta, tb, m, j1 - j0, k, alpha, a, lda, b + (tb ? j0 * k : j0), ldb, beta, c + j0, n)
            } else {
                let (i0, i1) = (m * p / parts, m * (p + 1) / parts)
                strided(ta, tb, i1 - i0, n, k, alpha, a + (ta ? i0 : i0 * k), lda, b, ldb, beta, c + i0 * n, n)
            }
        }
    }

    @inline(__always)
    static func strided(_ ta: Bool, _ tb: Bool, _ m: Int, _ n: Int, _ k: Int, _ alpha: Float,
                        _ a: UnsafePointer<Float>, _ lda: Int, _ b: UnsafePointer<Float>, _ ldb: Int,
                        _ beta: Float, _ c: UnsafeMutablePointer<Float>, _ ldc: Int) {
        cblas_sgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// B products C_b += op(A_b)·op(B_b), each [m, n]. Large products go to ``run`` one after
    /// another (it splits each across cores); small ones (attention's T×T scores) are spread
    /// over the cores as whole matrices, one single-threaded sgemm each.
    static func batched(_ batch: Int, _ ta: Bool, _ tb: Bool, _ m: Int, _ n: Int, _ k: Int,
                        _ a: Tensor, _ b: Tensor, accumulateInto c: inout [Float]) {
        a.data.withUnsafeBufferPointer { pa in
            b.data.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    let (A, B, C) = (pa.baseAddress!, pb.baseAddress!, pc.baseAddress!)
                    if m * n * k > 1 << 19 {
                        for i in 0..<batch { run(ta, tb, m, n, k, 1, A + i * m * k, B + i * k * n, 1, C + i * m * n) }
                        return
                    }
                    _ = singleThreadedBLAS
                    Parallel.chunks(batch, minimumPerPart: max(1, (1 << 15) / max(m * n * k, 1))) { _, range in
                        for i in range {
                            strided(ta, tb, m, n, k, 1, A + i * m * k, ta ? m : k, B + i * k * n, tb ? k : n, 1, C + i * m * n, n)
                        }
                    }
                }
            }
        }
    }
}

extension Variable {
    /// a: [m, k] · b: [k, n] → [m, n] (op(·) transposes when asked: a [k, m] with transposeA …).
    public static func matmul(_ a: Variable, _ b: Variable, transposeA: Bool = false, transposeB: Bool = false) throws -> Variable {
        let out = try Tensor.matmul(a.value, b.value, transposeA: transposeA, transposeB: transposeB)
        return record("matmul", out, [a, b]) { g in
            // C = A·B: dA = G·Bᵀ, dB = Aᵀ·G, with the transposes folded in.
            let ga = transposeA ? try Tensor.matmul(b.value, g, transposeA: transposeB, transposeB: true)
                                : try Tensor.matmul(g, b.value, transposeB: !transposeB)
            let gb = transposeB ? try Tensor.matmul(g, a.value, transposeA: true, transposeB: transposeA)
                                : try Tensor.matmul(a.value, g, transposeA: !transposeA)
            return [a.requiresGrad ? ga : nil, b.requiresGrad ? gb : nil]
        }
    }

    /// a: [B, m, k] · b: [B, k, n] → [B, m, n] (any leading axes, the same for both; transposes
    /// apply to each matrix).
    public static func batchedMatmul(_ a: Variable, _ b: Variable, transposeA: Bool = false, transposeB: Bool = false) throws -> Variable {
        let (ra, rb) = (a.shape.count, b.shape.count)
        guard ra >= 3, ra == rb, a.shape.dropLast(2) == b.shape.dropLast(2) else {
            throw ShapeError(op: "batchedMatmul", message: "needs two tensors [..., m, k] and [..., k, n] with the same leading axes, got \(a.shape) and \(b.shape)")
        }
        let (m, ka) = transposeA ? (a.shape[ra - 1], a.shape[ra - 2]) : (a.shape[ra - 2], a.shape[ra - 1])
        let (kb, n) = transposeB ? (b.shape[rb - 1], b.shape[rb - 2]) : (b.shape[rb - 2], b.shape[rb - 1])
        guard ka == kb else {
            throw ShapeError(op: "batchedMatmul", message: "cannot multiply \(a.shape) by \(b.shape)\(transposeB ? "ᵀ" : ""): inner dimensions \(ka) and \(kb) differ")
        }
        let batch = a.shape.dropLast(2).reduce(1, *)
        var c = [Float](repeating: 0, count: batch * m * n)
        GEMM.batched(batch, transposeA, transposeB, m, n, ka, a.value, b.value, accumulateInto: &c)
        let out = try Tensor(shape: Array(a.shape.dropLast(2)) + [m, n], data: c)
        return record("batchedMatmul", out, [a, b]) { g in
            var ga = [Float](repeating: 0, count: a.value.count), gb = [Float](repeating: 0, count: b.value.count)
            if a.requiresGrad {   // dA = G·Bᵀ (or B·Gᵀ when A was transposed)
                if transposeA { GEMM.batched(batch, transposeB, true, ka, m, n, b.value, g, accumulateInto: &ga) }
                else { GEMM.batched(batch, false, !transposeB, m, ka, n, g, b.value, accumulateInto: &ga) }
            }
            if b.requiresGrad {   // dB = Aᵀ·G (or Gᵀ·A when B was transposed)
                if transposeB { GEMM.batched(batch, true, transposeA, n, ka, m, g, a.value, accumulateInto: &gb) }
                else { GEMM.batched(batch, !transposeA, false, ka, n, m, a.value, g, accumulateInto: &gb) }
            }
            return [try Tensor(shape: a.shape, data: ga), try Tensor(shape: b.shape, data: gb)]
        }
    }

    /// The affine map of a Linear layer on the last axis: x: [..., in], weight: [out, in] (PyTorch's
    /// layout), bias: [out] → x·Wᵀ + b, [..., out]. One sgemm forward, two backward.
    public static func linear(_ x: Variable, weight: Variable, bias: Variable?) throws -> Variable {
        guard weight.shape.count == 2, let din = x.shape.last, din == weight.shape[1] else {
            throw ShapeError(op: "linear", message: "input \(x.shape) does not end in the weight's input size: weight is \(weight.shape) ([out, in])")
        }
        let dout = weight.shape[0], rows = x.value.count / max(din, 1)
        if let bias, bias.shape != [dout] {
            throw ShapeError(op: "linear", message: "bias should have shape [\(dout)] but has \(bias.shape)")
        }
        var y = [Float].uninitialized(rows * dout)
        y.withUnsafeMutableBufferPointer { py in
            if let bias {
                bias.value.data.withUnsafeBufferPointer { pb in
                    for r in 0..<rows { (py.baseAddress! + r * dout).update(from: pb.baseAddress!, count: dout) }
                }
            }
            x.value.data.withUnsafeBufferPointer { px in
                weight.value.data.withUnsafeBufferPointer { pw in
                    GEMM.run(false, true, rows, dout, din, 1, px.baseAddress!, pw.baseAddress!, bias == nil ? 0 : 1, py.baseAddress!)
                }
            }
        }
        let out = try Tensor(shape: Array(x.shape.dropLast()) + [dout], data: y)
        let parents = bias.map { [x, weight, $0] } ?? [x, weight]
        return record("linear", out, parents) { g in
            var gx: Tensor? = nil
            if x.requiresGrad {
                var d = [Float].uninitialized(rows * din)
                g.data.withUnsafeBufferPointer { pg in weight.value.data.withUnsafeBufferPointer { pw in d.withUnsafeMutableBufferPointer { pd in
                    GEMM.run(false, false, rows, din, dout, 1, pg.baseAddress!, pw.baseAddress!, 0, pd.baseAddress!)
                } } }
                gx = try Tensor(shape: x.shape, data: d)
            }
            var gw = [Float].uninitialized(dout * din)
            g.data.withUnsafeBufferPointer { pg in x.value.data.withUnsafeBufferPointer { px in gw.withUnsafeMutableBufferPointer { pw in
                GEMM.run(true, false, dout, din, rows, 1, pg.baseAddress!, px.baseAddress!, 0, pw.baseAddress!)
            } } }
            var grads: [Tensor?] = [gx, try Tensor(shape: weight.shape, data: gw)]
            if bias != nil { grads.append(try g.reshaped([rows, dout]).columnSums()) }
            return grads
        }
    }
}
