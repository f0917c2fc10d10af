import Course
import RepLearn

/// Lecture 8 over the wire.
enum ContrastiveProbe {
    static func serve(_ m: Method, _ r: inout WireReader, _ w: inout WireWriter, _ impl: any ContrastiveExercises) throws {
        switch m {
        case .nceLoss:
            let l = try impl.nceLoss(data: try r.tensor(), noise: try r.tensor(), theta: try r.tensor(),
                                     noiseMean: try r.float(), noiseStd: try r.float(), nu: try r.float())
            w.put(l.loss); w.put(l.gradient)
        case .ntXent: let l = try impl.ntXent(try r.tensor(), temperature: try r.float()); w.put(l.loss); w.put(l.gradient)
        case .alignment: w.put(try impl.alignment(try r.tensor(), try r.tensor(), alpha: try r.double()))
        case .uniformity: w.put(try impl.uniformity(try r.tensor(), t: try r.double()))
        case .augmentView:
            let x = try r.tensor()
            let a = ViewAugmentation(cropScale: try r.double()...(try r.double()), cropRatio: try r.double()...(try r.double()),
                                     flipProbability: try r.double(), rotationDegrees: try r.double(), noiseStd: try r.float())
            var rng = try r.generator()
            w.put(try impl.augmentView(x, a, rng: &rng)); w.put(rng)
        case .rotationBatch: let b = try impl.rotationBatch(try r.tensor()); w.put(b.images); w.put(b.labels)
        case .rotationLoss: let l = try impl.rotationLoss(logits: try r.tensor(), labels: try r.ints()); w.put(l.loss); w.put(l.gradient)
        default: throw WireError("\(m) is not a lecture-8 function")
        }
    }
}

/// Lecture 8's protocol, answered by a worker.
public struct RemoteContrastive: ContrastiveExercises {
    let link: any Link
    public init(link: any Link) { self.link = link }

    public func nceLoss(data: Tensor, noise: Tensor, theta: Tensor, noiseMean: Float, noiseStd: Float, nu: Float) throws -> NCELoss {
        try link.invoke(.nceLoss, { $0.put(data); $0.put(noise); $0.put(theta); $0.put(noiseMean); $0.put(noiseStd); $0.put(nu) }) {
            NCELoss(loss: try $0.double("loss"), gradient: try $0.tensor("∂loss/∂θ"))
        }
    }
    public func ntXent(_ z: Tensor, temperature: Float) throws -> NTXentLoss {
        try link.invoke(.ntXent, { $0.put(z); $0.put(temperature) }) { NTXentLoss(loss: try $0.double("loss"), gradient: try $0.tensor("∂loss/∂z")) }
    }
    public func alignment(_ x: Tensor, _ y: Tensor, alpha: Double) throws -> Double {
        try link.invoke(.alignment, { $0.put(x); $0.put(y); $0.put(alpha) }) { try $0.double("alignment") }
    }
    public func uniformity(_ x: Tensor, t: Double) throws -> Double {
        try link.invoke(.uniformity, { $0.put(x); $0.put(t) }) { try $0.double("uniformity") }
    }
    public func augmentView(_ x: Tensor, _ a: ViewAugmentation, rng: inout SeededGenerator) throws -> Tensor {
        let g = rng
        let (v, after) = try link.invoke(.augmentView, {
            $0.put(x); $0.put(a.cropScale.lowerBound); $0.put(a.cropScale.upperBound)
            $0.put(a.cropRatio.lowerBound); $0.put(a.cropRatio.upperBound)
            $0.put(a.flipProbability); $0.put(a.rotationDegrees); $0.put(a.noiseStd); $0.put(g)
        }) { (try $0.tensor("view"), try $0.generator()) }
        rng = after
        return v
    }
    public func rotationBatch(_ x: Tensor) throws -> RotationBatch {
        try link.invoke(.rotationBatch, { $0.put(x) }) { RotationBatch(images: try $0.tensor("images"), labels: try $0.ints("labels")) }
    }
    public func rotationLoss(logits: Tensor, labels: [Int]) throws -> ClassificationLoss {
        try link.invoke(.rotationLoss, { $0.put(logits); $0.put(labels) }) {
            ClassificationLoss(loss: try $0.double("loss"), gradient: try $0.tensor("∂loss/∂logits"))
        }
    }
}
