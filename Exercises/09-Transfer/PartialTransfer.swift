import Course
import RepLearn

// Exercise 9.3 — partial transfer: re-initialise the top layers.   Lecture: Lectures/09-transfer.md, "Partial transfer"
extension StudentTransfer {
    /// layers bottom → top (W: [out, in], b: [out]) → the last k re-drawn, the rest unchanged.
    /// Each new entry is (2·rng.nextFloat() − 1)/√in (PyTorch's default U(−1/√in, 1/√in)), drawn for
    /// ℓ = L − k, …, L − 1 in that order: all of W row by row, then all of b.
    public func reinitializeTop(_ layers: [DenseLayer], k: Int, rng: inout SeededGenerator) throws -> [DenseLayer] {
        throw NotImplemented("9.3")
    }
}
