import Course
import RepLearn

// Exercise 3.6 — k-means as an autoencoder.
extension ReferenceKMeans {
    public func oneHotEncode(_ assignments: [Int], k: Int) throws -> Tensor {
        var z = Tensor.zeros([assignments.count, k])
        for (i, a) in assignments.enumerated() {
            guard a >= 0 && a < k else { throw InputError("oneHotEncode: assignment \(a) of row \(i) is outside 0..<\(k)") }
            z[i, a] = 1
        }
        return z
    }

    /// x̂ = z C: row i of a one-hot z selects centre a(i).
    public func decode(_ codes: Tensor, centers: Tensor) throws -> Tensor { try Tensor.matmul(codes, centers) }
}
