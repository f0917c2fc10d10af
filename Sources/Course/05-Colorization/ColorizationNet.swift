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

struct ColorizationTrainer {
    let bins: ABBins
    let weights: [Double]          // rebalancing weight per bin
    let sampler: CropSampler

    /// Trains for `steps` steps of `batch` crops (Adam, lr 1e-3 with a cosine decay); returns the
    /// loss per step.
    func train(_ net: ColorizationNet, loss kind: ColorizationLoss, steps: Int, batch: Int, rng: inout SeededGenerator) throws -> [Double] {
        let opt = AdamOptimizer([ParameterGroup(net.parameters)], learningRate: 1e-3)
        let schedule = CosineSchedule(base: 1e-3, warmup: steps / 20, total: steps, minimum: 1e-4)
        let progress = TrainingProgress("  \(kind.rawValue)", totalSteps: steps)
        let q = sampler.size / 4, positions = q * q, nq = bins.count
        var curve: [Double] = []
        for step in 0..<steps {
            opt.learningRate = schedule(step)
            let (x, ab) = sampler.batch(batch, rng: &rng)
            opt.zeroGrad()
            let out = try net.forward(Variable(x)).output
            let loss: Variable
            if kind == .regression {
                var target = Tensor.zeros([batch, 2, q, q])
                for i in 0..<batch { for k in 0..<(2 * positions) { target.data[i * 2 * positions + k] = ab[i][k] / 100 } }
                loss = try out.mseLoss(target: target)
            } else {
                var target = Tensor.zeros([batch, nq, q, q])
                var w = [Float](repeating: 1, count: batch * positions)
                for i in 0..<batch {
                    let pairs = (0..<positions).map { (ab[i][$0], ab[i][positions + $0]) }
                    let enc = bins.softEncode(pairs)
                    for p in 0..<positions {
                        for (bin, v) in zip(enc.bins[p], enc.weights[p]) { target.data[(i * nq + bin) * positions + p] = v }
                        if kind == .rebalanced { w[i * positions + p] = Float(weights[enc.bins[p][0]]) }
                    }
                }
                loss = try out.crossEntropy(targets: target, axis: 1, weights: w)
            }
            try loss.backward()
            try opt.step()
            let l = Double(loss.value.data[0])
            guard l.isFinite else { throw InputError("colorization (\(kind.rawValue)): the loss became \(l) at step \(step)") }
            curve.append(l)
            progress.step(step + 1, loss: l, batch: batch)
        }
        return curve
    }
}
