import Course
import RepLearn

// Exercise 3.1 — the assignment step (centres fixed).
extension ReferenceKMeans {
    /// D_ij = ‖xᵢ − cⱼ‖² = ‖xᵢ‖² − 2 xᵢ·cⱼ + ‖cⱼ‖²: all n·k of them from one matrix product,
    /// clamped at 0 (rounding can make a tiny distance slightly negative).
    public func squaredDistances(_ x: Tensor, _ centers: Tensor) throws -> Tensor {
        try centers.expectShape([-1, x.cols], "squaredDistances", name: "centers")
        let dots = try Tensor.matmul(x, centers, transposeB: true)          // xᵢ·cⱼ, [n, k]
        let xx = try x.rowNorms().map { $0 * $0 }                           // ‖xᵢ‖², [n]
        let cc = try centers.rowNorms().map { $0 * $0 }                     // ‖cⱼ‖², [k]
        var d = dots
        for i in 0..<x.rows {
            for j in 0..<centers.rows { d[i, j] = max(xx[i] - 2 * dots[i, j] + cc[j], 0) }
        }
        return d
    }

    /// i(xᵢ) = argmin_j ‖xᵢ − cⱼ‖² (ties: the lowest j). ‖xᵢ‖² is the same for every j, so it
    /// is enough to compare ‖cⱼ‖² − 2 xᵢ·cⱼ.
    public func assign(_ x: Tensor, _ centers: Tensor) throws -> [Int] {
        try centers.expectShape([-1, x.cols], "assign", name: "centers")
        let cc = try centers.rowNorms().map { $0 * $0 }                              // ‖cⱼ‖², [k]
        // −2 scales the k centres, not the n·k products: x·(−2c)ᵀ = −2·x·cᵀ exactly (a power of 2).
        // The library takes argmin_j (xᵢ·(−2cⱼ) + ‖cⱼ‖²) block by block, never storing the [n, k] scores.
        return try Clustering.argminOfProducts(x, centers * -2, plus: cc)
    }

    /// Exercises 3.1 and 3.2 in one pass over x: a = assign(x, c) and updateCenters(x, a, c),
    /// with each block of rows read from memory once for its distances, its arg-mins and its
    /// share of the sums (as scikit-learn's Lloyd iteration does). Bit for bit the two calls.
    public func lloydPass(_ x: Tensor, _ centers: Tensor) throws -> (assignments: [Int], centers: Tensor) {
        try centers.expectShape([-1, x.cols], "assign", name: "centers")
        let cc = try centers.rowNorms().map { $0 * $0 }
        let (a, sums, counts) = try Clustering.assignAndSum(x, centers * -2, plus: cc)
        return (a, try Self.means(sums, counts, previous: centers))
    }
}
