import COpenBLAS

/// Eigendecomposition of a symmetric matrix through LAPACK `ssyevd` (divide and conquer).
public struct SymmetricEigen {
    /// Eigenvalues in *descending* order, [n].
    public let values: [Float]
    /// Eigenvectors as rows, in the same order: vectors[i] · A = values[i] · vectors[i]; [n, n].
    public let vectors: Tensor

    /// a: [n, n], symmetric (only one triangle is read).
    public init(_ a: Tensor) throws {
        try a.expectShape([-1, a.rows], "SymmetricEigen", name: "matrix")
        let n = a.rows
        guard a.isFinite else { throw InputError("SymmetricEigen: the matrix has NaN or ∞ entries") }
        // Row-major A is column-major Aᵀ = A, so LAPACK sees the same matrix; its column
        // eigenvectors come back as our rows.
        var m = a.data
        var w = [Float](repeating: 0, count: n)
        var (nn, lda, info) = (Int32(n), Int32(max(n, 1)), Int32(0))
        var (jobz, uplo) = (Int8(UInt8(ascii: "V")), Int8(UInt8(ascii: "U")))
        var lwork: Int32 = -1, liwork: Int32 = -1
        var wq: Float = 0, iq: Int32 = 0
        ssyevd_(&jobz, &uplo, &nn, &m, &lda, &w, &wq, &lwork, &iq, &liwork, &info)
        lwork = Int32(wq); liwork = iq
        var work = [Float](repeating: 0, count: Int(max(lwork, 1)))
        var iwork = [Int32](repeating: 0, count: Int(max(liwork, 1)))
        ssyevd_(&jobz, &uplo, &nn, &m, &lda, &w, &work, &lwork, &iwork, &liwork, &info)
        guard info == 0 else { throw InputError("SymmetricEigen: LAPACK ssyevd failed (info = \(info))") }
        // LAPACK returns ascending order; reverse to descending.
        var vecs = [Float](repeating: 0, count: n * n)
        for r in 0..<n { for c in 0..<n { vecs[r * n + c] = m[(n - 1 - r) * n + c] } }
        values = w.reversed()
        vectors = try Tensor(shape: [n, n], data: vecs)
    }
}
