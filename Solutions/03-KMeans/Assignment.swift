import Course
import RepLearn

// Exercise 3.1 — the assignment step.
extension ReferenceKMeans {
    /// D = ‖x‖²·1ᵀ − 2 x cᵀ + 1·‖c‖²ᵀ, clamped at 0 (rounding can make it slightly negative).
    public func squaredDistances(_ x: Tensor, _ centers: Tensor) throws -> Tensor {
        try centers.expectShape([-1, x.cols], "squaredDistances", name: "centers")
        var dist = try Tensor.matmul(x, centers, transposeB: true)            // x·c, [n, k]
        let xn = try x.rowNorms().map { $0 * $0 }, cn = try centers.rowNorms().map { $0 * $0 }
        let k = centers.rows
        dist.data.withUnsafeMutableBufferPointer { d in
            for i in 0..<x.rows { for j in 0..<k { d[i * k + j] = max(xn[i] - 2 * d[i * k + j] + cn[j], 0) } }
        }
        return dist
    }

    /// argmin_j ‖xᵢ − cⱼ‖²; ‖xᵢ‖² is the same for every j, so only ‖c‖² − 2x·c is compared.
    /// The products are computed as C·Xᵀ ([k, n]): OpenBLAS runs this orientation about twice as
    /// fast as X·Cᵀ for n ≫ k, and the arg-min then streams over contiguous rows.
    public func assign(_ x: Tensor, _ centers: Tensor) throws -> [Int] {
        try centers.expectShape([-1, x.cols], "assign", name: "centers")
        let dots = try Tensor.matmul(centers, x, transposeB: true)            // [k, n]
        let cn = try centers.rowNorms().map { $0 * $0 }
        let (k, n) = (centers.rows, x.rows)
        var best = [Int](repeating: 0, count: n)
        best.withUnsafeMutableBufferPointer { b in
            dots.data.withUnsafeBufferPointer { d in
                Parallel.chunks(n) { _, cols in
                    var score = [Float](repeating: .infinity, count: cols.count)
                    for j in 0..<k {
                        let row = d.baseAddress! + j * n
                        for (t, i) in cols.enumerated() {
                            let s = cn[j] - 2 * row[i]
                            if s < score[t] { score[t] = s; b[i] = j }
                        }
                    }
                }
            }
        }
        return best
    }
}
