import Course
import RepLearn

// Exercise 7.4 — learning-rate schedule and training pairs.
extension ReferenceWord2Vec {
    public func learningRate(initial: Float, progress: Double) throws -> Float {
        initial * Float(max(1 - progress, 1e-4))
    }

    public func trainingPairs(_ sentence: [Int], window: Int, rng: inout SeededGenerator) throws -> [WordPair] {
        guard window >= 1 else { throw InputError("trainingPairs: window must be ≥ 1, got \(window)") }
        var pairs: [WordPair] = []
        for i in sentence.indices {
            let reduced = window - rng.nextInt(below: window)
            for j in max(0, i - reduced)...min(sentence.count - 1, i + reduced) where j != i {
                pairs.append(WordPair(center: sentence[i], context: sentence[j]))
            }
        }
        return pairs
    }
}
