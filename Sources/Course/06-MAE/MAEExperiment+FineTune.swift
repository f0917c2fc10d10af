import Foundation
import RepLearn

/// Fine-tuning: the pretrained encoder plus a linear classifier on its mean-pooled features,
/// all weights trained on the probe's labelled images, scored on the test images — for r = 0.75,
/// the ratio with the best probe, and the same architecture from its random initialisation.
extension MAEExperiment {
    static let fineTuneSteps = 150

    func finetune(_ ctx: ExperimentContext, _ dir: URL) throws {
        guard let train, let test, !models.isEmpty else { return }
        let steps = ctx.quick ? 20 : Self.fineTuneSteps, batch = 64
        let bestRatio = bestProbeRatio ?? models[0].ratio
        var chosen: [(String, MaskedAutoencoder, Double?)] = []
        if let m = models.first(where: { $0.ratio == 0.75 }) { chosen.append(("MAE r = 0.75", m.model, 0.75)) }
        if bestRatio != 0.75, let m = models.first(where: { $0.ratio == bestRatio }) {
            chosen.append((String(format: "MAE r = %.2f (best probe)", bestRatio), m.model, bestRatio))
        }
        var initRng = SeededGenerator(seed: 60)
        chosen.append(("random initialisation", Self.make(rng: &initRng), nil))
        ctx.reporter.info("  \(steps) AdamW steps of \(batch) labelled images (from the probe's \(probeTrain)); all encoder weights and a linear classifier train")
        var out: [[String: Any]] = []
        for (name, model, ratio) in chosen {
            var rng = SeededGenerator(seed: 68)
            let head = Linear(model.encoder.dim, 10, init: .xavierUniform, rng: &rng)
            let params = model.encoder.parameters + head.parameters
            let opt = AdamOptimizer.adamW([ParameterGroup(params)], learningRate: 1e-3, betas: (0.9, 0.999), weightDecay: 0.05)
            let schedule = CosineSchedule(base: 1e-3, warmup: steps / 10, total: steps, minimum: 1e-5)
            let progress = TrainingProgress("  fine-tune \(name)", totalSteps: steps)
            let t0 = Date()
            for step in 0..<steps {
                opt.learningRate = schedule(step)
                let rows = (0..<batch).map { _ in rng.nextInt(below: probeTrain) }
                let x = try train.images.gatherRows(rows).reshaped([batch, 1, 28, 28])
                opt.zeroGrad()
                let loss = try head(model.encoder.features(Variable(x))).crossEntropy(labels: rows.map { train.labels[$0] })
                try loss.backward()
                try opt.step()
                progress.step(step + 1, loss: Double(loss.value.data[0]), batch: batch)
            }
            let seconds = Date().timeIntervalSince(t0)
            var correct = 0
            for start in stride(from: 0, to: test.images.rows, by: 500) {
                let rows = Array(start..<min(start + 500, test.images.rows))
                let x = try test.images.gatherRows(rows).reshaped([rows.count, 1, 28, 28])
                let predicted = try Graph.noGrad { try head(model.encoder.features(Variable(x))).value.argmaxRows() }
                correct += zip(predicted, rows).filter { $0 == test.labels[$1] }.count
            }
            let acc = Double(correct) / Double(test.images.rows)
            ctx.reporter.info(String(format: "    %@: fine-tuned test accuracy %.3f (%.0f s)", name, acc, seconds))
            var entry: [String: Any] = ["features": name, "finetune_accuracy": acc, "seconds": seconds]
            if let ratio { entry["ratio"] = ratio }
            out.append(entry)
        }
        try metrics?.set("finetune", ["steps": steps, "batch": batch, "labelled_training_images": probeTrain, "results": out])
    }
}
