import Foundation
import RepLearn

/// The colorization network: a small fully convolutional net from L at full resolution to a
/// prediction at 1/4 resolution (Zhang et al. predict at 1/4 too and upsample the ab):
///   conv 3×3 1→32, conv 3×3 stride 2 32→64, conv 3×3 64→64, conv 3×3 stride 2 64→128,
///   conv 3×3 dilation 2 128→128 ("conv5", the deepest features), conv 1×1 128→outputs,
/// ReLU after every conv but the last. outputs = Q bins (classification) or 2 (ab regression).
public final class ColorizationNet: Module {
    public let layers: [Conv2d]

    public init(outputs: Int, rng: inout SeededGenerator) {
        layers = [Conv2d(1, 32, kernel: 3, ConvGeometry(padding: 1), rng: &rng),
                  Conv2d(32, 64, kernel: 3, ConvGeometry(stride: 2, padding: 1), rng: &rng),
                  Conv2d(64, 64, kernel: 3, ConvGeometry(padding: 1), rng: &rng),
                  Conv2d(64, 128, kernel: 3, ConvGeometry(stride: 2, padding: 1), rng: &rng),
                  Conv2d(128, 128, kernel: 3, ConvGeometry(padding: 2, dilation: 2), rng: &rng),
                  Conv2d(128, outputs, kernel: 1, rng: &rng)]
    }

    /// x: [N, 1, H, W] → (output [N, outputs, H/4, W/4], conv5 features [N, 128, H/4, W/4]).
    public func forward(_ x: Variable) throws -> (output: Variable, features: Variable) {
        var h = x
        for layer in layers.dropLast() { h = try layer(h).relu() }
        return (try layers[layers.count - 1](h), h)
    }

    public var namedParameters: [(String, Variable)] { layers.enumerated().flatMap { prefixed("conv\($0.offset + 1)", $0.element) } }
}

/// How a net is trained: L2 regression on ab, or classification over the bins (optionally
/// rebalanced).
enum ColorizationLoss: String {
    case regression = "L2 regression"
    case classification = "classification"
    case rebalanced = "classification, rebalanced"
}

/// Trains a ColorizationNet with the exercises' losses: the targets (5.3 soft encoding), the
/// per-bin weights (5.4) and the loss with its gradient (5.5 or 5.7) come from `impl`; the tape
/// carries that gradient back through the network (``Variable/externalLoss(value:gradient:)``).
struct ColorizationTrainer {
    let impl: any ColorizationExercises
    let bins: ABBins
    /// Rebalancing weight per bin, [Q].
    let weights: Tensor
    let sampler: CropSampler
    /// Soft encoding: nearest bins and Gaussian σ (ab units).
    static let neighbours = 5, encodingSigma: Float = 5

    /// Trains for `steps` steps of `batch` crops (Adam, lr 1e-3 with a cosine decay); returns the
    /// loss per step.
    func train(_ net: ColorizationNet, loss kind: ColorizationLoss, steps: Int, batch: Int, rng: inout SeededGenerator) throws -> [Double] {
        let opt = AdamOptimizer([ParameterGroup(net.parameters)], learningRate: 1e-3)
        let schedule = CosineSchedule(base: 1e-3, warmup: steps / 20, total: steps, minimum: 1e-4)
        let progress = TrainingProgress("  \(kind.rawValue)", totalSteps: steps)
        let binWeights = kind == .rebalanced ? weights : Tensor(repeating: 1, shape: [bins.count])
        var curve: [Double] = []
        for step in 0..<steps {
            opt.learningRate = schedule(step)
            let (x, ab) = sampler.batch(batch, rng: &rng)
            opt.zeroGrad()
            let out = try net.forward(Variable(x)).output                 // [B, 2 or Q, s/4, s/4]
            let abRows = PositionRows.rows(try Tensor(shape: [batch, 2, sampler.size / 4, sampler.size / 4], data: ab.flatMap { $0 }))
            let result: LossAndGradient
            if kind == .regression {
                // the net predicts ab / 100
                result = try impl.l2Loss(prediction: PositionRows.rows(out.value), target: abRows * 0.01)
            } else {
                let targets = try impl.softEncode(abRows, centres: bins.centres, neighbours: Self.neighbours, sigma: Self.encodingSigma)
                try targets.expectShape([abRows.rows, bins.count], "softEncode (exercise 5.3)", name: "targets")
                result = try impl.weightedCrossEntropy(logits: PositionRows.rows(out.value), targets: targets, binWeights: binWeights)
            }
            let loss = try out.externalLoss(value: result.loss, gradient: try PositionRows.nchw(result.gradient, like: out.shape))
            try loss.backward()
            try opt.step()
            let l = result.loss
            guard l.isFinite else { throw InputError("colorization (\(kind.rawValue)): the loss became \(l) at step \(step)") }
            curve.append(l)
            progress.step(step + 1, loss: l, batch: batch)
        }
        return curve
    }
}
