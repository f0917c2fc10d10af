import Course
import RepLearn

// Exercise 3.4 — k-means++.                      Lecture: Lectures/03-kmeans.md, "Initialisation"
extension StudentKMeans {
    /// → k rows of x: the first uniformly (`rng.nextInt(below:)`), each next with probability ∝ D(x)²,
    /// the squared distance to the nearest centre chosen so far (`rng.nextDouble()`).
    /// If ΣD² = 0 (x has fewer distinct rows than k, and all are chosen), draw the next one uniformly
    /// with `rng.nextInt(below: n)`, as the first: there is nothing new left, so a row repeats.
    public func kmeansPlusPlus(_ x: Tensor, k: Int, rng: inout SeededGenerator) throws -> Tensor {
        throw NotImplemented("3.4")
    }
}
