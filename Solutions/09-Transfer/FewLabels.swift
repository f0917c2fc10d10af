import Course
import RepLearn

// Exercise 9.5 — k labelled examples per class, drawn without replacement.
extension ReferenceTransfer {
    public func fewLabelIndices(_ labels: [Int], perClass k: Int, classes: Int, rng: inout SeededGenerator) throws -> [Int] {
        var picked: [Int] = []
        for c in 0..<classes {
            var idx = labels.indices.filter { labels[$0] == c }
            guard idx.count >= k else { throw InputError("fewLabelIndices: class \(c) has \(idx.count) examples, \(k) asked for") }
            for j in 0..<k { idx.swapAt(j, j + rng.nextInt(below: idx.count - j)) }   // partial Fisher–Yates
            picked += idx.prefix(k)
        }
        return picked
    }
}
