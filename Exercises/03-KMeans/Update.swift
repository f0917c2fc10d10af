import Course
import RepLearn

// Exercise 3.2 — the update step.                Lecture: Lectures/03-kmeans.md, "Block coordinate descent"
extension StudentKMeans {
    /// → [k, d]: centre j = mean of the rows assigned to j; a centre with no rows keeps `previous[j]`.
    public func updateCenters(_ x: Tensor, assignments: [Int], previous: Tensor) throws -> Tensor {
        throw NotImplemented("3.2")
    }
}
