import Course
import RepLearn

// Exercise 3.4 — k-means++.                      Lecture: Lectures/03-kmeans.md, "Initialisation"
extension StudentKMeans {
    /// → k rows of x: the first uniformly (`rng.nextInt(below:)`), each next with probability ∝ D(x)²,
    /// the squared distance to the nearest centre chosen so far (`rng.nextDouble()`).
    public func kmeansPlusPlus(_ x: Tensor, k: Int, rng: inout SeededGenerator) throws -> Tensor {
        throw NotImplemented("3.4")
    }
}
