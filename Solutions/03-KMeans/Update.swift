import Course
import RepLearn

// Exercise 3.2 — the update step (assignments fixed).
extension ReferenceKMeans {
    /// cⱼ = (1/|Sⱼ|) Σ_{i ∈ Sⱼ} xᵢ, with Sⱼ the rows assigned to centre j. An empty cluster
    /// would be 0/0: it keeps its previous centre.
    public func updateCenters(_ x: Tensor, assignments: [Int], previous: Tensor) throws -> Tensor {
        try previous.expectShape([-1, x.cols], "updateCenters", name: "previous centers")
        let k = previous.rows
        // Σ_{i ∈ Sⱼ} xᵢ: [k, d] and |Sⱼ|: [k], from the library (one pass over x, split across cores).
        let (sums, counts) = try Clustering.clusterSums(x, assignments: assignments, k: k)
        var centers = previous
        for j in 0..<k where counts[j] > 0 {
            for t in 0..<x.cols { centers[j, t] = sums[j, t] / Float(counts[j]) }
        }
        return centers
    }
}
