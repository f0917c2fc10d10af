import Course
import RepLearn

// Exercise 6.6 — BERT's corruption: choose each position with probability r; of the chosen,
// 80% → [MASK], 10% → a random token, 10% unchanged. All chosen positions carry the loss.
extension ReferenceMAE {
    public func bertCorrupt(_ tokens: [Int], ratio: Double, vocabularySize: Int, maskToken: Int, rng: inout SeededGenerator) throws -> BERTCorruption {
        var out = tokens, positions: [Int] = []
        for t in tokens.indices {
            guard rng.nextDouble() < ratio else { continue }
            positions.append(t)
            let w = rng.nextDouble()
            if w < 0.8 { out[t] = maskToken } else if w < 0.9 { out[t] = rng.nextInt(below: vocabularySize) }
        }
        return BERTCorruption(tokens: out, positions: positions)
    }
}
