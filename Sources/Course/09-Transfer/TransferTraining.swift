import Foundation
import RepLearn

/// Training loops of lecture 9, built on the chosen implementation's exercises: SGD with momentum
/// through `optimizerStep` (9.2, with frozen groups and per-group rates), partial transfer through
/// `reinitializeTop` (9.3), probes through `trainProbe` (9.1).
struct TransferTrainer {
    let impl: any TransferExercises

    /// How the net's layers are trained: a learning-rate scale per body layer (nil = frozen); the head always at 1.
    struct Plan { var bodyScales: [Float?] }

    /// The optimiser of a fine-tuning run.
    enum Recipe {
        /// SGD, momentum 0.9, weight decay 5e-4, through exercise 9.2's `optimizerStep` (the conv nets).
        case sgd(learningRate: Float)
        /// The library's AdamW (betas 0.9, 0.999) with a cosine schedule and warm-up over the first
        /// tenth, as lecture 6 fine-tunes its ViT: plain SGD barely moves a Transformer in 150 steps.
        case adamW(learningRate: Float, weightDecay: Float)
    }

    /// Mini-batch training on cross-entropy for `steps` steps (batches drawn with replacement); returns the last loss.
    /// One optimiser group per body group of `net` (scaled or frozen by `plan`), the head last at scale 1.
    @discardableResult
    func train(_ net: any TransferableNet, _ x: Tensor, _ labels: [Int], plan: Plan, recipe: Recipe = .sgd(learningRate: 0.02),
               steps: Int, batch: Int, rng: inout SeededGenerator, progress: TrainingProgress? = nil) throws -> Double {
        let body = net.bodyGroups
        guard plan.bodyScales.count == body.count else {
            throw InputError("transfer training: \(plan.bodyScales.count) learning-rate scales for \(body.count) body groups (\(net.groupNames.joined(separator: ", ")))")
        }
        let groups = zip(body, plan.bodyScales).map { ParameterGroup($0, learningRateScale: $1 ?? 0, frozen: $1 == nil) }
            + [ParameterGroup(net.headParameters)]
        let update: () throws -> Void
        switch recipe {
        case .sgd(let learningRate): update = try sgdStep(groups, learningRate: learningRate)
        case .adamW(let learningRate, let weightDecay):
            let opt = AdamOptimizer.adamW(groups, learningRate: learningRate, betas: (0.9, 0.999), weightDecay: weightDecay)
            let schedule = CosineSchedule(base: learningRate, warmup: steps / 10, total: steps, minimum: 1e-5)
            var t = 0
            update = { opt.learningRate = schedule(t); t += 1; try opt.step() }
        }
        let params = groups.flatMap(\.parameters)
        var last = Double.nan
        net.training = true
        defer { net.training = false }
        for step in 0..<steps {
            let idx = (0..<min(batch, x.rows)).map { _ in rng.nextInt(below: x.rows) }
            for p in params { p.zeroGrad() }
            let loss = try net.logits(Variable(try x.gatherRows(idx))).crossEntropy(labels: idx.map { labels[$0] })
            try loss.backward()
            last = Double(loss.value.data[0])
            guard last.isFinite else { throw InputError("transfer training: the loss became \(last) at step \(step)") }
            try update()
            progress?.step(step + 1, loss: last, batch: idx.count)
        }
        return last
    }

    /// One SGD step per call (momentum 0.9, weight decay 5e-4) through exercise 9.2, with the groups'
    /// scales and frozen flags as its `GroupSetting`s; the velocities live in the closure.
    func sgdStep(_ groups: [ParameterGroup], learningRate: Float) throws -> () throws -> Void {
        let params = groups.flatMap(\.parameters)
        let index = groups.enumerated().flatMap { g in Array(repeating: g.offset, count: g.element.parameters.count) }
        let settings = groups.map { GroupSetting(learningRateScale: $0.learningRateScale, frozen: $0.frozen) }
        var velocities = params.map { Tensor.zeros($0.value.shape) }
        return {
            let grads = params.map { $0.grad ?? Tensor.zeros($0.value.shape) }
            let s = try impl.optimizerStep(params.map(\.value), gradients: grads, velocities: velocities, groups: index,
                                           settings: settings, learningRate: learningRate, momentum: 0.9, weightDecay: 5e-4)
            for (p, v) in zip(params, s.parameters) { p.value = v }
            velocities = s.velocities
        }
    }

    /// Re-initialises the top `k` of `layers` (bottom → top; a conv weight [O, C, k, k] is seen as
    /// [O, C·k²]) with the exercise's PyTorch-default draws.
    func reinitializeTop(_ layers: [(weight: Variable, bias: Variable)], k: Int, rng: inout SeededGenerator) throws {
        let dense = try layers.map { DenseLayer(weight: try $0.weight.value.reshaped([$0.weight.shape[0], $0.weight.value.count / $0.weight.shape[0]]), bias: $0.bias.value) }
        let fresh = try impl.reinitializeTop(dense, k: k, rng: &rng)
        for (layer, new) in zip(layers, fresh) {
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

    /// Test accuracy of the net's own head, in chunks of 500 without a tape.
    static func accuracy(_ net: any TransferableNet, _ x: Tensor, _ labels: [Int]) throws -> Double {
        var predicted: [Int] = []
        net.training = false
        for start in stride(from: 0, to: x.rows, by: 500) {
            let part = try x.gatherRows(Array(start..<min(start + 500, x.rows)))
            predicted += try Graph.noGrad { try net.logits(Variable(part)).value.argmaxRows() }
        }
        return accuracy(predicted, labels)
    }
}
