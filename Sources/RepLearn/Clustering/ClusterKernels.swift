/// The two hot loops of k-means (lecture 3), written once for speed, so that the exercises'
/// solutions can read like the lecture: the arg-min of every row of a score matrix, and the
/// per-cluster sums of the rows. Both split their rows across cores.
public enum Clustering {
    /// scores: [n, k] → for each row the column of its smallest entry, [n] (ties: the lowest
    /// column; a NaN entry is never chosen over a number).
    public static func argminRows(_ scores: Tensor) throws -> [Int] {
        try scores.expectShape([-1, -1], "Clustering.argminRows", name: "scores")
        let (n, k) = (scores.rows, scores.cols)
        guard k > 0 else { throw ShapeError(op: "Clustering.argminRows", message: "no columns to choose from") }
        var best = [Int](repeating: 0, count: n)
        best.withUnsafeMutableBufferPointer { b in
            scores.data.withUnsafeBufferPointer { s in
                Parallel.chunks(n, minimumPerPart: 2048) { _, rows in
                    for i in rows {
                        let row = s.baseAddress! + i * k
                        var (jBest, vBest) = (0, row[0])
                        for j in 1..<k where row[j] < vBest || (vBest.isNaN && !row[j].isNaN) { (jBest, vBest) = (j, row[j]) }
                        b[i] = jBest
                    }
                }
            }
        }
        return best
    }

    /// x: [n, d], assignments in 0..<k, [n] → the sum of the rows assigned to each cluster,
    /// Σ_{i: a(i) = j} xᵢ: [k, d], and how many there are, |S_j|: [k].
    ///
    /// Float sums: a cluster of m rows loses at most about m·2⁻²⁴ of its sum, relative. Each core
    /// sums its own block of rows into its own [k, d] buffer (no two cores write the same memory),
    /// then the buffers are added; the inner loop over d vectorises.
    public static func clusterSums(_ x: Tensor, assignments: [Int], k: Int) throws -> (sums: Tensor, counts: [Int]) {
        try x.expectShape([-1, -1], "Clustering.clusterSums", name: "x")
        guard assignments.count == x.rows else {
            throw ShapeError(op: "Clustering.clusterSums", message: "\(assignments.count) assignments for \(x.rows) rows")
        }
        for (i, a) in assignments.enumerated() where a < 0 || a >= k {
            throw InputError("updateCenters: assignment \(a) of row \(i) is outside 0..<\(k)")
        }
        let d = x.cols
        var counts = [Int](repeating: 0, count: k)
        for a in assignments { counts[a] += 1 }
        let parts = Parallel.cores
        var partial = [Float](repeating: 0, count: parts * k * d)
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
        return (try Tensor(shape: [k, d], data: sums), counts)
    }
}
