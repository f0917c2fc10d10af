import Foundation
import RepLearn

/// Training loops of lecture 9, built on the chosen implementation's exercises: SGD with momentum
/// through `optimizerStep` (9.2, with frozen groups and per-group rates), partial transfer through
/// `reinitializeTop` (9.3), probes through `trainProbe` (9.1).
struct TransferTrainer {
    let impl: any TransferExercises

    /// How the net's layers are trained: a learning-rate scale per body layer (nil = frozen); the head always at 1.
    struct Plan { var bodyScales: [Float?] }

    /// Mini-batch SGD (momentum 0.9, weight decay 5e-4) on cross-entropy for `steps` steps; returns the last loss.
    @discardableResult
    func train(_ net: TransferNet, _ x: Tensor, _ labels: [Int], plan: Plan, steps: Int, batch: Int, learningRate: Float,
               rng: inout SeededGenerator, progress: TrainingProgress? = nil) throws -> Double {
        // Parameters: body layers (weight, bias) then the head; group i per body layer, the head last.
        var params: [Variable] = [], groups: [Int] = []
        var settings: [GroupSetting] = []
        for (l, layer) in net.body.enumerated() {
            params += [layer.weight, layer.bias]; groups += [l, l]
            settings.append(GroupSetting(learningRateScale: plan.bodyScales[l] ?? 0, frozen: plan.bodyScales[l] == nil))
        }
        params += [net.head.weight, net.head.bias!]; groups += [settings.count, settings.count]
        settings.append(GroupSetting(learningRateScale: 1))
        var velocities = params.map { Tensor.zeros($0.value.shape) }
        var last = Double.nan
        for step in 0..<steps {
            let idx = (0..<min(batch, x.rows)).map { _ in rng.nextInt(below: x.rows) }
            for p in params { p.zeroGrad() }
            let logits = try net.forward(Variable(try x.gatherRows(idx)))[3]
            let loss = try logits.crossEntropy(labels: idx.map { labels[$0] })
            try loss.backward()
            last = Double(loss.value.data[0])
            guard last.isFinite else { throw InputError("transfer training: the loss became \(last) at step \(step)") }
            let grads = params.map { $0.grad ?? Tensor.zeros($0.value.shape) }
            let s = try impl.optimizerStep(params.map(\.value), gradients: grads, velocities: velocities, groups: groups,
                                           settings: settings, learningRate: learningRate, momentum: 0.9, weightDecay: 5e-4)
            for (p, v) in zip(params, s.parameters) { p.value = v }
            velocities = s.velocities
            progress?.step(step + 1, loss: last, batch: idx.count)
        }
        return last
    }

    /// Re-initialises the top `k` body layers of `net` with the exercise's PyTorch-default draws.
    func reinitializeTop(_ net: TransferNet, k: Int, rng: inout SeededGenerator) throws {
        let dense = try net.body.map { DenseLayer(weight: try $0.weight.value.reshaped([$0.weight.shape[0], $0.weight.value.count / $0.weight.shape[0]]), bias: $0.bias.value) }
        let fresh = try impl.reinitializeTop(dense, k: k, rng: &rng)
        for (layer, new) in zip(net.body, fresh) {
            layer.weight.value = try new.weight.reshaped(layer.weight.shape)
            layer.bias.value = new.bias
        }
    }

    /// A linear probe on standardised features (mean and scale from the training features).
    func probeAccuracy(train: Tensor, _ labels: [Int], test: Tensor, _ testLabels: [Int], classes: Int = 10, steps: Int = 200) throws -> Double {
        let (mean, scale) = try Self.standardiser(train)
        let head = try impl.trainProbe(try LinearProbe.standardize(train, mean, scale), labels: labels, classes: classes,
                                       l2: 1e-3, learningRate: 0.5, steps: steps)
        let scores = try Tensor.matmul(try LinearProbe.standardize(test, mean, scale), head.weight, transposeB: true).addingRowVector(head.bias)
        return Self.accuracy(try scores.argmaxRows(), testLabels)
    }

    /// Column means [d] and inverse spreads [d], each spread floored at a tenth of the average spread:
    /// a feature that is almost constant (a border pixel lit in a handful of images) must not be
    /// blown up into a huge, badly conditioned one for plain gradient descent.
    static func standardiser(_ x: Tensor) throws -> (mean: Tensor, scale: Tensor) {
        let mean = try x.columnSums() * (1 / Float(x.rows))
        let centred = try x.addingRowVector(-mean)
        let std = try (centred * centred).columnSums().data.map { ($0 / Float(x.rows)).squareRoot() }
        let floor = max(0.1 * std.reduce(0, +) / Float(max(std.count, 1)), 1e-6)
        return (mean, Tensor(vector: std.map { 1 / max($0, floor) }))
    }

    static func accuracy(_ predicted: [Int], _ labels: [Int]) -> Double {
        Double(zip(predicted, labels).filter { $0 == $1 }.count) / Double(max(labels.count, 1))
    }

    /// Test accuracy of the net's own head.
    static func accuracy(_ net: TransferNet, _ x: Tensor, _ labels: [Int]) throws -> Double {
        accuracy(try net.features(x, layer: 3).argmaxRows(), labels)
    }
}
