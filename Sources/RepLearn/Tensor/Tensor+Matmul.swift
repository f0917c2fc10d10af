import COpenBLAS
import Dispatch

/// Matrix products through OpenBLAS `cblas_sgemm`.
extension Tensor {
    /// C = op(A)·op(B) where op transposes when asked.
    /// a: [m, k] (or [k, m] with transposeA), b: [k, n] (or [n, k] with transposeB) → [m, n].
    public static func matmul(_ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false) throws -> Tensor {
        guard a.rank == 2, b.rank == 2 else {
            throw ShapeError(op: "matmul", message: "needs two 2-D tensors, got \(a.shape) and \(b.shape)")
        }
        let (m, ka) = transposeA ? (a.shape[1], a.shape[0]) : (a.shape[0], a.shape[1])
        let (kb, n) = transposeB ? (b.shape[1], b.shape[0]) : (b.shape[0], b.shape[1])
        guard ka == kb else {
            let la = transposeA ? "\(a.shape)ᵀ" : "\(a.shape)"
            let lb = transposeB ? "\(b.shape)ᵀ" : "\(b.shape)"
            throw ShapeError(op: "matmul", message: "cannot multiply \(la) by \(lb): inner dimensions \(ka) and \(kb) differ")
        }
        var c = [Float].uninitialized(m * n)
        a.data.withUnsafeBufferPointer { pa in
            b.data.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    GEMM.run(transposeA, transposeB, m, n, ka, 1, pa.baseAddress!, pb.baseAddress!, 0, pc.baseAddress!)
                }
            }
        }
        return try Tensor(shape: [m, n], data: c)
    }

    /// self · other.
    public func matmul(_ other: Tensor) throws -> Tensor { try Tensor.matmul(self, other) }
}

/// The number of threads OpenBLAS uses. RepLearn sets it to 1 at its first product and splits
/// products across cores itself (see `GEMM`); LAPACK calls then run on one core.
public enum BLAS {
    public static var threads: Int {
        get { Int(openblas_get_num_threads()) }
        set { openblas_set_num_threads(Int32(newValue)) }
    }
}

extension Tensor {
    /// xᵀx for x: [n, d] → [d, d], symmetric, through `cblas_ssyrk` (half the flops of a general product).
    public static func gram(_ x: Tensor) throws -> Tensor {
        try x.expectShape([-1, -1], "gram", name: "x")
        let (n, d) = (x.rows, x.cols)
        _ = GEMM.singleThreadedBLAS
        // XᵀX = Σ over row blocks of X_bᵀX_b: one ssyrk per core, then the blocks are added.
        let parts = n * d * d < 1 << 22 ? 1 : Parallel.cores
        var blocks = [[Float]](repeating: [Float](repeating: 0, count: d * d), count: parts)
        if n > 0 && d > 0 {
            x.data.withUnsafeBufferPointer { px in
                blocks.withUnsafeMutableBufferPointer { bp in
                    let base = px.baseAddress!, out = bp.baseAddress!
                    DispatchQueue.concurrentPerform(iterations: parts) { p in
                        let (r0, r1) = (n * p / parts, n * (p + 1) / parts)
                        out[p].withUnsafeMutableBufferPointer { pc in
                            cblas_ssyrk(CblasRowMajor, CblasUpper, CblasTrans, Int32(d), Int32(r1 - r0), 1,
                                        base + r0 * d, Int32(d), 0, pc.baseAddress, Int32(d))
                        }
                    }
                }
            }
        }
        var c = blocks[0]
        for b in blocks.dropFirst() { for i in 0..<(d * d) { c[i] += b[i] } }
        for i in 0..<d { for j in 0..<i { c[i * d + j] = c[j * d + i] } }     // mirror the upper triangle
        return try Tensor(shape: [d, d], data: c)
    }
}
