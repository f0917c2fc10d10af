import Course
import RepLearn

// Exercise 3.3 — the objective.                  Lecture: Lectures/03-kmeans.md, "The k-means objective"
extension StudentKMeans {
    /// → J = Σᵢ ‖xᵢ − c_{a(i)}‖² (a sum over rows).
    public func objective(_ x: Tensor, _ centers: Tensor, assignments: [Int]) throws -> Double {
        throw NotImplemented("3.3")
    }
}
