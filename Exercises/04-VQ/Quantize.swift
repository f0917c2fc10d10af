import Course
import RepLearn

// Exercise 4.1 — nearest-code quantization.      Lecture: Lectures/04-vq.md, "Snapping to a codebook"
extension StudentVQ {
    /// z_e: [n, d], codebook: [K, d] → nearest code index per row (ties: lowest) and z_q = those codebook rows, [n, d].
    public func quantize(_ z: Tensor, codebook: Tensor) throws -> Quantized {
        throw NotImplemented("4.1")
    }
}
