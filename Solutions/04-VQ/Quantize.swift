import Course
import RepLearn

// Exercise 4.1 — nearest-code quantization (k-means' assignment step on the encoder outputs).
extension ReferenceVQ {
    public func quantize(_ z: Tensor, codebook: Tensor) throws -> Quantized {
        let idx = try ReferenceKMeans().assign(z, codebook)
        return Quantized(indices: idx, vectors: try codebook.gatherRows(idx))
    }
}
