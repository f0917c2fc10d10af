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
        // Float sums (a cluster of m rows loses ~m·2⁻²⁴ relative at worst): the loop over d
        // vectorises, which is what makes the update as cheap as the assignment's matmul.
        for (i, a) in assignments.enumerated() where a < 0 || a >= k {
            throw InputError("updateCenters: assignment \(a) of row \(i) is outside 0..<\(k)")
        }
        // Each core sums its own block of rows into its own [k, d] buffer; then the buffers add up.
        let parts = Parallel.cores
        var partial = [Float](repeating: 0, count: parts * k * d)
        var counts = [Int](repeating: 0, count: k)
        for a in assignments { counts[a] += 1 }
        partial.withUnsafeMutableBufferPointer { s in
            x.data.withUnsafeBufferPointer { xp in
                assignments.withUnsafeBufferPointer { ap in
                    Parallel.chunks(x.rows, minimumPerPart: 1024) { p, rows in
                        let base = s.baseAddress! + p * k * d
                        for i in rows {
                            let dst = base + ap[i] * d, src = xp.baseAddress! + i * d
                            for j in 0..<d { dst[j] += src[j] }
                        }
                    }
                }
            }
        }
        var sums = Array(partial[0..<(k * d)])
        for p in 1..<max(parts, 1) { for t in 0..<(k * d) { sums[t] += partial[p * k * d + t] } }
        var out = previous
        out.data.withUnsafeMutableBufferPointer { o in
            for c in 0..<k where counts[c] > 0 {
                let inv = 1 / Float(counts[c])
                for j in 0..<d { o[c * d + j] = sums[c * d + j] * inv }
            }
        }
        return out
    }
}
