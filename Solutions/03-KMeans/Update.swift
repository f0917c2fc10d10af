import Course
import RepLearn

// Exercise 3.2 — the update step.
extension ReferenceKMeans {
    /// cⱼ = (1/|Sⱼ|) Σ_{i ∈ Sⱼ} xᵢ; an empty cluster keeps previous[j].
    public func updateCenters(_ x: Tensor, assignments: [Int], previous: Tensor) throws -> Tensor {
        try previous.expectShape([-1, x.cols], "updateCenters", name: "previous centers")
        guard assignments.count == x.rows else {
            throw ShapeError(op: "updateCenters", message: "\(assignments.count) assignments for \(x.rows) rows")
        }
        let (k, d) = (previous.rows, x.cols)
        var sums = [Double](repeating: 0, count: k * d)
        var counts = [Int](repeating: 0, count: k)
        sums.withUnsafeMutableBufferPointer { s in
            x.data.withUnsafeBufferPointer { xp in
                for (i, a) in assignments.enumerated() {
                    precondition(a >= 0 && a < k, "updateCenters: assignment \(a) of row \(i) is outside 0..<\(k)")
                    counts[a] += 1
                    let dst = s.baseAddress! + a * d, src = xp.baseAddress! + i * d
                    for j in 0..<d { dst[j] += Double(src[j]) }
                }
            }
        }
        var out = previous
        for c in 0..<k where counts[c] > 0 {
            let inv = 1 / Double(counts[c])
            for j in 0..<d { out.data[c * d + j] = Float(sums[c * d + j] * inv) }
        }
        return out
    }
}
