import Course
import RepLearn

// Exercise 3.6 — k-means as an autoencoder.      Lecture: Lectures/03-kmeans.md, "k-means is an autoencoder"
extension StudentKMeans {
    /// assignments [n] → one-hot codes [n, k].
    public func oneHotEncode(_ assignments: [Int], k: Int) throws -> Tensor {
        throw NotImplemented("3.6")
    }

    /// codes [n, k], centres [k, d] → reconstructions [n, d], as a matrix product.
    public func decode(_ codes: Tensor, centers: Tensor) throws -> Tensor {
        throw NotImplemented("3.6")
    }
}
