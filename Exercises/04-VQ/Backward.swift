import Course
import RepLearn

// Exercise 4.3 — backward through the quantizer. Lecture: Lectures/04-vq.md, "Three losses, two stop-gradients"
extension StudentVQ {
    /// g = ∂L_rec/∂z_q: [n, d] → ∂L/∂z_e: [n, d] (g copied straight through + the commitment term) and
    /// ∂L/∂codebook: [K, d] (the codebook term only).
    public func vqBackward(_ z: Tensor, codebook: Tensor, indices: [Int], decoderInputGradient: Tensor, beta: Float) throws -> VQGradients {
        throw NotImplemented("4.3")
    }
}
