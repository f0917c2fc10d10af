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
    public func assign(_ x: Tensor, _ centers: Tensor) throws -> [Int] {
        try centers.expectShape([-1, x.cols], "assign", name: "centers")
        let dots = try Tensor.matmul(x, centers, transposeB: true)
        let cn = try centers.rowNorms().map { $0 * $0 }
        let k = centers.rows
        var out = [Int](repeating: 0, count: x.rows)
        out.withUnsafeMutableBufferPointer { o in
            dots.data.withUnsafeBufferPointer { d in
                cn.withUnsafeBufferPointer { c in
                    Parallel.chunks(x.rows) { _, rows in
                        for i in rows {
                            var best = 0, bestScore = Float.infinity
                            for j in 0..<k {
                                let s = c[j] - 2 * d[i * k + j]
                                if s < bestScore { bestScore = s; best = j }
                            }
                            o[i] = best
                        }
                    }
                }
            }
        }
        return out
    }
}
