import Course
import RepLearn

// Exercise 3.1 — the assignment step.            Lecture: Lectures/03-kmeans.md, "Block coordinate descent"
extension StudentKMeans {
    /// x: [n, d], centres: [k, d] → ‖xᵢ − cⱼ‖², [n, k], as ‖x‖² − 2x·c + ‖c‖² with ONE matmul; clamp at 0.
    /// Useful: `Tensor.matmul(x, centers, transposeB: true)` (x: [n, d], centres: [k, d] → x·cᵀ: [n, k]),
    /// `x.rowNorms()` (x: [n, d] → [Float] of n norms ‖xᵢ‖).
    public func squaredDistances(_ x: Tensor, _ centers: Tensor) throws -> Tensor {
        throw NotImplemented("3.1")
    }

    /// → index of the nearest centre for each row, [n] (ties: lowest index).
    public func assign(_ x: Tensor, _ centers: Tensor) throws -> [Int] {
        throw NotImplemented("3.1")
    }
}
