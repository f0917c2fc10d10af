import Course
import RepLearn
import Solutions

/// A mutant of lecture 4 overrides one function; the rest are the reference's.
protocol DelegatingVQ: VQExercises {}

extension DelegatingVQ {
    var base: ReferenceVQ { ReferenceVQ() }
    func quantize(_ z: Tensor, codebook: Tensor) throws -> Quantized { try base.quantize(z, codebook: codebook) }
    func vqLosses(_ z: Tensor, codebook: Tensor, indices: [Int], beta: Float) throws -> VQLosses {
        try base.vqLosses(z, codebook: codebook, indices: indices, beta: beta)
    }
    func vqBackward(_ z: Tensor, codebook: Tensor, indices: [Int], decoderInputGradient: Tensor, beta: Float) throws -> VQGradients {
        try base.vqBackward(z, codebook: codebook, indices: indices, decoderInputGradient: decoderInputGradient, beta: beta)
    }
    func codebookUsage(_ indices: [Int], codebookSize: Int) throws -> CodebookUsage { try base.codebookUsage(indices, codebookSize: codebookSize) }
    func reinitializeDeadCodes(_ codebook: Tensor, counts: [Int], encoderOutputs: Tensor, rng: inout SeededGenerator) throws -> Tensor {
        try base.reinitializeDeadCodes(codebook, counts: counts, encoderOutputs: encoderOutputs, rng: &rng)
    }
}
