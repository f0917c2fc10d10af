import Course
import RepLearn

// Exercise 7.1 — tokens and vocabulary.          Lecture: Lectures/07-word2vec.md, "From text to word indices"
extension StudentWord2Vec {
    /// text → lowercase tokens: maximal runs of a–z (after lowercasing A–Z); everything else separates.
    public func tokenize(_ text: String) throws -> [String] {
        throw NotImplemented("7.1")
    }

    /// tokens → words with count ≥ minCount, most frequent first (ties alphabetical), with counts.
    /// Build the result with `Vocabulary(words:counts:)`.
    public func buildVocabulary(_ tokens: [String], minCount: Int) throws -> Vocabulary {
        throw NotImplemented("7.1")
    }
}
