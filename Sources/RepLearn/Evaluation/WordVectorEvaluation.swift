/// Batched evaluation of word vectors: analogies by 3CosAdd over the whole vocabulary, with
/// the three query words excluded, computed as one matrix product per block of questions.
public enum WordVectorEvaluation {
    /// vectors: [V, d]; questions as (a, b, c, expected d) word indices → for each question,
    /// whether argmax_{x ∉ {a,b,c}} x̂·(b̂ − â + ĉ) is the expected word.
    public static func analogyCorrect(_ vectors: Tensor, _ questions: [(Int, Int, Int, Int)], block: Int = 512) throws -> [Bool] {
        let unit = try vectors.scalingRows(by: vectors.rowNorms().map { $0 > 0 ? 1 / $0 : 0 })
        let (v, d) = (unit.rows, unit.cols)
        var out: [Bool] = []
        out.reserveCapacity(questions.count)
        for start in stride(from: 0, to: questions.count, by: block) {
            let qs = questions[start..<min(start + block, questions.count)]
            var q = Tensor.zeros([qs.count, d])
            for (r, (a, b, c, _)) in qs.enumerated() {
                for j in 0..<d { q[r, j] = unit[b, j] - unit[a, j] + unit[c, j] }
            }
            let scores = try Tensor.matmul(q, unit, transposeB: true)          // [m, V]
            for (r, (a, b, c, want)) in qs.enumerated() {
                var best = -1, bestScore = -Float.infinity
                let row = r * v
                for x in 0..<v where x != a && x != b && x != c && scores.data[row + x] > bestScore {
                    bestScore = scores.data[row + x]; best = x
                }
                out.append(best == want)
            }
        }
        return out
    }

    /// Cosine similarity of rows i and j.
    public static func cosine(_ vectors: Tensor, _ i: Int, _ j: Int) -> Float {
        let d = vectors.cols
        var dot: Float = 0, ni: Float = 0, nj: Float = 0
        for k in 0..<d {
            let (a, b) = (vectors.data[i * d + k], vectors.data[j * d + k])
            dot += a * b; ni += a * a; nj += b * b
        }
        return dot / max((ni * nj).squareRoot(), 1e-12)
    }
}
