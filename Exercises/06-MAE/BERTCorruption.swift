import Course
import RepLearn

// Exercise 6.6 — BERT-style corruption.          Lecture: Lectures/06-mae.md, "The same recipe for words"
extension StudentMAE {
    /// For t = 0..<tokens.count in order: u = rng.nextDouble(); t is chosen iff u < ratio. Only a chosen t then
    /// draws w = rng.nextDouble(): w < 0.8 → maskToken; 0.8 ≤ w < 0.9 → rng.nextInt(below: vocabularySize);
    /// w ≥ 0.9 → its token unchanged. → corrupted tokens (unchosen ones as given) and every chosen position,
    /// increasing — the unchanged 10% included (the loss is computed at exactly these positions).
    public func bertCorrupt(_ tokens: [Int], ratio: Double, vocabularySize: Int, maskToken: Int, rng: inout SeededGenerator) throws -> BERTCorruption {
        throw NotImplemented("6.6")
    }
}
