import Course
import RepLearn

// Exercise 7.5 — cosine neighbours and analogies.
extension ReferenceWord2Vec {
    /// Rows scaled to unit length (a zero row stays zero).
    static func unitRows(_ v: Tensor) throws -> Tensor { try v.scalingRows(by: v.rowNorms().map { $0 > 0 ? 1 / $0 : 0 }) }

    public func nearestNeighbors(_ vectors: Tensor, query: Int, k: Int) throws -> [Int] {
        let u = try Self.unitRows(vectors)
        let sims = try Tensor.matmul(u, u.gatherRows([query]), transposeB: true).data
        return Array(sims.indices.filter { $0 != query }.sorted { sims[$0] > sims[$1] }.prefix(k))
    }

    /// 3CosAdd: for unit x, cos(x, b) − cos(x, a) + cos(x, c) = x·(b̂ − â + ĉ).
    public func analogy(_ vectors: Tensor, a: Int, b: Int, c: Int) throws -> Int {
        let u = try Self.unitRows(vectors)
        let d = u.cols
        var q = Tensor.zeros([1, d])
        for j in 0..<d { q[0, j] = u[b, j] - u[a, j] + u[c, j] }
        let s = try Tensor.matmul(u, q, transposeB: true).data
        var best = -1
        for i in s.indices where i != a && i != b && i != c && (best < 0 || s[i] > s[best]) { best = i }
        return best
    }
}
