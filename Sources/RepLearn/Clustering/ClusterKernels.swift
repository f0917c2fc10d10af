import CKernels
/// The hot loops of k-means (lecture 3), written once for speed, so that the exercises'
/// solutions can read like the lecture: the arg-min of every row of a score matrix, the nearest
/// centres without storing the [n, k] distances, the per-cluster sums of the rows, and one Lloyd
/// pass that takes both in a single read of the data.
///
/// Rows are taken in blocks of ``block``; the blocks are split into one contiguous run per core
/// (``parts(rows:work:)``), the same way in every kernel here, so a fused pass and the two
/// separate ones add the same rows in the same order and agree bit for bit.
public enum Clustering {
    /// Rows per block: 256 rows of MNIST (800 KB) stay in a core's L2 between their product
    /// and their sums.
    static let block = 256

    /// How many cores share `rows` rows of `work` multiply-adds: one below 2¹⁹ (a parallel
    /// loop would cost more than it saves), else one per core, at most one per block.
    static func parts(rows: Int, work: Int) -> Int {
        work < 1 << 19 ? 1 : max(1, min(Parallel.cores, (rows + block - 1) / block))
    }

    /// Runs `body(part, rows)` for each core's contiguous run of whole blocks.
    static func blockRuns(rows n: Int, parts: Int, _ body: (Int, Range<Int>) -> Void) {
        let blocks = (n + block - 1) / block
        Parallel.chunks(blocks, minimumPerPart: parts == 1 ? max(blocks, 1) : 1) { p, range in
            body(p, (range.lowerBound * block)..<min(n, range.upperBound * block))
        }
    }

    /// The column of the smallest of row[j] + offset[j], j < k (ties: the lowest column; a NaN
    /// is never chosen over a number; all NaN: column 0).
    ///
    /// Eight lanes keep their own smallest value and its column (strict <, so each lane keeps its
    /// first); the lanes are then merged by (value, column). A row whose smallest entry is +∞ or
    /// NaN goes through the plain scan, which defines the rule.
    @inline(__always)
    static func argmin(_ row: UnsafePointer<Float>, plus offset: UnsafePointer<Float>?, _ k: Int) -> Int {
        let vectorEnd = k & ~7
        guard vectorEnd > 0 else { return scanArgmin(row, plus: offset, k) }
        var best = SIMD8<Float>(repeating: .infinity), at = SIMD8<Int32>(repeating: 0)
        var column = SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7)
        for j in stride(from: 0, to: vectorEnd, by: 8) {
            var v = UnsafeRawPointer(row + j).loadUnaligned(as: SIMD8<Float>.self)
            if let offset { v += UnsafeRawPointer(offset + j).loadUnaligned(as: SIMD8<Float>.self) }
            let better = v .< best
            best.replace(with: v, where: better)
            at.replace(with: column, where: better)
            column &+= 8
        }
        var (jBest, vBest) = (Int(at[0]), best[0])
        for l in 1..<8 where best[l] < vBest || (best[l] == vBest && Int(at[l]) < jBest) { (jBest, vBest) = (Int(at[l]), best[l]) }
        for j in vectorEnd..<k {
            let v = row[j] + (offset?[j] ?? 0)
            if v < vBest { (jBest, vBest) = (j, v) }
        }
        return vBest < .infinity ? jBest : scanArgmin(row, plus: offset, k)
    }

    static func scanArgmin(_ row: UnsafePointer<Float>, plus offset: UnsafePointer<Float>?, _ k: Int) -> Int {
        var (jBest, vBest) = (0, row[0] + (offset?[0] ?? 0))
        for j in 1..<k {
            let v = row[j] + (offset?[j] ?? 0)
            if v < vBest || (vBest.isNaN && !v.isNaN) { (jBest, vBest) = (j, v) }
        }
        return jBest
    }

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
                    for i in rows { b[i] = argmin(s.baseAddress! + i * k, plus: nil, k) }
                }
            }
        }
        return best
    }

    /// x: [n, d], b: [k, d], offsets: [k] → for each row i, argmin_j (xᵢ·bⱼ + offsets_j), [n]
    /// (ties: the lowest j; NaN never chosen over a number). With b = −2C and offsets = ‖cⱼ‖²
    /// this is the nearest centre, since ‖xᵢ − cⱼ‖² = ‖xᵢ‖² + (‖cⱼ‖² − 2xᵢ·cⱼ).
    ///
    /// The [n, k] products are never stored: each block's products go to a [block, k] buffer
    /// of its core's (one single-threaded sgemm) and its arg-mins are taken while it is in cache.
    public static func argminOfProducts(_ x: Tensor, _ b: Tensor, plus offsets: [Float]) throws -> [Int] {
        try pass(x, b, offsets, op: "Clustering.argminOfProducts", sums: false).assignments
    }

    /// One Lloyd pass: the assignments of ``argminOfProducts(_:_:plus:)`` and, from the same read
    /// of x, the sums and counts of ``clusterSums(_:assignments:k:)`` under them.
    /// x: [n, d], b: [k, d], offsets: [k] → assignments [n], sums [k, d], counts [k].
    ///
    /// Each block of rows comes from memory once: its products, its arg-mins and its share of
    /// its core's sums are taken while it is in cache (as scikit-learn's Lloyd iteration does).
    /// Bit for bit the same as `argminOfProducts` followed by `clusterSums`.
    public static func assignAndSum(_ x: Tensor, _ b: Tensor, plus offsets: [Float]) throws -> (assignments: [Int], sums: Tensor, counts: [Int]) {
        let r = try pass(x, b, offsets, op: "Clustering.assignAndSum", sums: true)
        return (r.assignments, r.sums, r.counts)
    }

    static func pass(_ x: Tensor, _ b: Tensor, _ offsets: [Float], op: String, sums accumulate: Bool) throws -> (assignments: [Int], sums: Tensor, counts: [Int]) {
        try x.expectShape([-1, -1], op, name: "x")
        try b.expectShape([-1, x.cols], op, name: "b")
        let (n, k, d) = (x.rows, b.rows, x.cols)
        guard k > 0 else { throw ShapeError(op: op, message: "no rows in b to choose from") }
        guard offsets.count == k else { throw ShapeError(op: op, message: "\(offsets.count) offsets for \(k) rows of b") }
        _ = GEMM.singleThreadedBLAS
        let parts = parts(rows: n, work: n * k * max(d, 1))
        var best = [Int](repeating: 0, count: n)
        var partial = [Float](repeating: 0, count: accumulate ? parts * k * d : 0)
        best.withUnsafeMutableBufferPointer { out in
            partial.withUnsafeMutableBufferPointer { sp in
                x.data.withUnsafeBufferPointer { xp in
                    b.data.withUnsafeBufferPointer { bp in
                        offsets.withUnsafeBufferPointer { off in
                            blockRuns(rows: n, parts: parts) { p, rows in
                                let scores = UnsafeMutablePointer<Float>.allocate(capacity: block * k)
                                defer { scores.deallocate() }
                                for i0 in stride(from: rows.lowerBound, to: rows.upperBound, by: block) {
                                    let i1 = min(rows.upperBound, i0 + block)
                                    if d == 0 {
                                        scores.update(repeating: 0, count: (i1 - i0) * k)
                                    } else {
                                        GEMM.strided(false, true, i1 - i0, k, d, 1, xp.baseAddress! + i0 * d, d,
                                                     bp.baseAddress!, d, 0, scores, k)
                                    }
                                    // While this block's rows are compared and summed, every cache line of the
                                    // next block is prefetched, so that its product reads it from cache, not memory.
                                    let next = min(rows.upperBound, i1 + block)
                                    let (ahead, aheadEnd) = (i1 * d, next * d)
                                    let perRow = ((aheadEnd - ahead) / 16 + (i1 - i0) - 1) / max(i1 - i0, 1)
                                    var touch = ahead
                                    for i in i0..<i1 {
                                        let j = argmin(scores + (i - i0) * k, plus: off.baseAddress!, k)
                                        out[i] = j
                                        if accumulate { add(xp.baseAddress! + i * d, into: sp.baseAddress! + (p * k + j) * d, d) }
                                        var t = 0
                                        while t < perRow && touch < aheadEnd { replearn_prefetch(xp.baseAddress! + touch); touch += 16; t += 1 }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        guard accumulate else { return (best, Tensor.zeros([0, d]), []) }
        return (best, try reduce(partial, parts: parts, k: k, d: d), counts(best, k: k))
    }

    /// x: [n, d], assignments in 0..<k, [n] → the sum of the rows assigned to each cluster,
    /// Σ_{i: a(i) = j} xᵢ: [k, d], and how many there are, |S_j|: [k].
    ///
    /// Float sums: a cluster of m rows loses at most about m·2⁻²⁴ of its sum, relative. Each core
    /// sums its own run of blocks into its own [k, d] buffer (no two cores write the same memory),
    /// then the buffers are added in core order; the inner loop over d vectorises.
    public static func clusterSums(_ x: Tensor, assignments: [Int], k: Int) throws -> (sums: Tensor, counts: [Int]) {
        try x.expectShape([-1, -1], "Clustering.clusterSums", name: "x")
        guard assignments.count == x.rows else {
            throw ShapeError(op: "Clustering.clusterSums", message: "\(assignments.count) assignments for \(x.rows) rows")
        }
        for (i, a) in assignments.enumerated() where a < 0 || a >= k {
            throw InputError("updateCenters: assignment \(a) of row \(i) is outside 0..<\(k)")
        }
        let (n, d) = (x.rows, x.cols)
        let parts = parts(rows: n, work: n * k * max(d, 1))
        var partial = [Float](repeating: 0, count: parts * k * d)
        partial.withUnsafeMutableBufferPointer { s in
            x.data.withUnsafeBufferPointer { xp in
                assignments.withUnsafeBufferPointer { ap in
                    blockRuns(rows: n, parts: parts) { p, rows in
                        for i in rows { add(xp.baseAddress! + i * d, into: s.baseAddress! + (p * k + ap[i]) * d, d) }
                    }
                }
            }
        }
        return (try reduce(partial, parts: parts, k: k, d: d), counts(assignments, k: k))
    }

    @inline(__always)
    static func add(_ src: UnsafePointer<Float>, into dst: UnsafeMutablePointer<Float>, _ d: Int) {
        for t in 0..<d { dst[t] += src[t] }
    }

    /// The cores' [k, d] partial sums, added in core order.
    static func reduce(_ partial: [Float], parts: Int, k: Int, d: Int) throws -> Tensor {
        var sums = Array(partial[0..<(k * d)])
        for p in 1..<max(parts, 1) { for t in 0..<(k * d) { sums[t] += partial[p * k * d + t] } }
        return try Tensor(shape: [k, d], data: sums)
    }

    static func counts(_ assignments: [Int], k: Int) -> [Int] {
        var counts = [Int](repeating: 0, count: k)
        for a in assignments { counts[a] += 1 }
        return counts
    }
}
