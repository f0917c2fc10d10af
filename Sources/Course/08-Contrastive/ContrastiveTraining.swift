import Foundation
import RepLearn

/// Lecture 8's training loops. The loss gradients come from the exercises (`impl`): the tape
/// carries them into the network through the surrogate Σ z ⊙ ∂L/∂z, whose gradient w.r.t. z is
/// exactly ∂L/∂z. So `--impl student` trains with the student's NT-Xent, views and rotations.
struct ContrastiveTrainer {
    let impl: any ContrastiveExercises
    let images: Tensor           // [n, 784] in [0, 1]

    /// Settings of one SimCLR run.
    struct Run {
        var temperature: Float = 0.2
        var batch = 256
        var steps = 200
        var learningRate: Float = 2e-3
        var views = ViewAugmentation(cropScale: 0.3...1, flipProbability: 0.5, rotationDegrees: 15, noiseStd: 0.1)
        var seed: UInt64 = 80
        /// Record alignment and uniformity every this many steps (0: never).
        var trackEvery = 0
    }

    /// One point of the Wang & Isola curve: step, alignment (α = 2), uniformity (t = 2), on normalised z.
    struct Track { var step: Int; var align: Double; var uniform: Double }

    struct Trained {
        let encoder: ContrastiveEncoder
        let head: ProjectionHead
        let losses: [Double]
        let track: [Track]
        let seconds: Double
    }

    static func batchRows(_ n: Int, _ b: Int, _ rng: inout SeededGenerator) -> [Int] { (0..<b).map { _ in rng.nextInt(below: n) } }

    static func stack(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        try Tensor(shape: [a.shape[0] + b.shape[0]] + Array(a.shape.dropFirst()), data: a.data + b.data)
    }

    static func normalisedRows(_ t: Tensor) throws -> Tensor {
        let norms = try t.rowNorms()
        var u = t
        for i in 0..<t.rows { for j in 0..<t.cols { u[i, j] /= max(norms[i], 1e-12) } }
        return u
    }

    /// SimCLR: two views per image (8.4), encoder + head, NT-Xent (8.2), Adam with a cosine schedule.
    func simCLR(_ run: Run, label: String, probeImages: Tensor? = nil) throws -> Trained {
        let learner = try SimCLRLearner(impl: impl, images: images, temperature: run.temperature, batch: run.batch,
                                        views: run.views, learningRate: run.learningRate, seed: run.seed)
        let schedule = CosineSchedule(base: run.learningRate, warmup: max(1, run.steps / 20), total: run.steps, minimum: run.learningRate / 50)
        let progress = TrainingProgress(label, totalSteps: run.steps)
        var losses: [Double] = [], track: [Track] = []
        let start = Date()
        func record(_ step: Int) throws {
            guard run.trackEvery > 0, let probeImages else { return }
            var r = SeededGenerator(seed: 8_000 + UInt64(step))
            let x = try probeImages.reshaped([probeImages.rows, 1, 28, 28])
            let (v1, v2) = (try impl.augmentView(x, run.views, rng: &r), try impl.augmentView(x, run.views, rng: &r))
            let z1 = try Self.normalisedRows(try learner.encoder.features(v1.reshaped([x.shape[0], 784]), head: learner.head).z!)
            let z2 = try Self.normalisedRows(try learner.encoder.features(v2.reshaped([x.shape[0], 784]), head: learner.head).z!)
            track.append(Track(step: step, align: try impl.alignment(z1, z2, alpha: 2), uniform: try impl.uniformity(z1, t: 2)))
        }
        try record(0)
        for step in 0..<run.steps {
            learner.optimizer.learningRate = schedule(step)
            let loss = try learner.step()
            losses.append(loss)
            progress.step(step + 1, loss: loss, batch: run.batch)
            if run.trackEvery > 0 && (step + 1) % run.trackEvery == 0 { try record(step + 1) }
        }
        return Trained(encoder: learner.encoder, head: learner.head, losses: losses, track: track, seconds: Date().timeIntervalSince(start))
    }

    /// Rotation prediction (8.5): each batch of B images becomes 4B rotated ones; encoder + Linear 128→4.
    func rotation(steps: Int, batch: Int, learningRate: Float = 2e-3, seed: UInt64 = 85, label: String) throws -> (ContrastiveEncoder, Double, [Double]) {
        var rng = SeededGenerator(seed: seed)
        let encoder = ContrastiveEncoder(rng: &rng), classifier = Linear(ContrastiveEncoder.width, 4, rng: &rng)
        let opt = AdamOptimizer([ParameterGroup(encoder.parameters + classifier.parameters)], learningRate: learningRate)
        let schedule = CosineSchedule(base: learningRate, warmup: max(1, steps / 20), total: steps, minimum: learningRate / 50)
        let progress = TrainingProgress(label, totalSteps: steps)
        var losses: [Double] = []
        let start = Date()
        for step in 0..<steps {
            opt.learningRate = schedule(step)
            let x = try images.gatherRows(Self.batchRows(images.rows, batch, &rng)).reshaped([batch, 1, 28, 28])
            let b = try impl.rotationBatch(x)
            opt.zeroGrad()
            let logits = try classifier(encoder(Variable(b.images)))
            let l = try impl.rotationLoss(logits: logits.value, labels: b.labels)
            guard l.loss.isFinite, l.gradient.shape == logits.value.shape else {
                throw InputError("rotation (\(label)): the loss gave \(l.loss), gradient \(l.gradient.shape) at step \(step + 1)")
            }
            try (logits * Variable(l.gradient)).sum().backward()
            try opt.step()
            losses.append(l.loss)
            progress.step(step + 1, loss: l.loss, batch: 4 * batch)
        }
        return (encoder, Date().timeIntervalSince(start), losses)
    }

    /// The ceiling: the same encoder trained with all labels (cross-entropy through Linear 128→10).
    func supervised(labels: [Int], steps: Int, batch: Int, learningRate: Float = 2e-3, seed: UInt64 = 86, label: String) throws -> (ContrastiveEncoder, Double) {
        var rng = SeededGenerator(seed: seed)
        let encoder = ContrastiveEncoder(rng: &rng), classifier = Linear(ContrastiveEncoder.width, 10, rng: &rng)
        let opt = AdamOptimizer([ParameterGroup(encoder.parameters + classifier.parameters)], learningRate: learningRate)
        let schedule = CosineSchedule(base: learningRate, warmup: max(1, steps / 20), total: steps, minimum: learningRate / 50)
        let progress = TrainingProgress(label, totalSteps: steps)
        let start = Date()
        for step in 0..<steps {
            opt.learningRate = schedule(step)
            let rows = Self.batchRows(images.rows, batch, &rng)
            let x = try images.gatherRows(rows).reshaped([batch, 1, 28, 28])
            opt.zeroGrad()
            let l = try classifier(encoder(Variable(x))).crossEntropy(labels: rows.map { labels[$0] })
            try l.backward()
            try opt.step()
            progress.step(step + 1, loss: Double(l.value.data[0]), batch: batch)
        }
        return (encoder, Date().timeIntervalSince(start))
    }
}

/// One SimCLR training step at a time (the experiment's runs):
/// B images drawn with replacement, two views each (8.4), h = encoder, z = head(h): [2B, 64],
/// NT-Xent (8.2) with the pairs (i, i + B), its gradient pushed through the tape, one Adam step.
public final class SimCLRLearner {
    public let encoder: ContrastiveEncoder, head: ProjectionHead
    public let optimizer: AdamOptimizer
    let impl: any ContrastiveExercises
    let images: Tensor
    let temperature: Float, batch: Int, views: ViewAugmentation
    var rng: SeededGenerator

    /// images: [n, 784] in [0, 1].
    public init(impl: any ContrastiveExercises, images: Tensor, temperature: Float, batch: Int,
                views: ViewAugmentation, learningRate: Float = 2e-3, seed: UInt64 = 80) throws {
        try images.expectShape([-1, 784], "SimCLRLearner", name: "images")
        rng = SeededGenerator(seed: seed)
        encoder = ContrastiveEncoder(rng: &rng); head = ProjectionHead(rng: &rng)
        optimizer = AdamOptimizer([ParameterGroup(encoder.parameters + head.parameters)], learningRate: learningRate)
        self.impl = impl; self.images = images
        self.temperature = temperature; self.batch = batch; self.views = views
    }

    /// One step → its NT-Xent loss.
    @discardableResult
    public func step() throws -> Double {
        let rows = ContrastiveTrainer.batchRows(images.rows, batch, &rng)
        let x = try images.gatherRows(rows).reshaped([batch, 1, 28, 28])
        let v1 = try impl.augmentView(x, views, rng: &rng)
        let v2 = try impl.augmentView(x, views, rng: &rng)
        optimizer.zeroGrad()
        let z = try head(encoder(Variable(try ContrastiveTrainer.stack(v1, v2))))      // [2B, 64]; rows i, i + B a positive pair
        let l = try impl.ntXent(z.value, temperature: temperature)
        guard l.loss.isFinite, l.gradient.shape == z.value.shape else {
            throw InputError("SimCLR: NT-Xent gave loss \(l.loss) and a gradient of shape \(l.gradient.shape) for z: \(z.value.shape)")
        }
        try (z * Variable(l.gradient)).sum().backward()                                 // ∂(Σ z ⊙ g)/∂z = g
        try optimizer.step()
        return l.loss
    }
}
