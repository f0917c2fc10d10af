import Course
import Foundation
import RepLearn

// Exercise 2.6 — principal angles between two k-dimensional subspaces.
extension ReferenceAutoencoders {
    /// cos θᵢ = σᵢ(Q_a Q_bᵀ) for orthonormal bases Q_a, Q_b (Björck & Golub 1973).
    public func principalAngles(_ a: Tensor, _ b: Tensor) throws -> [Float] {
        guard a.shape == b.shape else {
            throw ShapeError(op: "principalAngles", message: "subspaces \(a.shape) and \(b.shape) differ in shape")
        }
        let qa = try QR.orthonormalRows(a), qb = try QR.orthonormalRows(b)
        let cosines = try QR.singularValues(Tensor.matmul(qa, qb, transposeB: true))
        return cosines.map { acosf(min(max($0, -1), 1)) * 180 / .pi }.sorted()
    }
}
