import Course
import Foundation
import RepLearn

// Exercise 4.4 — codebook usage and perplexity.
extension ReferenceVQ {
    public func codebookUsage(_ indices: [Int], codebookSize: Int) throws -> CodebookUsage {
        var counts = [Int](repeating: 0, count: codebookSize)
        for (i, k) in indices.enumerated() {
            guard k >= 0 && k < codebookSize else { throw InputError("codebookUsage: index \(k) at \(i) outside 0..<\(codebookSize)") }
            counts[k] += 1
        }
        let n = Double(max(indices.count, 1))
        let entropy = counts.reduce(0.0) { h, c in c == 0 ? h : h - Double(c) / n * log(Double(c) / n) }
        return CodebookUsage(counts: counts, perplexity: exp(entropy))
    }
}
