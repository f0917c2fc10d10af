import Course
import RepLearn

// Exercise 3.2 — the update step (assignments fixed).
extension ReferenceKMeans {
    /// cⱼ = (1/|Sⱼ|) Σ_{i ∈ Sⱼ} xᵢ, with Sⱼ the rows assigned to centre j. An empty cluster
    /// would be 0/0: it keeps its previous centre.
    public func updateCenters(_ x: Tensor, assignments: [Int], previous: Tensor) throws -> Tensor {
        try previous.expectShape([-1, x.cols], "updateCenters", name: "previous centers")
        // Σ_{i ∈ Sⱼ} xᵢ: [k, d] and |Sⱼ|: [k], from the library (one pass over x, split across cores).
        let (sums, counts) = try Clustering.clusterSums(x, assignments: assignments, k: previous.rows)
        return try Self.means(sums, counts, previous: previous)
    }

    /// sums: [k, d], counts: [k] → cⱼ = sumsⱼ / countsⱼ, or previousⱼ where countsⱼ = 0.
    static func means(_ sums: Tensor, _ counts: [Int], previous: Tensor) throws -> Tensor {
        try sums.expectShape(previous.shape, "updateCenters", name: "cluster sums")
        var centers = previous
        let d = previous.cols
        centers.data.withUnsafeMutableBufferPointer { c in
            sums.data.withUnsafeBufferPointer { s in
                for (j, m) in counts.enumerated() where m > 0 {
                    for t in 0..<d { c[j * d + t] = s[j * d + t] / Float(m) }
                }
            }
        }
        return centers
    }
}
