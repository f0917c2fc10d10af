import Course
import RepLearn

// Exercise 3.5 — the k-means loop.               Lecture: Lectures/03-kmeans.md, "Block coordinate descent"
extension StudentKMeans {
    /// assign, then repeat { update; record J; re-assign } until the assignments stop changing or
    /// `maxIterations` updates were made.
    public func kmeans(_ x: Tensor, initial: Tensor, maxIterations: Int) throws -> KMeansResult {
        throw NotImplemented("3.5")
    }
}
