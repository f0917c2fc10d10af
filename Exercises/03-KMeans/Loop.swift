import Course
import RepLearn

// Exercise 3.5 — the k-means loop.               Lecture: Lectures/03-kmeans.md, "Block coordinate descent"
extension StudentKMeans {
    /// a = assign(initial); repeat { c = update(a); record J(c, a); a′ = assign(c); stop if a′ = a; a = a′ }
    /// until the assignments stop changing or `maxIterations` updates were made.
    /// Return: `objectives` one per update (J of the new centres with the assignment the update used),
    /// `iterations` = number of updates made, `assignments` = the nearest centres of the final centres.
    public func kmeans(_ x: Tensor, initial: Tensor, maxIterations: Int) throws -> KMeansResult {
        throw NotImplemented("3.5")
    }
}
