import Foundation
import RepLearn

/// Lecture 9's experiment: a conv net trained on MNIST digits, transferred to Fashion-MNIST with
/// few labels in every mode of the lecture, probed layer by layer, and compared with a random net
/// through RDMs, RSA and linear CKA.
final class TransferExperiment: Experiment {
    let slug = "transfer"
    let steps = ["pretrain", "modes", "layers", "ssl", "similarity"]
    var metrics: MetricsFile?

    var source: TransferNet?, random: TransferNet?
    /// The self-supervised encoders of the `ssl` step (features [n, 784] → [n, k]), for the RDMs.
    var selfSupervisedEncoders: [(String, (Tensor) throws -> Tensor)] = []
    var target: (train: LabelledImages, test: LabelledImages)?

    /// Labels per class and seeds per setting (the few-label settings vary most, so they get more
    /// seeds); k = 0 is "all labels" (the whole training pool, 3,000 per class).
    func labelCounts(_ quick: Bool) -> [(k: Int, seeds: Int)] { quick ? [(1, 1), (10, 1)] : [(1, 3), (5, 3), (10, 3), (100, 1), (0, 1)] }

    func run(step: String, _ ctx: ExperimentContext) throws {
        let dir = ctx.outDir(slug)
        if source == nil { try pretrain(ctx, dir) }
        switch step {
        case "pretrain": break
        case "modes": try modes(ctx, dir)
        case "layers": try layers(ctx, dir)
        case "ssl": try selfSupervised(ctx, dir)
        case "similarity": try similarity(ctx, dir)
        default: break
        }
    }

    func trainer(_ ctx: ExperimentContext) -> TransferTrainer { TransferTrainer(impl: ctx.impls.transfer) }

    // MARK: pretrain

    func pretrain(_ ctx: ExperimentContext, _ dir: URL) throws {
        let mnist = try Datasets.mnist("train", limit: ctx.quick ? 5_000 : 20_000)
        let test = try Datasets.mnist("test", limit: 2_000)
        var rng = SeededGenerator(seed: 9)
        let net = TransferNet(rng: &rng)
        random = TransferNet(rng: &rng)
        let steps = ctx.quick ? 150 : 600
        ctx.reporter.info("  source: \(mnist.name), \(mnist.labels.count) training images; \(steps) steps of SGD (momentum 0.9, batch 64) through exercise 9.2's optimizerStep")
        let start = Date()
        try trainer(ctx).train(net, mnist.images, mnist.labels, plan: .init(bodyScales: [1, 1, 1]), steps: steps, batch: 64,
                               learningRate: 0.05, rng: &rng, progress: TrainingProgress("  MNIST (supervised)", totalSteps: steps))
        let seconds = Date().timeIntervalSince(start)
        let acc = try TransferTrainer.accuracy(net, test.images, test.labels)
        ctx.reporter.info(String(format: "  MNIST test accuracy %.3f (2,000 test images), %.1f s", acc, seconds))
        let weights = dir.appendingPathComponent("mnist-supervised.weights")
        try net.saveWeights(to: weights)
        ctx.reporter.wrote(weights, "the source net's weights")
        source = net
        target = (try Datasets.fashionMNIST("train", limit: ctx.quick ? 10_000 : 30_000), try Datasets.fashionMNIST("test", limit: ctx.quick ? 2_000 : 10_000))
        try metrics?.set("source", ["dataset": mnist.name, "train_images": mnist.labels.count, "steps": steps,
                                    "mnist_test_accuracy": acc, "train_seconds": seconds])
        ctx.reporter.info("  The self-supervised encoders of lectures 6 and 8 are not transferred in this version: the modes below use the supervised MNIST net and a random one.")
    }

    // MARK: modes × labels

    /// The lecture's modes, from the source net (or a random init for scratch).
    enum Mode: String, CaseIterable {
        case probe = "linear probe (frozen MNIST features)"
        case scratch = "scratch (random init, all layers)"
        case finetune = "full fine-tuning (MNIST init, body at 0.1× the rate)"
        case partial = "partial transfer (keep conv1, re-initialise conv2 and fc1)"
        case frozen = "frozen bottom (conv1 and conv2 frozen, fc1 and head trained)"
        var key: String { ["probe", "scratch", "finetune", "partial", "frozen_bottom"][Mode.allCases.firstIndex(of: self)!] }
        /// A legend entry short enough for the figure.
        var legend: String { ["probe on MNIST fc1", "scratch", "fine-tune (body 0.1×)", "partial (keep conv1)", "frozen conv1–2"][Mode.allCases.firstIndex(of: self)!] }
    }

    func modes(_ ctx: ExperimentContext, _ dir: URL) throws {
        guard let source, let target else { return }
        let t = trainer(ctx)
        let testFeatures = try source.features(target.test.images, layer: 2)
        let fineSteps = ctx.quick ? 40 : 150
        for mode in Mode.allCases { ctx.reporter.info("  \(mode.key): \(mode.rawValue)") }
        ctx.reporter.info("  (\(fineSteps) SGD steps per fine-tuning run, \(4 * fineSteps) with all labels; target test set: \(target.test.labels.count) Fashion-MNIST images)")
        var table: [String: Any] = [:]
        var curves: [Mode: [(Double, Double)]] = [:]
        var pixelCurve: [(Double, Double)] = []
        let start = Date()
        for (k, seeds) in labelCounts(ctx.quick) {
            var accs: [Mode: [Double]] = [:], pixels: [Double] = []
            for seed in 0..<seeds {
                var rng = SeededGenerator(seed: UInt64(900 + 10 * k + seed))
                let idx = k == 0 ? Array(target.train.labels.indices)
                    : try ctx.impls.transfer.fewLabelIndices(target.train.labels, perClass: k, classes: 10, rng: &rng)
                let x = try target.train.images.gatherRows(idx), y = idx.map { target.train.labels[$0] }
                pixels.append(try t.probeAccuracy(train: x, y, test: target.test.images, target.test.labels))
                for mode in Mode.allCases {
                    if mode == .probe {
                        accs[mode, default: []].append(try t.probeAccuracy(train: try source.features(x, layer: 2), y, test: testFeatures, target.test.labels))
                        continue
                    }
                    var r = SeededGenerator(seed: UInt64(7_000 + 10 * k + seed))
                    let net = TransferNet(rng: &r)                        // a fresh head (and body, for scratch)
                    var plan = TransferTrainer.Plan(bodyScales: [1, 1, 1])
                    switch mode {
                    case .finetune: net.copyBody(from: source); plan.bodyScales = [0.1, 0.1, 0.1]
                    case .partial: net.copyBody(from: source); try t.reinitializeTop(net, k: 2, rng: &r)
                    case .frozen: net.copyBody(from: source); plan.bodyScales = [nil, nil, 1]
                    default: break
                    }
                    // All labels get 4× the steps: the few-label budget would show a third of the pool once.
                    try t.train(net, x, y, plan: plan, steps: k == 0 ? 4 * fineSteps : fineSteps, batch: 64, learningRate: 0.02, rng: &r)
                    accs[mode, default: []].append(try TransferTrainer.accuracy(net, target.test.images, target.test.labels))
                }
            }
            func stats(_ v: [Double]) -> [String: Any] {
                let m = v.reduce(0, +) / Double(v.count)
                let sd = (v.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(max(v.count - 1, 1))).squareRoot()
                return ["mean": m, "std": sd, "runs": v]
            }
            let key = k == 0 ? "all" : "\(k)"
            let perClass = k == 0 ? Double(target.train.labels.count) / 10 : Double(k)
            var line = "  \(k == 0 ? "all \(target.train.labels.count) labels" : "\(k) label\(k == 1 ? "" : "s")/class") (\(seeds) seed\(seeds == 1 ? "" : "s")): pixels \(String(format: "%.3f", pixels.reduce(0, +) / Double(pixels.count)))"
            table["mnist/fashion-mnist/pixel_probe/\(key)"] = stats(pixels)
            pixelCurve.append((log10(perClass), pixels.reduce(0, +) / Double(pixels.count)))
            for mode in Mode.allCases {
                let v = accs[mode] ?? []
                table["mnist/fashion-mnist/\(mode.key)/\(key)"] = stats(v)
                let m = v.reduce(0, +) / Double(max(v.count, 1))
                curves[mode, default: []].append((log10(perClass), m))
                line += ", \(mode.key) \(String(format: "%.3f", m))"
            }
            ctx.reporter.info(line)
        }
        var fig = Figure(title: "MNIST → Fashion-MNIST: test accuracy vs labels per class, by transfer mode")
        fig.xLabel = "labels per class (log₁₀)"; fig.yLabel = "Fashion-MNIST test accuracy"
        fig.line(pixelCurve, color: RGB.gray, label: "probe on pixels")
        for (i, mode) in Mode.allCases.enumerated() { fig.line(curves[mode] ?? [], color: RGB.label(i), label: mode.legend) }
        let url = dir.appendingPathComponent("modes.svg")
        try fig.writeSVG(to: url)
        ctx.reporter.wrote(url, "accuracy vs labels per class, one line per mode")
        try metrics?.set("accuracy", table)
        try metrics?.set("modes_seconds", Date().timeIntervalSince(start))
    }

    // MARK: layer by layer

    func layers(_ ctx: ExperimentContext, _ dir: URL) throws {
        guard let source, let random, let target else { return }
        let t = trainer(ctx)
        var rng = SeededGenerator(seed: 991)
        let k = ctx.quick ? 20 : 100
        let idx = try ctx.impls.transfer.fewLabelIndices(target.train.labels, perClass: k, classes: 10, rng: &rng)
        let x = try target.train.images.gatherRows(idx), y = idx.map { target.train.labels[$0] }
        let names = ["conv1 (pooled)", "conv2", "fc1", "logits"]
        var result: [String: [String: Double]] = [:]
        var fig = Figure(title: "Which layer transfers? Linear probe on Fashion-MNIST (\(k) labels/class) at each layer")
        fig.xLabel = "layer (0 conv1, 1 conv2, 2 fc1, 3 logits)"; fig.yLabel = "probe accuracy"
        for (c, (name, net)) in [("MNIST-trained", source), ("random", random)].enumerated() {
            var pts: [(Double, Double)] = []
            for l in 0..<4 {
                let a = try t.probeAccuracy(train: try net.features(x, layer: l), y, test: try net.features(target.test.images, layer: l), target.test.labels)
                result[name, default: [:]][names[l]] = a
                pts.append((Double(l), a))
            }
            ctx.reporter.info("  \(name) net: " + names.indices.map { "\(names[$0]) \(String(format: "%.3f", pts[$0].1))" }.joined(separator: ", "))
            fig.line(pts, color: RGB.label(c), label: "\(name) net")
        }
        let url = dir.appendingPathComponent("layers.svg")
        try fig.writeSVG(to: url)
        ctx.reporter.wrote(url, "probe accuracy at each layer, MNIST-trained vs random net")
        try metrics?.set("layer_probe", ["labels_per_class": k, "accuracy": result])
    }

    // MARK: a self-supervised source

    /// Lecture 8's SimCLR encoder (trained on Fashion-MNIST images without labels) against the
    /// supervised MNIST net and a random net, by linear probes on both targets. Its weights come
    /// from `out/contrastive/` when lecture 8 has run; otherwise it is trained here with lecture 8's
    /// recipe, and the output says so.
    func selfSupervised(_ ctx: ExperimentContext, _ dir: URL) throws {
        guard let source, let random, let target else { return }
        let t = trainer(ctx)
        let saved = ctx.outDir("contrastive").appendingPathComponent(ContrastiveExperiment.encoderFile)
        let simclr: ContrastiveEncoder
        if FileManager.default.fileExists(atPath: saved.path) {
            var rng = SeededGenerator(seed: 80)
            simclr = ContrastiveEncoder(rng: &rng)
            try simclr.loadWeights(from: saved)
            // The weights file holds parameters, not BatchNorm's running statistics: re-estimate them
            // on the images the encoder was trained on (60 batches of 256, momentum 0.1: the initial
            // statistics keep a weight of 0.9⁶⁰ ≈ 0.2%).
            simclr.training = true
            var r = SeededGenerator(seed: 81)
            for _ in 0..<60 {
                let rows = (0..<256).map { _ in r.nextInt(below: target.train.images.rows) }
                let x = try target.train.images.gatherRows(rows).reshaped([256, 1, 28, 28])
                _ = try Graph.noGrad { try simclr(Variable(x)) }
            }
            simclr.training = false
            ctx.reporter.info("  SimCLR encoder: lecture 8's, from \(saved.relativePath) (BatchNorm statistics re-estimated on Fashion-MNIST)")
        } else {
            var run = ContrastiveExperiment.baseRun
            run.steps = ctx.quick ? 10 : 150
            ctx.reporter.info("  SimCLR encoder: \(saved.relativePath) not found (run `replearn run contrastive` to make it); training one now with lecture 8's recipe (\(run.steps) steps of \(run.batch), τ = \(run.temperature))")
            simclr = try ContrastiveTrainer(impl: ctx.impls.contrastive, images: target.train.images).simCLR(run, label: "  SimCLR").encoder
        }
        let maeSaved = ctx.outDir("mae").appendingPathComponent(MAEExperiment.encoderFile)
        let mae: MaskedAutoencoder
        if FileManager.default.fileExists(atPath: maeSaved.path) {
            var rng = SeededGenerator(seed: 60)
            mae = MAEExperiment.make(rng: &rng)
            try mae.loadWeights(from: maeSaved)
            ctx.reporter.info("  MAE encoder (r = 0.75): lecture 6's, from \(maeSaved.relativePath)")
        } else {
            let steps = ctx.quick ? 10 : MAEExperiment.imageSteps
            ctx.reporter.info("  MAE encoder: \(maeSaved.relativePath) not found (run `replearn run mae` to make it); training one now with lecture 6's recipe (r = 0.75, \(steps) steps of 128)")
            mae = try MAEExperiment.pretrainOne(ratio: 0.75, steps: steps, batch: 128, images: target.train.images, impl: ctx.impls.mae).0
        }
        let mnistTrain = try Datasets.mnist("train", limit: ctx.quick ? 5_000 : 20_000), mnistTest = try Datasets.mnist("test", limit: ctx.quick ? 2_000 : 10_000)
        let encoders: [(String, (Tensor) throws -> Tensor)] = [
            ("pixels", { $0 }),
            ("SimCLR (Fashion-MNIST, no labels)", { try simclr.features($0).h }),
            ("MAE r = 0.75 (Fashion-MNIST, no labels)", { try MAEExperiment.features(mae, $0) }),
            ("supervised MNIST fc1", { try source.features($0, layer: 2) }),
            ("random net fc1", { try random.features($0, layer: 2) }),
        ]
        selfSupervisedEncoders = [("SimCLR h", { try simclr.features($0).h }), ("MAE r 0.75", { try MAEExperiment.features(mae, $0) })]
        var table: [String: [String: Double]] = [:]
        for (targetName, train, test) in [("fashion-mnist", target.train, target.test), ("mnist", mnistTrain, mnistTest)] {
            for k in ctx.quick ? [10] : [1, 10, 100] {
                var r = SeededGenerator(seed: UInt64(950 + k))
                let idx = try ctx.impls.transfer.fewLabelIndices(train.labels, perClass: k, classes: 10, rng: &r)
                let x = try train.images.gatherRows(idx), y = idx.map { train.labels[$0] }
                var line = "  \(targetName), \(k) label\(k == 1 ? "" : "s")/class:"
                for (name, encode) in encoders {
                    let a = try t.probeAccuracy(train: try encode(x), y, test: try encode(test.images), test.labels)
                    table["\(targetName)/\(k)", default: [:]][name] = a
                    line += " \(name) \(String(format: "%.3f", a));"
                }
                ctx.reporter.info(String(line.dropLast()))
            }
        }
        try metrics?.set("self_supervised_source", ["simclr_weights": FileManager.default.fileExists(atPath: saved.path) ? "lecture 8" : "trained here",
                                                    "mae_weights": FileManager.default.fileExists(atPath: maeSaved.path) ? "lecture 6" : "trained here",
                                                    "probe_accuracy": table])
    }

    // MARK: RDMs, RSA, CKA

    func similarity(_ ctx: ExperimentContext, _ dir: URL) throws {
        guard let source, let random else { return }
        let impl = ctx.impls.transfer
        let test = try Datasets.mnist("test", limit: 2_000)
        let perClass = ctx.quick ? 8 : 20
        var order: [Int] = []
        for c in 0..<10 { order += test.labels.indices.filter { test.labels[$0] == c }.prefix(perClass) }   // sorted by class
        let x = try test.images.gatherRows(order)
        var reps: [(String, Tensor)] = [("pixels", x)]
        for (name, net) in [("MNIST", source), ("random", random)] {
            for (l, layer) in ["conv1", "conv2", "fc1", "logits"].enumerated() { reps.append(("\(name) \(layer)", try net.features(x, layer: l))) }
        }
        for (name, encode) in selfSupervisedEncoders { reps.append((name, try encode(x))) }
        let rdms = try reps.map { try impl.rdm($0.1) }
        var panels = ImagePanels(title: "RDMs (1 − Pearson) of \(order.count) MNIST test digits sorted by class (0…9): dark = similar",
                                 columnTitles: reps.map(\.0), scale: 2)
        panels.row("", rdms.map { Self.heat($0) })
        let url = dir.appendingPathComponent("rdms.svg")
        try panels.writeSVG(to: url)
        ctx.reporter.wrote(url, "one RDM per representation")
        let n = reps.count
        var rsa = [[Double]](repeating: [Double](repeating: 0, count: n), count: n), cka = rsa
        for i in 0..<n { for j in 0..<n {
            rsa[i][j] = i == j ? 1 : try impl.rsa(rdms[i], rdms[j])
            cka[i][j] = i == j ? 1 : try impl.linearCKA(reps[i].1, reps[j].1)
        } }
        for (name, m) in [("rsa", rsa), ("cka", cka)] {
            let t = try Tensor(shape: [n, n], data: m.flatMap { $0.map(Float.init) })
            let grid = LabelledGrid(title: name == "rsa" ? "RSA: Spearman between RDMs (dark = 1)" : "Linear CKA between representations (dark = 1)",
                                    rowLabels: reps.map(\.0), columnLabels: reps.map(\.0))
            let png = dir.appendingPathComponent("\(name).png")
            let image = Self.heat(t.map { 1 - $0 }, cell: 96)
            try PNG.write(image, to: png)
            let svg = try grid.writeSVG(beside: png, grid: image, columns: n)
            ctx.reporter.wrote(svg, name == "rsa" ? "RSA matrix between layers and nets" : "CKA matrix between layers and nets")
        }
        func at(_ m: [[Double]], _ a: String, _ b: String) -> Double { m[reps.firstIndex { $0.0 == a }!][reps.firstIndex { $0.0 == b }!] }
        ctx.reporter.info(String(format: "  RSA pixels vs MNIST fc1 %.3f, vs random fc1 %.3f; CKA MNIST fc1 vs random fc1 %.3f",
                                 at(rsa, "pixels", "MNIST fc1"), at(rsa, "pixels", "random fc1"), at(cka, "MNIST fc1", "random fc1")))
        for (name, _) in selfSupervisedEncoders {
            ctx.reporter.info("  \(name): " + String(format: "RSA vs pixels %.3f, vs MNIST fc1 %.3f; CKA vs MNIST fc1 %.3f, vs MNIST conv2 %.3f",
                                                      at(rsa, name, "pixels"), at(rsa, name, "MNIST fc1"), at(cka, name, "MNIST fc1"), at(cka, name, "MNIST conv2")))
        }
        try metrics?.set("similarity", ["stimuli": order.count, "names": reps.map(\.0), "rsa": rsa, "cka": cka])
    }

    /// A matrix as a gray image (0 → black, ≥ 1 → white), each entry `cell` pixels square.
    static func heat(_ m: Tensor, cell: Int = 1) -> Image {
        var img = Image(width: m.cols * cell, height: m.rows * cell, channels: 3)
        let hi = max(m.data.max() ?? 1, 1e-6)
        for i in 0..<m.rows { for j in 0..<m.cols {
            let v = UInt8(max(0, min(255, 255 * m[i, j] / hi)))
            for a in 0..<cell { for b in 0..<cell { img.set(j * cell + b, i * cell + a, RGB(v, v, v)) } }
        } }
        return img
    }
}
