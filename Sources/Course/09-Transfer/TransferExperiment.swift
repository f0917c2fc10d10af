import Foundation
import RepLearn

/// Lecture 9's experiment: a conv net trained on MNIST digits, transferred to Fashion-MNIST with
/// few labels in every mode of the lecture, probed layer by layer, and compared with a random net
/// through RDMs, RSA and linear CKA.
final class TransferExperiment: Experiment {
    let slug = "transfer"
    let steps = ["pretrain", "modes", "layers", "ssl", "ssl-modes", "similarity"]
    var metrics: MetricsFile?

    var source: TransferNet?, random: TransferNet?
    /// The self-supervised encoders of the `ssl` step, layer by layer (images [n, 784] → [n, k]), for the RDMs.
    var selfSupervisedLayers: [(system: String, layers: [(name: String, encode: (Tensor) throws -> Tensor)])] = []
    var target: (train: LabelledImages, test: LabelledImages)?
    /// MNIST as the second target of the self-supervised sources.
    var mnistTarget: (train: LabelledImages, test: LabelledImages)?
    /// The self-supervised sources of the `ssl` step, fine-tuned in every mode by `ssl-modes`.
    var selfSupervisedSources: [TransferSource] = []
    /// metrics.json's "accuracy": "source/target/mode/labels" → mean, std, runs.
    var accuracyTable: [String: Any] = [:]
    /// Pixel-probe accuracy by "target/k/seed", shared by every source's table.
    var pixelProbes: [String: Double] = [:]

    /// Labels per class and seeds per setting (the few-label settings vary most, so they get more
    /// seeds); k = 0 is "all labels" (the whole training pool, 3,000 per class).
    func labelCounts(_ quick: Bool) -> [(k: Int, seeds: Int)] { quick ? [(1, 1), (10, 1)] : [(1, 3), (5, 3), (10, 3), (100, 2), (0, 1)] }

    func run(step: String, _ ctx: ExperimentContext) throws {
        let dir = ctx.outDir(slug)
        if source == nil { try pretrain(ctx, dir) }
        switch step {
        case "pretrain": break
        case "modes": try modes(ctx, dir)
        case "layers": try layers(ctx, dir)
        case "ssl": try selfSupervised(ctx, dir)
        case "ssl-modes": try selfSupervisedModes(ctx, dir)
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
        try trainer(ctx).train(net, mnist.images, mnist.labels, plan: .init(bodyScales: [1, 1, 1]), recipe: .sgd(learningRate: 0.05),
                               steps: steps, batch: 64, rng: &rng, progress: TrainingProgress("  MNIST (supervised)", totalSteps: steps))
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
    }

    // MARK: modes × labels

    func modes(_ ctx: ExperimentContext, _ dir: URL) throws {
        guard let source, let target else { return }
        let s = TransferSource(key: "mnist", name: "MNIST (supervised)", shortName: "supervised MNIST net", pretrained: source, make: { TransferNet(rng: &$0) },
                               probe: { try source.features($0, layer: 2) }, probeLayer: "fc1", keep: 1, freeze: 2, recipe: .sgd(learningRate: 0.02))
        let start = Date()
        try modesTable(s, target: "fashion-mnist", train: target.train, test: target.test, counts: labelCounts(ctx.quick), figure: "modes.svg", ctx, dir)
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

    // MARK: RDMs, RSA, CKA

    func similarity(_ ctx: ExperimentContext, _ dir: URL) throws {
        guard let source, let random else { return }
        let impl = ctx.impls.transfer
        let test = try Datasets.mnist("test", limit: 2_000)
        let perClass = ctx.quick ? 8 : 20
        var order: [Int] = []
        for c in 0..<10 { order += test.labels.indices.filter { test.labels[$0] == c }.prefix(perClass) }   // sorted by class
        let x = try test.images.gatherRows(order)
        // One row of RDMs per system, its layers bottom to top.
        var systems: [(String, [(String, Tensor)])] = [("pixels", [("pixels", x)])]
        for (name, net) in [("MNIST", source), ("random", random)] {
            systems.append(("\(name) net", try ["conv1", "conv2", "fc1", "logits"].enumerated().map { ("\(name) \($0.element)", try net.features(x, layer: $0.offset)) }))
        }
        for (system, layers) in selfSupervisedLayers { systems.append((system, try layers.map { ($0.name, try $0.encode(x)) })) }
        let reps = systems.flatMap(\.1)
        let rdms = try reps.map { try impl.rdm($0.1) }
        var panels = ImagePanels(title: "RDMs (1 − Pearson) of \(order.count) MNIST test digits sorted by class (0…9), dark = similar; one row per system, its layers bottom to top",
                                 columnTitles: ["layer 1", "layer 2", "layer 3", "layer 4"], scale: 2)
        var next = 0
        for (system, layers) in systems {
            panels.row(system, rdms[next..<(next + layers.count)].map { Self.heat($0) })
            next += layers.count
        }
        let url = dir.appendingPathComponent("rdms.svg")
        try panels.writeSVG(to: url)
        ctx.reporter.wrote(url, "one RDM per layer: " + systems.map { "\($0.0) (\($0.1.map(\.0).joined(separator: ", ")))" }.joined(separator: "; "))
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
        for name in selfSupervisedLayers.compactMap(\.layers.last?.name) {
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
