import COpenBLAS

public enum Solve {
    /// Solves A X = B for symmetric positive definite A (Cholesky, LAPACK `sposv`).
    /// a: [n, n], b: [n, m] → x: [n, m].
    public static func symmetricPositiveDefinite(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        try a.expectShape([-1, a.rows], "Solve.spd", name: "A")
        try b.expectShape([a.rows, -1], "Solve.spd", name: "B")
        let (n, m) = (a.rows, b.cols)
        // LAPACK is column-major: A is symmetric so it reads the same; B must be transposed in and out.
        var am = a.data
        var bm = try b.transposed().data
        var (nn, nrhs, lda, ldb, info) = (Int32(n), Int32(m), Int32(n), Int32(n), Int32(0))
        var uplo = Int8(UInt8(ascii: "U"))
        sposv_(&uplo, &nn, &nrhs, &am, &lda, &bm, &ldb, &info)
        guard info == 0 else {
            throw InputError("Solve.spd: the matrix is not positive definite (LAPACK sposv info = \(info))")
        }
        return try Tensor(shape: [m, n], data: bm).transposed()
    }
}
