import Course
import RepLearn

/// Lecture 4 over the wire.
enum VQProbe {
    static func serve(_ m: Method, _ r: inout WireReader, _ w: inout WireWriter, _ impl: any VQExercises) throws {
        switch m {
        case .quantize: let q = try impl.quantize(try r.tensor(), codebook: try r.tensor()); w.put(q.indices); w.put(q.vectors)
        case .vqLosses:
            let l = try impl.vqLosses(try r.tensor(), codebook: try r.tensor(), indices: try r.ints(), beta: try r.float())
            w.put(l.codebook); w.put(l.commitment); w.put(l.total)
        case .vqBackward:
            let g = try impl.vqBackward(try r.tensor(), codebook: try r.tensor(), indices: try r.ints(),
                                        decoderInputGradient: try r.tensor(), beta: try r.float())
            w.put(g.encoder); w.put(g.codebook)
        case .codebookUsage: let u = try impl.codebookUsage(try r.ints(), codebookSize: try r.int()); w.put(u.counts); w.put(u.perplexity)
        case .reinitializeDeadCodes:
            let cb = try r.tensor(), counts = try r.ints(), z = try r.tensor()
            var rng = try r.generator()
            w.put(try impl.reinitializeDeadCodes(cb, counts: counts, encoderOutputs: z, rng: &rng)); w.put(rng)
        default: throw WireError("\(m) is not a lecture-4 function")
        }
    }
}

/// Lecture 4's protocol, answered by a worker.
public struct RemoteVQ: VQExercises {
    let link: any Link
    public init(link: any Link) { self.link = link }

    public func quantize(_ z: Tensor, codebook: Tensor) throws -> Quantized {
        try link.invoke(.quantize, { $0.put(z); $0.put(codebook) }) { Quantized(indices: try $0.ints("indices"), vectors: try $0.tensor("z_q")) }
    }
    public func vqLosses(_ z: Tensor, codebook: Tensor, indices: [Int], beta: Float) throws -> VQLosses {
        try link.invoke(.vqLosses, { $0.put(z); $0.put(codebook); $0.put(indices); $0.put(beta) }) {
            VQLosses(codebook: try $0.double(), commitment: try $0.double(), total: try $0.double())
        }
    }
    public func vqBackward(_ z: Tensor, codebook: Tensor, indices: [Int], decoderInputGradient: Tensor, beta: Float) throws -> VQGradients {
        try link.invoke(.vqBackward, { $0.put(z); $0.put(codebook); $0.put(indices); $0.put(decoderInputGradient); $0.put(beta) }) {
            VQGradients(encoder: try $0.tensor("∂L/∂z_e"), codebook: try $0.tensor("∂L/∂e"))
        }
    }
    public func codebookUsage(_ indices: [Int], codebookSize: Int) throws -> CodebookUsage {
        try link.invoke(.codebookUsage, { $0.put(indices); $0.put(codebookSize) }) {
            CodebookUsage(counts: try $0.ints("counts"), perplexity: try $0.double("perplexity"))
        }
    }
    public func reinitializeDeadCodes(_ codebook: Tensor, counts: [Int], encoderOutputs: Tensor, rng: inout SeededGenerator) throws -> Tensor {
        let g = rng
        let (c, after) = try link.invoke(.reinitializeDeadCodes, { $0.put(codebook); $0.put(counts); $0.put(encoderOutputs); $0.put(g) }) {
            (try $0.tensor(), try $0.generator())
        }
        rng = after
        return c
    }
}
