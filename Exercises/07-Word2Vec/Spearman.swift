import Course
import RepLearn

// Exercise 7.6 — Spearman's ρ.                   Lecture: Lectures/07-word2vec.md, "Evaluating against people"
extension StudentWord2Vec {
    /// Pearson correlation of the ranks of x and of y (ties: mean rank).
    public func spearman(_ x: [Double], _ y: [Double]) throws -> Double {
        throw NotImplemented("7.6")
    }
}
