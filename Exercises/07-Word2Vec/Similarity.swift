import Course
import RepLearn

// Exercise 7.5 — using the vectors.              Lecture: Lectures/07-word2vec.md, "Using the vectors"
extension StudentWord2Vec {
    /// vectors [V, d] → the k words most cosine-similar to `query` (query itself excluded), best first.
    public func nearestNeighbors(_ vectors: Tensor, query: Int, k: Int) throws -> [Int] {
        throw NotImplemented("7.5")
    }

    /// a : b :: c : ? — argmax over x ∉ {a, b, c} of cos(x, b) − cos(x, a) + cos(x, c).
    public func analogy(_ vectors: Tensor, a: Int, b: Int, c: Int) throws -> Int {
        throw NotImplemented("7.5")
    }
}
