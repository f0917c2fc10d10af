import Course
import RepLearn

/// Lecture 5 over the wire.
enum ColorizationProbe {
    static func serve(_ m: Method, _ r: inout WireReader, _ w: inout WireWriter, _ impl: any ColorizationExercises) throws {
        switch m {
        case .labFromSRGB: w.put(try impl.labFromSRGB(try r.tensor()))
        case .srgbFromLab: w.put(try impl.srgbFromLab(try r.tensor()))
        case .inGamutBins: w.put(try impl.inGamutBins(gridSize: try r.float(), levels: try r.int()))
        case .softEncode:
            w.put(try impl.softEncode(try r.tensor(), centres: try r.tensor(), neighbours: try r.int(), sigma: try r.float()))
        case .rebalancingWeights:
            let b = try impl.rebalancingWeights(prior: try r.tensor(), centres: try r.tensor(), gridSize: try r.float(),
                                                sigma: try r.float(), lambda: try r.float())
            w.put(b.smoothed); w.put(b.weights)
        case .weightedCrossEntropy:
            let l = try impl.weightedCrossEntropy(logits: try r.tensor(), targets: try r.tensor(), binWeights: try r.tensor())
            w.put(l.loss); w.put(l.gradient)
        case .annealedMean:
            w.put(try impl.annealedMean(try r.tensor(), centres: try r.tensor(), temperature: try r.float()))
        case .l2Loss:
            let l = try impl.l2Loss(prediction: try r.tensor(), target: try r.tensor())
            w.put(l.loss); w.put(l.gradient)
        default: throw WireError("\(m) is not a lecture-5 function")
        }
    }
}

/// Lecture 5's protocol, answered by a worker.
public struct RemoteColorization: ColorizationExercises {
    let link: any Link
    public init(link: any Link) { self.link = link }

    public func labFromSRGB(_ rgb: Tensor) throws -> Tensor {
        try link.invoke(.labFromSRGB, { $0.put(rgb) }) { try $0.tensor("Lab") }
    }
    public func srgbFromLab(_ lab: Tensor) throws -> Tensor {
        try link.invoke(.srgbFromLab, { $0.put(lab) }) { try $0.tensor("sRGB") }
    }
    public func inGamutBins(gridSize: Float, levels: Int) throws -> Tensor {
        try link.invoke(.inGamutBins, { $0.put(gridSize); $0.put(levels) }) { try $0.tensor("bin centres") }
    }
    public func softEncode(_ ab: Tensor, centres: Tensor, neighbours k: Int, sigma: Float) throws -> Tensor {
        try link.invoke(.softEncode, { $0.put(ab); $0.put(centres); $0.put(k); $0.put(sigma) }) { try $0.tensor("soft encoding") }
    }
    public func rebalancingWeights(prior: Tensor, centres: Tensor, gridSize: Float, sigma: Float, lambda: Float) throws -> Rebalancing {
        try link.invoke(.rebalancingWeights, { $0.put(prior); $0.put(centres); $0.put(gridSize); $0.put(sigma); $0.put(lambda) }) {
            Rebalancing(smoothed: try $0.tensor("smoothed prior"), weights: try $0.tensor("weights"))
        }
    }
    public func weightedCrossEntropy(logits: Tensor, targets: Tensor, binWeights: Tensor) throws -> LossAndGradient {
        try link.invoke(.weightedCrossEntropy, { $0.put(logits); $0.put(targets); $0.put(binWeights) }) {
            LossAndGradient(loss: try $0.double("loss"), gradient: try $0.tensor("∂L/∂logits"))
        }
    }
    public func annealedMean(_ probabilities: Tensor, centres: Tensor, temperature: Float) throws -> Tensor {
        try link.invoke(.annealedMean, { $0.put(probabilities); $0.put(centres); $0.put(temperature) }) { try $0.tensor("annealed mean") }
    }
    public func l2Loss(prediction: Tensor, target: Tensor) throws -> LossAndGradient {
        try link.invoke(.l2Loss, { $0.put(prediction); $0.put(target) }) {
            LossAndGradient(loss: try $0.double("loss"), gradient: try $0.tensor("∂L/∂Ŷ"))
        }
    }
}
