import Foundation
import RepLearn

/// Lecture 6's experiment. Images: small MAEs pretrained on Fashion-MNIST at several masking
/// ratios for the same number of steps; each encoder's mean-pooled features (all patches visible)
/// are scored by a linear probe on the 10,000 test images, beside raw pixels, PCA and a randomly
/// initialised encoder. Language: a tiny BERT on Austen's novels trained at masking ratios
/// 0.15, 0.4 and 0.75, each scored on held-out text at 15% masking (MAEExperiment+Language.swift).
final class MAEExperiment: Experiment {
    let slug = "mae"
    let steps = ["pretrain", "probe", "reconstructions", "finetune", "language"]
    var metrics: MetricsFile?

    var train: LabelledImages?, test: LabelledImages?
    var models: [(ratio: Double, model: MaskedAutoencoder, seconds: Double, curve: [Double])] = []
    var random: MaskedAutoencoder?
    /// The image curve (ratio, probe accuracy) and the baselines, for the side-by-side figure.
    var imageCurve: [(Double, Double)] = [], imageBaselines: [(String, Double)] = []
    /// The ratio whose encoder the linear probe scored best (fine-tuned beside r = 0.75).
    var bestProbeRatio: Double?

    static let defaultRatios = [0.15, 0.25, 0.5, 0.75, 0.9]
    static let imageSteps = 200
    /// Labelled training images for the probe (10,000; 2,000 with --quick, which also probes on 2,000 test images).
    var probeTrain = 10_000

    func run(step: String, _ ctx: ExperimentContext) throws {
        let dir = ctx.outDir(slug)
        if train == nil {
            if ctx.impls.name != "reference" {
                try Self.preflight(ctx.impls.mae)
                ctx.reporter.info("  --impl \(ctx.impls.name): the MAEs train with your 6.1 patchify, 6.2 randomMasking and 6.4 maeLoss; "
                                  + "the language model with your 6.6 bertCorrupt (the network itself is the library's)")
            }
            train = try Datasets.fashionMNIST("train")
            test = try Datasets.fashionMNIST("test")
            if ctx.quick, var t = test {
                t.images = try t.images.gatherRows(Array(0..<2000)); t.labels = Array(t.labels.prefix(2000))
                test = t; probeTrain = 2000
            }
            ctx.reporter.info("  Fashion-MNIST: 60,000 training images (pretraining, no labels), \(test!.images.rows) test images (probe)")
        }
        if models.isEmpty && (step == "probe" || step == "reconstructions" || step == "finetune") { try pretrain(ctx, dir) }
        if step == "finetune" && bestProbeRatio == nil { try probe(ctx, dir) }
        switch step {
        case "pretrain": try pretrain(ctx, dir)
        case "probe": try probe(ctx, dir)
        case "reconstructions": try reconstructions(ctx, dir)
        case "finetune": try finetune(ctx, dir)
        case "language": try language(ctx, dir)
        default: break
        }
    }

    /// Calls each function the run trains with on a tiny input, so that a stub stops the run at
    /// once (with its exercise and file) rather than after the data are loaded.
    static func preflight(_ impl: any MAEExercises) throws {
        var g = SeededGenerator(seed: 0)
        _ = try impl.patchify(Tensor.zeros([1, 1, 4, 4]), patch: 2)
        _ = try impl.randomMasking(batch: 1, patches: 4, ratio: 0.5, rng: &g)
        _ = try impl.maeLoss(prediction: Tensor.zeros([1, 4, 4]), target: Tensor.zeros([1, 4, 4]), mask: Tensor(repeating: 1, shape: [1, 4]), normalizeTarget: true)
        _ = try impl.bertCorrupt([0, 1, 2], ratio: 0.5, vocabularySize: 3, maskToken: 3, rng: &g)
    }

    /// The r = 0.75 model, under `out/mae/`.
    static let encoderFile = "mae-r0.75.weights"

    /// One MAE pretrained at ratio r: AdamW (lr 1e-3, betas 0.9/0.95, wd 0.05) with a cosine
    /// schedule, `steps` batches drawn from images [n, 784], seed 60 (the same initial weights and
    /// batches for every ratio) → the model and its loss per step.
    static func pretrainOne(ratio r: Double, steps: Int, batch: Int, images: Tensor, impl: any MAEExercises) throws -> (MaskedAutoencoder, [Double]) {
        var rng = SeededGenerator(seed: 60)
        let model = make(rng: &rng)
        let opt = AdamOptimizer.adamW([ParameterGroup(model.parameters)], learningRate: 1e-3, betas: (0.9, 0.95), weightDecay: 0.05)
        let schedule = CosineSchedule(base: 1e-3, warmup: steps / 10, total: steps, minimum: 1e-5)
        let progress = TrainingProgress("  ratio \(r)", totalSteps: steps)
        var curve: [Double] = []
        for step in 0..<steps {
            opt.learningRate = schedule(step)
            let rows = (0..<batch).map { _ in rng.nextInt(below: images.rows) }
            let x = try images.gatherRows(rows).reshaped([batch, 1, 28, 28])
            opt.zeroGrad()
            let l = try model.loss(x, ratio: r, rng: &rng, impl: impl)
            try l.loss.backward()
            try opt.step()
            let v = l.value
            guard v.isFinite else { throw InputError("MAE ratio \(r): the loss became \(v) at step \(step)") }
            curve.append(v)
            progress.step(step + 1, loss: v, batch: batch)
        }
        return (model, curve)
    }

    static func make(rng: inout SeededGenerator) -> MaskedAutoencoder {
        MaskedAutoencoder(dim: 64, depth: 3, heads: 4, decoderDim: 32, decoderDepth: 1, rng: &rng)
    }

    func pretrain(_ ctx: ExperimentContext, _ dir: URL) throws {
        guard let train, models.isEmpty else { return }
        let ratios = ctx.ratios ?? (ctx.quick ? [0.75] : Self.defaultRatios)
        let stepsPerRatio = ctx.quick ? 40 : Self.imageSteps, batch = 128
        ctx.reporter.info("  \(stepsPerRatio) steps of \(batch) images per ratio; encoder dim 64, 3 blocks, 4 heads; decoder dim 32, 1 block")
        var f = Figure(title: "MAE training loss (MSE on hidden patches, normalised pixels)")
        f.xLabel = "step"; f.yLabel = "loss (running mean of 20 steps)"
        for (i, r) in ratios.enumerated() {
            let start = Date()
            let (model, curve) = try Self.pretrainOne(ratio: r, steps: stepsPerRatio, batch: batch, images: train.images, impl: ctx.impls.mae)
            models.append((r, model, Date().timeIntervalSince(start), curve))
            if r == 0.75 {
                let url = dir.appendingPathComponent(Self.encoderFile)
                try model.saveWeights(to: url)
                ctx.reporter.wrote(url, "the r = 0.75 MAE's weights (lecture 9 transfers its encoder)")
            }
            let smooth = curve.indices.map { t in curve[max(0, t - 19)...t].reduce(0, +) / Double(min(t + 1, 20)) }
            f.line(smooth.enumerated().map { (Double($0.offset + 1), $0.element) }, color: .label(i), label: "ratio \(r)")
        }
        var rng = SeededGenerator(seed: 60)
        random = Self.make(rng: &rng)
        let url = dir.appendingPathComponent("loss.svg")
        try f.writeSVG(to: url)
        ctx.reporter.wrote(url, "pretraining loss per ratio")
    }

    /// Mean-pooled encoder features of all patches, [n, 64], computed in chunks without a tape.
    func features(_ model: MaskedAutoencoder, _ images: Tensor) throws -> Tensor { try Self.features(model, images) }

    static func features(_ model: MaskedAutoencoder, _ images: Tensor) throws -> Tensor {
        var out: [Float] = []
        for start in stride(from: 0, to: images.rows, by: 500) {
            let rows = Array(start..<min(start + 500, images.rows))
            let x = try images.gatherRows(rows).reshaped([rows.count, 1, 28, 28])
            out += try Graph.noGrad { try model.encoder.features(Variable(x)).value.data }
        }
        return try Tensor(shape: [images.rows, out.count / images.rows], data: out)
    }

    func probeAccuracy(_ trainX: Tensor, _ testX: Tensor) throws -> Double {
        guard let train, let test else { return 0 }
        let labels = Array(train.labels.prefix(probeTrain))
        let p = try LinearProbe(trainX, labels: labels, classes: 10, steps: 300)
        return try p.accuracy(testX, labels: test.labels)
    }

    func probe(_ ctx: ExperimentContext, _ dir: URL) throws {
        guard let train, let test, let random else { return }
        let trainImages = try train.images.gatherRows(Array(0..<probeTrain))
        let start = Date()
        let pixels = try probeAccuracy(trainImages, test.images)
        let pca = try PCA(trainImages, components: 64)
        let pcaAcc = try probeAccuracy(try pca.project(trainImages), try pca.project(test.images))
        let randomAcc = try probeAccuracy(try features(random, trainImages), try features(random, test.images))
        ctx.reporter.info(String(format: "  linear probe on %d labelled training images, accuracy on the %d test images:", probeTrain, test.images.rows))
        ctx.reporter.info(String(format: "    raw pixels %.3f   PCA-64 %.3f   random encoder %.3f", pixels, pcaAcc, randomAcc))
        var perRatio: [[String: Any]] = []
        var rng = SeededGenerator(seed: 61)
        let evalImages = try test.images.gatherRows(Array(0..<1000)).reshaped([1000, 1, 28, 28])
        for (r, model, secs, curve) in models {
            let acc = try probeAccuracy(try features(model, trainImages), try features(model, test.images))
            let masked = try Graph.noGrad { try model.loss(evalImages, ratio: r, rng: &rng, impl: ctx.impls.mae).value }
            ctx.reporter.info(String(format: "    ratio %.2f: probe %.3f, test MSE on hidden patches %.3f, pretraining %.0f s", r, acc, masked, secs))
            perRatio.append(["ratio": r, "probe_accuracy": acc, "masked_mse": masked, "train_seconds": secs,
                             "final_train_loss": curve.suffix(20).reduce(0, +) / Double(min(20, curve.count))])
        }
        try metrics?.set("ratios", perRatio)
        try metrics?.set("baselines", ["probe_pixels": pixels, "probe_pca": pcaAcc, "probe_random_encoder": randomAcc])
        try metrics?.set("probe", ["labelled_training_images": probeTrain, "test_images": test.images.rows,
                                   "seconds": Date().timeIntervalSince(start)])
        imageCurve = zip(models.map(\.ratio), perRatio.map { $0["probe_accuracy"] as! Double }).map { ($0, $1) }
        imageBaselines = [("raw pixels", pixels), ("PCA-64", pcaAcc), ("random encoder", randomAcc)]
        bestProbeRatio = imageCurve.max { $0.1 < $1.1 }?.0
        var f = Figure(title: "Linear-probe accuracy of MAE features vs masking ratio (Fashion-MNIST test)")
        f.xLabel = "masking ratio during pretraining"; f.yLabel = "probe accuracy"
        let xs = models.map(\.ratio)
        f.line(zip(xs, perRatio.map { $0["probe_accuracy"] as! Double }).map { ($0, $1) }, color: .label(0), width: 2, label: "MAE encoder")
        let span = (xs.min() ?? 0, max(xs.max() ?? 1, (xs.min() ?? 0) + 0.01))
        for (i, (name, v)) in [("raw pixels", pixels), ("PCA-64", pcaAcc), ("random encoder", randomAcc)].enumerated() {
            f.line([(span.0, v), (span.1, v)], color: .label(i + 1), width: 1, label: name)
        }
        for (x, y) in zip(xs, perRatio.map { $0["probe_accuracy"] as! Double }) { f.dot(x, y, color: .label(0)) }
        let url = dir.appendingPathComponent("probe-vs-ratio.svg")
        try f.writeSVG(to: url)
        ctx.reporter.wrote(url, "probe accuracy vs masking ratio (the MAE paper's Figure 5 shape)")
    }

    func reconstructions(_ ctx: ExperimentContext, _ dir: URL) throws {
        guard let test else { return }
        var panels = ImagePanels(title: "MAE reconstructions of test images (hidden patches grey)",
                                 columnTitles: ["masked input", "reconstruction", "original"], scale: 3)
        let x = try test.images.gatherRows(Array(0..<4)).reshaped([4, 1, 28, 28])
        for (r, model, _, _) in models {
            var rng = SeededGenerator(seed: 62)
            let impl = ctx.impls.mae
            let (_, _, pred, m) = try Graph.noGrad { try model.loss(x, ratio: r, rng: &rng, impl: impl) }
            let patches = try impl.patchify(x, patch: 4)        // [4, 49, 16]
            for s in 0..<2 {
                var masked = patches, recon = patches
                for p in 0..<49 {
                    let base = (s * 49 + p) * 16
                    let row = patches.data[base..<(base + 16)]
                    let mean = row.reduce(0, +) / 16
                    let sd = (row.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 15 + 1e-6).squareRoot()
                    for j in 0..<16 where m.mask.data[s * 49 + p] == 1 {
                        masked.data[base + j] = 0.5
                        recon.data[base + j] = pred.value.data[base + j] * sd + mean   // the hidden patch's own statistics (as MAE's figures)
                    }
                }
                let toImage = { (t: Tensor) throws -> Image in
                    let one = try t.reshaped([4, 784]).gatherRows([s]).reshaped([1, 49, 16])
                    let img = try impl.unpatchify(one, patch: 4, gridH: 7, gridW: 7, channels: 1)
                    guard img.shape == [1, 1, 28, 28] else { throw InputError("exercise 6.1: unpatchify gave \(img.shape), expected [1, 1, 28, 28]") }
                    var out = Image(width: 28, height: 28, channels: 3)
                    for i in 0..<784 { let v = UInt8(max(0, min(255, img.data[i] * 255))); out.pixels[3 * i] = v; out.pixels[3 * i + 1] = v; out.pixels[3 * i + 2] = v }
                    return out
                }
                panels.row(String(format: "ratio %.2f", r), [try toImage(masked), try toImage(recon), try toImage(patches)])
            }
        }
        let url = dir.appendingPathComponent("reconstructions.svg")
        try panels.writeSVG(to: url)
        ctx.reporter.wrote(url, "masked input | reconstruction | original, per ratio")
    }
}
