import Course
import Foundation
import RepLearn

// Exercise 8.5 — rotation prediction.             Lecture: Lectures/08-contrastive.md, "A pretext without negatives: rotations"
extension StudentContrastive {
    /// x: [N, C, S, S] → images [4N, C, S, S] and labels [4N]. Entry 4i + k is image i turned k quarter turns
    /// counter-clockwise (every channel alike), with label k. One quarter turn: out[y, x] = in[x, S − 1 − y]
    /// (row y, column x; numpy's rot90).
    public func rotationBatch(_ x: Tensor) throws -> RotationBatch {
        throw NotImplemented("8.5")
    }

    /// logits: [M, K], labels in 0..<K → loss = (1/M) Σᵢ −log softmax(logitsᵢ)[labelᵢ] and ∂loss/∂logits: [M, K].
    /// Must stay finite for logits in the hundreds.
    public func rotationLoss(logits: Tensor, labels: [Int]) throws -> ClassificationLoss {
        throw NotImplemented("8.5")
    }
}
