import Course
import Foundation
import RepLearn

// Exercise 2.6 — principal angles.               Lecture: Lectures/02-autoencoders-pca.md, "Same subspace, not the same basis"
extension StudentAutoencoders {
    /// a, b: [k, d], rows spanning two k-dimensional subspaces → the k principal angles in degrees,
    /// ascending.   Useful: `QR.orthonormalRows(a)` (a: [k, d] → [k, d], orthonormal rows with the
    /// same span), `QR.singularValues(m)` (m: [p, q] → [Float] of min(p, q), descending),
    /// `Tensor.matmul(_:_:transposeB:)` ([k, d], [k, d] → [k, k]), `acosf` (radians).
    public func principalAngles(_ a: Tensor, _ b: Tensor) throws -> [Float] {
        throw NotImplemented("2.6")
    }
}
