import Foundation
import RepLearn

/// Lecture 8's SimCLR encoder and lecture 6's MAE encoder (both trained on Fashion-MNIST images
/// without labels) as sources: probed beside the supervised and random nets (`ssl`), then
/// transferred in every mode to both targets (`ssl-modes`).
extension TransferExperiment {
    /// Labels per class and seeds for the self-supervised sources' modes tables (k = 0: all labels).
    /// The MAE's ViT costs about 5× the conv encoder per step, so it gets one seed and no all-labels
    /// row: its table alone would otherwise take longer than the rest of the run.
    func selfSupervisedCounts(_ quick: Bool, vit: Bool) -> [(k: Int, seeds: Int)] {
        quick ? [(10, 1)] : vit ? [(1, 1), (10, 1), (100, 1)] : [(1, 3), (10, 3), (100, 1), (0, 1)]
    }

    /// Loads (or trains, with a message) both encoders; linear probes on both targets at 1, 10, 100
    /// labels per class against pixels, the supervised MNIST net's fc1 and a random net's fc1.
    func selfSupervised(_ ctx: ExperimentContext, _ dir: URL) throws {
        guard let source, let random, let target else { return }
        let t = trainer(ctx)
        let simclr = try loadSimCLR(ctx, images: target.train.images)
        let mae = try loadMAE(ctx, images: target.train.images)
        var r = SeededGenerator(seed: 82)
        let simclrNet = SimCLRClassifier(encoder: simclr, rng: &r)
        let maeNet = ViTClassifier(encoder: mae.encoder, rng: &r)
        selfSupervisedSources = [
            TransferSource(key: "simclr", name: "SimCLR (Fashion-MNIST, no labels)", shortName: "SimCLR encoder", pretrained: simclrNet, make: { SimCLRClassifier(rng: &$0) },
                           probe: { try simclrNet.features($0) }, probeLayer: "h", keep: 1, freeze: 2, recipe: .sgd(learningRate: 0.02)),
            TransferSource(key: "mae", name: "MAE r = 0.75 (Fashion-MNIST, no labels)", shortName: "MAE encoder", pretrained: maeNet, make: { ViTClassifier(rng: &$0) },
                           probe: { try MAEExperiment.features(mae, $0) }, probeLayer: "mean token", keep: 2, freeze: 3,
                           recipe: .adamW(learningRate: 1e-3, weightDecay: 0.05)),
        ]
        let mnist = (train: try Datasets.mnist("train", limit: ctx.quick ? 5_000 : 20_000), test: try Datasets.mnist("test", limit: ctx.quick ? 2_000 : 10_000))
        mnistTarget = mnist
        let encoders: [(String, (Tensor) throws -> Tensor)] = [
            ("pixels", { $0 }),
            ("SimCLR (Fashion-MNIST, no labels)", { try simclrNet.features($0) }),
            ("MAE r = 0.75 (Fashion-MNIST, no labels)", { try MAEExperiment.features(mae, $0) }),
            ("supervised MNIST fc1", { try source.features($0, layer: 2) }),
            ("random net fc1", { try random.features($0, layer: 2) }),
        ]
        selfSupervisedLayers = [
            ("SimCLR", [("SimCLR conv1", { try simclrNet.layerFeatures($0, layer: 0) }), ("SimCLR conv2", { try simclrNet.layerFeatures($0, layer: 1) }),
                        ("SimCLR h", { try simclrNet.features($0) })]),
            ("MAE r = 0.75", maeNet.encoder.blocks.indices.map { l in ("MAE block \(l + 1)", { try maeNet.layerFeatures($0, layer: l) }) }),
        ]
        var table: [String: [String: Double]] = [:]
        for (targetName, train, test) in [("fashion-mnist", target.train, target.test), ("mnist", mnist.train, mnist.test)] {
            let testFeatures = try encoders.map { try $0.1(test.images) }          // once per target, not per label count
            for k in ctx.quick ? [10] : [1, 10, 100] {
                var r = SeededGenerator(seed: UInt64(950 + k))
                let idx = try ctx.impls.transfer.fewLabelIndices(train.labels, perClass: k, classes: 10, rng: &r)
                let x = try train.images.gatherRows(idx), y = idx.map { train.labels[$0] }
                var line = "  \(targetName), \(k) label\(k == 1 ? "" : "s")/class:"
                for ((name, encode), testX) in zip(encoders, testFeatures) {
                    let a = try t.probeAccuracy(train: try encode(x), y, test: testX, test.labels)
                    table["\(targetName)/\(k)", default: [:]][name] = a
                    line += " \(name) \(String(format: "%.3f", a));"
                }
                ctx.reporter.info(String(line.dropLast()))
            }
        }
        let simclrFile = ctx.outDir("contrastive").appendingPathComponent(ContrastiveExperiment.encoderFile)
        let maeFile = ctx.outDir("mae").appendingPathComponent(MAEExperiment.encoderFile)
        try metrics?.set("self_supervised_source", ["simclr_weights": FileManager.default.fileExists(atPath: simclrFile.path) ? "lecture 8" : "trained here",
                                                    "mae_weights": FileManager.default.fileExists(atPath: maeFile.path) ? "lecture 6" : "trained here",
                                                    "probe_accuracy": table])
    }

    /// Each self-supervised source in every mode on Fashion-MNIST (its own images) and MNIST (another domain).
    func selfSupervisedModes(_ ctx: ExperimentContext, _ dir: URL) throws {
        guard let target, let mnist = mnistTarget else { return }
        let start = Date()
        for s in selfSupervisedSources {
            for (name, t) in [("fashion-mnist", target), ("mnist", mnist)] {
                try modesTable(s, target: name, train: t.train, test: t.test, counts: selfSupervisedCounts(ctx.quick, vit: s.key == "mae"),
                               figure: "modes-\(s.key)-\(name).svg", ctx, dir)
            }
        }
        try metrics?.set("ssl_modes_seconds", Date().timeIntervalSince(start))
    }

    /// Lecture 8's encoder from `out/contrastive/` (BatchNorm statistics re-estimated: the weights
    /// file holds parameters only), or one trained now with lecture 8's recipe.
    func loadSimCLR(_ ctx: ExperimentContext, images: Tensor) throws -> ContrastiveEncoder {
        let saved = ctx.outDir("contrastive").appendingPathComponent(ContrastiveExperiment.encoderFile)
        guard FileManager.default.fileExists(atPath: saved.path) else {
            var run = ContrastiveExperiment.baseRun
            run.steps = ctx.quick ? 10 : 150
            ctx.reporter.info("  SimCLR encoder: \(saved.relativePath) not found (run `replearn run contrastive` to make it); training one now with lecture 8's recipe (\(run.steps) steps of \(run.batch), τ = \(run.temperature))")
            return try ContrastiveTrainer(impl: ctx.impls.contrastive, images: images).simCLR(run, label: "  SimCLR").encoder
        }
        var rng = SeededGenerator(seed: 80)
        let simclr = ContrastiveEncoder(rng: &rng)
        try simclr.loadWeights(from: saved)
        // 60 batches of 256 at momentum 0.1: the initial statistics keep a weight of 0.9⁶⁰ ≈ 0.2%.
        simclr.training = true
        var r = SeededGenerator(seed: 81)
        for _ in 0..<60 {
            let rows = (0..<256).map { _ in r.nextInt(below: images.rows) }
            let x = try images.gatherRows(rows).reshaped([256, 1, 28, 28])
            _ = try Graph.noGrad { try simclr(Variable(x)) }
        }
        simclr.training = false
        ctx.reporter.info("  SimCLR encoder: lecture 8's, from \(saved.relativePath) (BatchNorm statistics re-estimated on Fashion-MNIST)")
        return simclr
    }

    /// Lecture 6's r = 0.75 MAE from `out/mae/`, or one trained now with lecture 6's recipe.
    func loadMAE(_ ctx: ExperimentContext, images: Tensor) throws -> MaskedAutoencoder {
        let saved = ctx.outDir("mae").appendingPathComponent(MAEExperiment.encoderFile)
        guard FileManager.default.fileExists(atPath: saved.path) else {
            let steps = ctx.quick ? 10 : MAEExperiment.imageSteps
            ctx.reporter.info("  MAE encoder: \(saved.relativePath) not found (run `replearn run mae` to make it); training one now with lecture 6's recipe (r = 0.75, \(steps) steps of 128)")
            return try MAEExperiment.pretrainOne(ratio: 0.75, steps: steps, batch: 128, images: images, impl: ctx.impls.mae).0
        }
        var rng = SeededGenerator(seed: 60)
        let mae = MAEExperiment.make(rng: &rng)
        try mae.loadWeights(from: saved)
        ctx.reporter.info("  MAE encoder (r = 0.75): lecture 6's, from \(saved.relativePath)")
        return mae
    }
}
