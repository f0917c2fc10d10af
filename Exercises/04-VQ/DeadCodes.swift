import Course
import RepLearn

// Exercise 4.5 — dead codes.                     Lecture: Lectures/04-vq.md, "Dead codes and perplexity"
extension StudentVQ {
    /// For k = 0..<K with counts[k] == 0: code k ← row rng.nextInt(below: n) of encoderOutputs. Others unchanged.
    public func reinitializeDeadCodes(_ codebook: Tensor, counts: [Int], encoderOutputs: Tensor, rng: inout SeededGenerator) throws -> Tensor {
        throw NotImplemented("4.5")
    }
}
