import Course
import RepLearn

/// Lecture 6 over the wire. An optional mask travels as a flag and, when present, the tensor.
enum MAEProbe {
    static func serve(_ m: Method, _ r: inout WireReader, _ w: inout WireWriter, _ impl: any MAEExercises) throws {
        switch m {
        case .patchify: w.put(try impl.patchify(try r.tensor(), patch: try r.int()))
        case .unpatchify:
            let x = try r.tensor()
            w.put(try impl.unpatchify(x, patch: try r.int(), gridH: try r.int(), gridW: try r.int(), channels: try r.int()))
        case .randomMasking:
            let batch = try r.int(), patches = try r.int(), ratio = try r.double()
            var rng = try r.generator()
            let mk = try impl.randomMasking(batch: batch, patches: patches, ratio: ratio, rng: &rng)
            w.put(mk.keep.count); for k in mk.keep { w.put(k) }
            w.put(mk.restore.count); for k in mk.restore { w.put(k) }
            w.put(mk.mask); w.put(rng)
        case .sinCosEmbedding2D: w.put(try impl.sinCosEmbedding2D(dim: try r.int(), gridH: try r.int(), gridW: try r.int()))
        case .maeLoss:
            let l = try impl.maeLoss(prediction: try r.tensor(), target: try r.tensor(), mask: try r.tensor(), normalizeTarget: try r.bool())
            w.put(l.loss); w.put(l.gradient)
        case .attentionForward:
            let q = try r.tensor(), k = try r.tensor(), v = try r.tensor()
            w.put(try impl.attentionForward(q: q, k: k, v: v, mask: try optionalTensor(&r)))
        case .attentionBackward:
            let q = try r.tensor(), k = try r.tensor(), v = try r.tensor(), mask = try optionalTensor(&r)
            let g = try impl.attentionBackward(q: q, k: k, v: v, mask: mask, outputGradient: try r.tensor())
            w.put(g.q); w.put(g.k); w.put(g.v)
        case .bertCorrupt:
            let tokens = try r.ints(), ratio = try r.double(), vocab = try r.int(), maskToken = try r.int()
            var rng = try r.generator()
            let c = try impl.bertCorrupt(tokens, ratio: ratio, vocabularySize: vocab, maskToken: maskToken, rng: &rng)
            w.put(c.tokens); w.put(c.positions); w.put(rng)
        default: throw WireError("\(m) is not a lecture-6 function")
        }
    }

    static func optionalTensor(_ r: inout WireReader) throws -> Tensor? { try r.bool("mask present") ? try r.tensor("mask") : nil }
    static func put(_ t: Tensor?, _ w: inout WireWriter) { w.put(t != nil); if let t { w.put(t) } }
    static func intRows(_ r: inout WireReader, _ what: String) throws -> [[Int]] {
        let n = try r.int(what)
        guard n >= 0, n <= 1_000_000 else { throw WireError("\(what): \(n) rows") }
        return try (0..<n).map { _ in try r.ints(what) }
    }
}

/// Lecture 6's protocol, answered by a worker.
public struct RemoteMAE: MAEExercises {
    let link: any Link
    public init(link: any Link) { self.link = link }

    public func patchify(_ images: Tensor, patch: Int) throws -> Tensor {
        try link.invoke(.patchify, { $0.put(images); $0.put(patch) }) { try $0.tensor("patches") }
    }
    public func unpatchify(_ patches: Tensor, patch: Int, gridH: Int, gridW: Int, channels: Int) throws -> Tensor {
        try link.invoke(.unpatchify, { $0.put(patches); $0.put(patch); $0.put(gridH); $0.put(gridW); $0.put(channels) }) { try $0.tensor("images") }
    }
    public func randomMasking(batch: Int, patches: Int, ratio: Double, rng: inout SeededGenerator) throws -> PatchMasking {
        let g = rng
        let (m, after) = try link.invoke(.randomMasking, { $0.put(batch); $0.put(patches); $0.put(ratio); $0.put(g) }) {
            (PatchMasking(keep: try MAEProbe.intRows(&$0, "keep"), restore: try MAEProbe.intRows(&$0, "restore"), mask: try $0.tensor("mask")),
             try $0.generator())
        }
        rng = after
        return m
    }
    public func sinCosEmbedding2D(dim: Int, gridH: Int, gridW: Int) throws -> Tensor {
        try link.invoke(.sinCosEmbedding2D, { $0.put(dim); $0.put(gridH); $0.put(gridW) }) { try $0.tensor("embedding") }
    }
    public func maeLoss(prediction: Tensor, target: Tensor, mask: Tensor, normalizeTarget: Bool) throws -> MAELoss {
        try link.invoke(.maeLoss, { $0.put(prediction); $0.put(target); $0.put(mask); $0.put(normalizeTarget) }) {
            MAELoss(loss: try $0.double("loss"), gradient: try $0.tensor("gradient"))
        }
    }
    public func attentionForward(q: Tensor, k: Tensor, v: Tensor, mask: Tensor?) throws -> Tensor {
        try link.invoke(.attentionForward, { $0.put(q); $0.put(k); $0.put(v); MAEProbe.put(mask, &$0) }) { try $0.tensor("output") }
    }
    public func attentionBackward(q: Tensor, k: Tensor, v: Tensor, mask: Tensor?, outputGradient: Tensor) throws -> AttentionGradients {
        try link.invoke(.attentionBackward, { $0.put(q); $0.put(k); $0.put(v); MAEProbe.put(mask, &$0); $0.put(outputGradient) }) {
            AttentionGradients(q: try $0.tensor("∂L/∂q"), k: try $0.tensor("∂L/∂k"), v: try $0.tensor("∂L/∂v"))
        }
    }
    public func bertCorrupt(_ tokens: [Int], ratio: Double, vocabularySize: Int, maskToken: Int, rng: inout SeededGenerator) throws -> BERTCorruption {
        let g = rng
        let (c, after) = try link.invoke(.bertCorrupt, { $0.put(tokens); $0.put(ratio); $0.put(vocabularySize); $0.put(maskToken); $0.put(g) }) {
            (BERTCorruption(tokens: try $0.ints("tokens"), positions: try $0.ints("positions")), try $0.generator())
        }
        rng = after
        return c
    }
}
