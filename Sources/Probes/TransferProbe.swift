import Course
import RepLearn

/// Lecture 9 over the wire.
enum TransferProbe {
    static func putLayers(_ w: inout WireWriter, _ layers: [DenseLayer]) { w.put(layers.map(\.weight)); w.put(layers.map(\.bias)) }
    static func layers(_ r: inout WireReader) throws -> [DenseLayer] {
        let ws = try r.tensors("weights"), bs = try r.tensors("biases")
        guard ws.count == bs.count else { throw WireError("\(ws.count) weights but \(bs.count) biases") }
        return zip(ws, bs).map { DenseLayer(weight: $0, bias: $1) }
    }

    static func serve(_ m: Method, _ r: inout WireReader, _ w: inout WireWriter, _ impl: any TransferExercises) throws {
        switch m {
        case .probeLoss:
            let g = try impl.probeLoss(try r.tensor(), labels: try r.ints(), weight: try r.tensor(), bias: try r.tensor(), l2: try r.float())
            w.put(g.loss); w.put(g.weight); w.put(g.bias)
        case .trainProbe:
            let h = try impl.trainProbe(try r.tensor(), labels: try r.ints(), classes: try r.int(), l2: try r.float(),
                                        learningRate: try r.float(), steps: try r.int())
            w.put(h.weight); w.put(h.bias)
        case .optimizerStep:
            let p = try r.tensors(), g = try r.tensors(), v = try r.tensors(), groups = try r.ints()
            let scales = try r.floats(), frozen = try r.ints()
            guard scales.count == frozen.count else { throw WireError("\(scales.count) scales but \(frozen.count) frozen flags") }
            let settings = zip(scales, frozen).map { GroupSetting(learningRateScale: $0, frozen: $1 != 0) }
            let s = try impl.optimizerStep(p, gradients: g, velocities: v, groups: groups, settings: settings,
                                           learningRate: try r.float(), momentum: try r.float(), weightDecay: try r.float())
            w.put(s.parameters); w.put(s.velocities)
        case .reinitializeTop:
            let l = try layers(&r), k = try r.int()
            var rng = try r.generator()
            putLayers(&w, try impl.reinitializeTop(l, k: k, rng: &rng)); w.put(rng)
        case .rdm: w.put(try impl.rdm(try r.tensor()))
        case .rsa: w.put(try impl.rsa(try r.tensor(), try r.tensor()))
        case .linearCKA: w.put(try impl.linearCKA(try r.tensor(), try r.tensor()))
        case .fewLabelIndices:
            let labels = try r.ints(), k = try r.int(), classes = try r.int()
            var rng = try r.generator()
            w.put(try impl.fewLabelIndices(labels, perClass: k, classes: classes, rng: &rng)); w.put(rng)
        default: throw WireError("\(m) is not a lecture-9 function")
        }
    }
}

/// Lecture 9's protocol, answered by a worker.
public struct RemoteTransfer: TransferExercises {
    let link: any Link
    public init(link: any Link) { self.link = link }

    public func probeLoss(_ features: Tensor, labels: [Int], weight: Tensor, bias: Tensor, l2: Float) throws -> ProbeGradients {
        try link.invoke(.probeLoss, { $0.put(features); $0.put(labels); $0.put(weight); $0.put(bias); $0.put(l2) }) {
            ProbeGradients(loss: try $0.double("loss"), weight: try $0.tensor("∂L/∂W"), bias: try $0.tensor("∂L/∂b"))
        }
    }
    public func trainProbe(_ features: Tensor, labels: [Int], classes: Int, l2: Float, learningRate: Float, steps: Int) throws -> ProbeHead {
        try link.invoke(.trainProbe, { $0.put(features); $0.put(labels); $0.put(classes); $0.put(l2); $0.put(learningRate); $0.put(steps) }) {
            ProbeHead(weight: try $0.tensor("W"), bias: try $0.tensor("b"))
        }
    }
    public func optimizerStep(_ parameters: [Tensor], gradients: [Tensor], velocities: [Tensor], groups: [Int],
                              settings: [GroupSetting], learningRate: Float, momentum: Float, weightDecay: Float) throws -> OptimizerState {
        try link.invoke(.optimizerStep, {
            $0.put(parameters); $0.put(gradients); $0.put(velocities); $0.put(groups)
            $0.put(settings.map(\.learningRateScale)); $0.put(settings.map { $0.frozen ? 1 : 0 })
            $0.put(learningRate); $0.put(momentum); $0.put(weightDecay)
        }) { OptimizerState(parameters: try $0.tensors("parameters"), velocities: try $0.tensors("velocities")) }
    }
    public func reinitializeTop(_ layers: [DenseLayer], k: Int, rng: inout SeededGenerator) throws -> [DenseLayer] {
        let g = rng
        let (out, after) = try link.invoke(.reinitializeTop, { TransferProbe.putLayers(&$0, layers); $0.put(k); $0.put(g) }) {
            (try TransferProbe.layers(&$0), try $0.generator())
        }
        rng = after
        return out
    }
    public func rdm(_ responses: Tensor) throws -> Tensor { try link.invoke(.rdm, { $0.put(responses) }) { try $0.tensor("RDM") } }
    public func rsa(_ a: Tensor, _ b: Tensor) throws -> Double { try link.invoke(.rsa, { $0.put(a); $0.put(b) }) { try $0.double("ρ") } }
    public func linearCKA(_ x: Tensor, _ y: Tensor) throws -> Double { try link.invoke(.linearCKA, { $0.put(x); $0.put(y) }) { try $0.double("CKA") } }
    public func fewLabelIndices(_ labels: [Int], perClass k: Int, classes: Int, rng: inout SeededGenerator) throws -> [Int] {
        let g = rng
        let (out, after) = try link.invoke(.fewLabelIndices, { $0.put(labels); $0.put(k); $0.put(classes); $0.put(g) }) {
            (try $0.ints("indices"), try $0.generator())
        }
        rng = after
        return out
    }
}
