import Course
import Foundation
import RepLearn

// Exercise 4.4 — codebook usage.                 Lecture: Lectures/04-vq.md, "Dead codes and perplexity"
extension StudentVQ {
    /// indices → counts per code [K] and perplexity exp(−Σ p ln p) with p = counts / n.
    public func codebookUsage(_ indices: [Int], codebookSize: Int) throws -> CodebookUsage {
        throw NotImplemented("4.4")
    }
}
