import Course
import RepLearn

// Exercise 7.4 — schedule and pairs.             Lecture: Lectures/07-word2vec.md, "Training"
// `replearn run word2vec --impl student` trains with these two, with your 7.2 and your 7.3.
extension StudentWord2Vec {
    /// initial · max(1 − progress, 1e-4).
    public func learningRate(initial: Float, progress: Double) throws -> Float {
        throw NotImplemented("7.4")
    }

    /// For each position i in order: b = rng.nextInt(below: window); pair (centre: sentence[i], context: sentence[j])
    /// for every j ≠ i with |i − j| ≤ window − b inside the sentence, j increasing.
    public func trainingPairs(_ sentence: [Int], window: Int, rng: inout SeededGenerator) throws -> [WordPair] {
        throw NotImplemented("7.4")
    }
}
