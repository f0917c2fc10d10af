import COpenBLAS

/// Orthonormalisation and singular values through LAPACK.
public enum QR {
    /// rows: [k, d] with k ≤ d, full rank → Q: [k, d] with orthonormal rows spanning the same
    /// subspace (Householder QR of the d×k matrix of columns, LAPACK sgeqrf + sorgqr).
    public static func orthonormalRows(_ rows: Tensor) throws -> Tensor {
        try rows.expectShape([-1, -1], "QR.orthonormalRows", name: "rows")
        let (k, d) = (rows.rows, rows.cols)
        guard k >= 1, k <= d else { throw ShapeError(op: "QR.orthonormalRows", message: "need 1 ≤ k ≤ d rows, got \(rows.shape)") }
        // Row-major [k, d] is column-major d×k: exactly the matrix whose columns are our rows.
        var a = rows.data
        var tau = [Float](repeating: 0, count: k)
        var (m, n, lda, info, lwork) = (Int32(d), Int32(k), Int32(d), Int32(0), Int32(-1))
        var q: Float = 0
        sgeqrf_(&m, &n, &a, &lda, &tau, &q, &lwork, &info)
        lwork = Int32(q)
        var work = [Float](repeating: 0, count: Int(max(lwork, 1)))
        sgeqrf_(&m, &n, &a, &lda, &tau, &work, &lwork, &info)
        guard info == 0 else { throw InputError("QR: LAPACK sgeqrf failed (info = \(info))") }
        var kk = Int32(k)
        lwork = -1
        sorgqr_(&m, &n, &kk, &a, &lda, &tau, &q, &lwork, &info)
        lwork = Int32(q)
        work = [Float](repeating: 0, count: Int(max(lwork, 1)))
        sorgqr_(&m, &n, &kk, &a, &lda, &tau, &work, &lwork, &info)
        guard info == 0 else { throw InputError("QR: LAPACK sorgqr failed (info = \(info))") }
        return try Tensor(shape: [k, d], data: a)
    }

    /// Singular values of a: [m, n], descending (LAPACK sgesdd, no vectors).
    public static func singularValues(_ a: Tensor) throws -> [Float] {
        try a.expectShape([-1, -1], "QR.singularValues", name: "matrix")
        guard a.isFinite else { throw InputError("singularValues: the matrix has NaN or ∞ entries") }
        // Row-major [m, n] is column-major n×m (the transpose): same singular values.
        var (m, n) = (Int32(a.cols), Int32(a.rows))
        var data = a.data
        var s = [Float](repeating: 0, count: Int(min(m, n)))
        var jobz = Int8(UInt8(ascii: "N"))
        var (lda, ldu, ldvt, info, lwork) = (max(m, 1), Int32(1), Int32(1), Int32(0), Int32(-1))
        var u: Float = 0, vt: Float = 0, q: Float = 0
        var iwork = [Int32](repeating: 0, count: 8 * Int(min(m, n)) + 8)
        sgesdd_(&jobz, &m, &n, &data, &lda, &s, &u, &ldu, &vt, &ldvt, &q, &lwork, &iwork, &info)
        lwork = Int32(q)
        var work = [Float](repeating: 0, count: Int(max(lwork, 1)))
        sgesdd_(&jobz, &m, &n, &data, &lda, &s, &u, &ldu, &vt, &ldvt, &work, &lwork, &iwork, &info)
        guard info == 0 else { throw InputError("singularValues: LAPACK sgesdd failed (info = \(info))") }
        return s
    }
}
