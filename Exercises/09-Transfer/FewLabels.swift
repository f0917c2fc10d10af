import Course
import RepLearn

// Exercise 9.5 — k labelled examples per class.   Lecture: Lectures/09-transfer.md, "Few labels"
extension StudentTransfer {
    /// For c = 0, 1, …, classes − 1: idx = indices of class c in increasing order (m of them); for j in 0..<k
    /// swap idx[j] and idx[j + rng.nextInt(below: m − j)]; append idx[0..<k]. Throw if some class has m < k.
    public func fewLabelIndices(_ labels: [Int], perClass k: Int, classes: Int, rng: inout SeededGenerator) throws -> [Int] {
        throw NotImplemented("9.5")
    }
}
