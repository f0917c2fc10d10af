import Foundation
import RepLearn

/// Lecture 8's experiment: the NCE toy, then SimCLR on the 60,000 Fashion-MNIST training images
/// (no labels) with a small conv encoder and an MLP head, judged by a linear probe on the 10,000
/// test images; sweeps over τ, batch size and the augmentations; alignment and uniformity over
/// training; rotation prediction with the same encoder; one comparison table; nearest neighbours.
/// Every loss, view and metric is computed by `context.impls.contrastive` (and PCA, k-means by
/// lectures 2 and 3's implementations), so `--impl student` runs the student's code.
final class ContrastiveExperiment: Experiment {
    let slug = "contrastive"
    let steps = ["nce", "simclr", "temperature", "batch", "augmentations", "rotation", "compare", "neighbours"]
    var metrics: MetricsFile?

    var train: LabelledImages?, test: LabelledImages?
    var base: ContrastiveTrainer.Trained?
    var rotationEncoder: ContrastiveEncoder?
    var byTemperature: [Float: ContrastiveTrainer.Trained] = [:]
    var seconds: [String: Double] = [:]
    /// metrics.json's "probe_accuracy": per_temperature and per_batch_size (before the head, 10,000 labels).
    var probeAccuracy: [String: Any] = [:]

    static let baseRun = ContrastiveTrainer.Run()
    /// The base run's encoder, under `out/contrastive/`.
    static let encoderFile = "simclr-encoder.weights"
    /// Labelled training images for the sweeps' probe (the first ones); the table also uses 100 per class and all.
    var probeTrain = 10_000
    /// Test images whose two views measure alignment and uniformity during training.
    var trackImages = 500

    /// Steps per SimCLR run and the labelled images of the table's "all labels" column.
    /// The full run takes 150 steps of 256 images per configuration (0.64 epochs): enough to
    /// order the configurations, far from the papers' hundreds of epochs.
    func settings(_ ctx: ExperimentContext) -> (steps: Int, probeAll: Int) {
        ctx.quick ? (10, 5_000) : (150, 60_000)
    }

    func run(step: String, _ ctx: ExperimentContext) throws {
        let dir = ctx.outDir(slug)
        let start = Date()
        if ctx.quick { probeTrain = 2_000; trackImages = 200 }
        if train == nil && step != "nce" {
            train = try Datasets.fashionMNIST("train")
            test = try Datasets.fashionMNIST("test", limit: ctx.quick ? 2_000 : nil)       // quick: probe on the first 2,000
            let s = settings(ctx)
            ctx.reporter.info("  Fashion-MNIST: 60,000 training images (SimCLR sees no labels), \(test!.labels.count) test images (probe).")
            ctx.reporter.info("  \(s.steps) steps per SimCLR run (batch \(Self.baseRun.batch) unless swept)\(ctx.quick ? " — quick mode: a smoke test, not a result" : "")")
        }
        if base == nil && ["temperature", "compare", "neighbours"].contains(step) { try simclr(ctx, dir) }
        if rotationEncoder == nil && step == "compare" { try rotation(ctx, dir) }
        switch step {
        case "nce": try nce(ctx, dir)
        case "simclr": try simclr(ctx, dir)
        case "temperature": try temperature(ctx, dir)
        case "batch": try batch(ctx, dir)
        case "augmentations": try augmentations(ctx, dir)
        case "rotation": try rotation(ctx, dir)
        case "compare": try compare(ctx, dir)
        case "neighbours": try neighbours(ctx, dir)
        default: break
        }
        seconds[step] = Date().timeIntervalSince(start)
        try metrics?.set("seconds", seconds)
    }

    var trainer: (ContrastiveExercises) -> ContrastiveTrainer { { ContrastiveTrainer(impl: $0, images: self.train!.images) } }

    // MARK: probes

    func probe(_ trainX: Tensor, _ trainLabels: [Int], _ testX: Tensor, steps: Int = 300) throws -> Double {
        try LinearProbe(trainX, labels: trainLabels, classes: 10, steps: steps).accuracy(testX, labels: test!.labels)
    }

    /// Probe accuracy of the representation before and after the head (first 10,000 labels).
    func probeBoth(_ t: ContrastiveTrainer.Trained) throws -> (before: Double, after: Double) {
        guard let train, let test else { return (0, 0) }
        let rows = Array(0..<probeTrain)
        let tr = try t.encoder.features(try train.images.gatherRows(rows), head: t.head)
        let te = try t.encoder.features(test.images, head: t.head)
        let labels = rows.map { train.labels[$0] }
        return (try probe(tr.h, labels, te.h), try probe(tr.z!, labels, te.z!))
    }

    func alignmentImages() throws -> Tensor { try test!.images.gatherRows(Array(0..<trackImages)) }

    // MARK: steps

    func nce(_ ctx: ExperimentContext, _ dir: URL) throws {
        let impl = ctx.impls.contrastive
        let (samples, steps) = ctx.quick ? (500, 150) : (2_000, 400)
        ctx.reporter.info(String(format: "  NCE toy: data N(%.1f, %.1f²), noise N(0.5, 1.5²), %d data samples, %d steps of gradient descent; −log Z_true = %.4f",
                                 NCEToy.dataMean, NCEToy.dataStd, samples, steps, -NCEToy.trueLogZ))
        var fits: [NCEToy.Fit] = []
        var cFig = Figure(title: "NCE: the learned constant c approaches −log Z")
        cFig.xLabel = "gradient step"; cFig.yLabel = "c"
        for (i, nu) in [1, 5, 25].enumerated() {
            let f = try NCEToy.fit(impl, nu: nu, samples: samples, steps: steps, seed: 800)
            fits.append(f)
            cFig.line(f.c.enumerated().map { (Double($0.offset + 1), $0.element) }, color: .label(i), width: 2, label: "c, ν = \(nu)")
            cFig.line(f.minusLogZ.enumerated().map { (Double($0.offset + 1), $0.element) }, color: .label(i), width: 0.8, label: "−log Z(s), ν = \(nu)")
            ctx.reporter.info(String(format: "    ν = %2d: μ = %.4f, σ = %.4f, c = %.4f, −log Z(σ) = %.4f, |c + log Z_true| = %.4f",
                                     nu, f.theta[0], exp(f.theta[1]), f.theta[2], f.minusLogZ.last ?? .nan, f.error))
        }
        cFig.line([(1, -NCEToy.trueLogZ), (Double(steps), -NCEToy.trueLogZ)], color: .black, width: 1, label: "−log Z_true")
        let cURL = dir.appendingPathComponent("nce-c.svg")
        try cFig.writeSVG(to: cURL)
        ctx.reporter.wrote(cURL, "c and −log Z(s) over training for ν = 1, 5, 25")
        var dFig = Figure(title: "NCE: the learned (unnormalised) density exp(log p_m) vs the true density")
        dFig.xLabel = "x"; dFig.yLabel = "density"
        let xs = stride(from: -2.0, through: 5.0, by: 0.05).map { $0 }
        func gauss(_ x: Double, _ m: Double, _ s: Double) -> Double { exp(-(x - m) * (x - m) / (2 * s * s)) / ((2 * Double.pi).squareRoot() * s) }
        dFig.line(xs.map { ($0, gauss($0, NCEToy.dataMean, NCEToy.dataStd)) }, color: .black, width: 3, label: "true data density")
        dFig.line(xs.map { ($0, gauss($0, Double(NCEToy.noiseMean), Double(NCEToy.noiseStd))) }, color: .gray, width: 1.5, label: "noise pₙ")
        for (i, f) in fits.enumerated() {
            dFig.line(xs.map { ($0, exp(-($0 - f.theta[0]) * ($0 - f.theta[0]) / (2 * exp(2 * f.theta[1])) + f.theta[2])) },
                      color: .label(i), width: 1.5, label: "learned, ν = \(f.nu)")
        }
        let dURL = dir.appendingPathComponent("nce-density.svg")
        try dFig.writeSVG(to: dURL)
        ctx.reporter.wrote(dURL, "learned vs true density")
        try metrics?.set("nce_log_z_error", Dictionary(uniqueKeysWithValues: fits.map { ("\($0.nu)", $0.error) }))
        try metrics?.set("nce", fits.map { ["nu": $0.nu, "mu": $0.theta[0], "sigma": exp($0.theta[1]), "c": $0.theta[2],
                                            "minus_log_z_of_sigma": $0.minusLogZ.last ?? 0, "minus_log_z_true": -NCEToy.trueLogZ] })
    }

    func simclr(_ ctx: ExperimentContext, _ dir: URL) throws {
        guard base == nil else { return }
        var run = Self.baseRun
        run.steps = settings(ctx).steps
        run.trackEvery = max(1, run.steps / (ctx.quick ? 2 : 6))
        let t = try trainer(ctx.impls.contrastive).simCLR(run, label: "  SimCLR τ = \(run.temperature)", probeImages: try alignmentImages())
        base = t
        byTemperature[run.temperature] = t
        let weights = dir.appendingPathComponent(Self.encoderFile)
        try t.encoder.saveWeights(to: weights)
        ctx.reporter.wrote(weights, "the SimCLR encoder's weights (lecture 9 transfers it)")
        let (before, after) = try probeBoth(t)
        ctx.reporter.info(String(format: "  SimCLR (τ = %.2f, batch %d, %d steps, %.0f s): probe before the head %.3f, after the head %.3f",
                                 run.temperature, run.batch, run.steps, t.seconds, before, after))
        try metrics?.set("probe_before_head", before)
        // How much of a difference between configurations is just the seed (initial weights, batches, views)?
        var perSeed = [before]
        for seed: UInt64 in [81, 82] {
            var again = Self.baseRun
            again.steps = run.steps; again.seed = seed
            perSeed.append(try probeBoth(try trainer(ctx.impls.contrastive).simCLR(again, label: "  SimCLR τ = \(run.temperature), seed \(seed)")).before)
        }
        let spread = (perSeed.max() ?? 0) - (perSeed.min() ?? 0)
        ctx.reporter.info("  the same run with seeds 80, 81, 82: probe " + perSeed.map { String(format: "%.3f", $0) }.joined(separator: ", ")
                          + String(format: " (spread %.3f: smaller differences between configurations are noise)", spread))
        try metrics?.set("probe_before_head_per_seed", ["seeds": [80, 81, 82], "accuracy": perSeed, "spread": spread])
        try metrics?.set("probe_after_head", after)
        try metrics?.set("simclr", ["temperature": run.temperature, "batch": run.batch, "steps": run.steps, "seconds": t.seconds,
                                    "final_loss": t.losses.suffix(20).reduce(0, +) / Double(min(20, t.losses.count)),
                                    "probe_labelled_images": probeTrain])
        var f = Figure(title: "SimCLR training loss (NT-Xent, τ = \(run.temperature), batch \(run.batch))")
        f.xLabel = "step"; f.yLabel = "loss (running mean of 10 steps)"
        let smooth = t.losses.indices.map { i in t.losses[max(0, i - 9)...i].reduce(0, +) / Double(min(i + 1, 10)) }
        f.line(smooth.enumerated().map { (Double($0.offset + 1), $0.element) }, color: .label(0), width: 2, label: "NT-Xent")
        f.line([(1, log(Double(2 * run.batch - 1))), (Double(run.steps), log(Double(2 * run.batch - 1)))], color: .gray, width: 1, label: "log(2B − 1): chance")
        let url = dir.appendingPathComponent("loss.svg")
        try f.writeSVG(to: url)
        ctx.reporter.wrote(url, "training loss")
    }

    func temperature(_ ctx: ExperimentContext, _ dir: URL) throws {
        let taus: [Float] = [0.05, 0.1, 0.2, 0.5, 1.0]
        var rows: [String: Any] = [:], after: [String: Any] = [:], align: [String: Any] = [:], uniform: [String: Any] = [:], curves: [String: Any] = [:]
        var acc: [(Double, Double)] = []
        var au = Figure(title: "Alignment vs uniformity over training (Wang & Isola 2020), per τ; lower-left is better")
        au.xLabel = "uniformity  log E e^{−2‖f(x) − f(y)‖²}"; au.yLabel = "alignment  E ‖f(x) − f(x⁺)‖²"
        for (i, tau) in taus.enumerated() {
            var t = byTemperature[tau]
            if t == nil {
                var run = Self.baseRun
                run.temperature = tau; run.steps = settings(ctx).steps; run.trackEvery = max(1, run.steps / (ctx.quick ? 2 : 6))
                t = try trainer(ctx.impls.contrastive).simCLR(run, label: "  SimCLR τ = \(tau)", probeImages: try alignmentImages())
                byTemperature[tau] = t
            }
            let (b, a) = try probeBoth(t!)
            let last = t!.track.last!
            ctx.reporter.info(String(format: "    τ = %.2f: probe before head %.3f, after head %.3f; alignment %.3f, uniformity %.3f",
                                     tau, b, a, last.align, last.uniform))
            rows["\(tau)"] = b; after["\(tau)"] = a; align["\(tau)"] = last.align; uniform["\(tau)"] = last.uniform
            curves["\(tau)"] = t!.track.map { ["step": $0.step, "align": $0.align, "uniform": $0.uniform] }
            acc.append((log10(Double(tau)), b))
            au.line(t!.track.map { ($0.uniform, $0.align) }, color: .label(i), width: 1.5, label: "τ = \(tau)")
            for p in t!.track { au.dot(p.uniform, p.align, color: .label(i)) }
        }
        byTemperature = byTemperature.filter { $0.key == Self.baseRun.temperature }     // keep only what later steps use
        probeAccuracy["per_temperature"] = rows
        try metrics?.set("probe_accuracy", probeAccuracy)
        try metrics?.set("probe_after_head_per_temperature", after)
        try metrics?.set("align", align)
        try metrics?.set("uniform", uniform)
        try metrics?.set("align_uniform_over_training", curves)
        var f = Figure(title: "Linear probe (before the head) vs temperature τ")
        f.xLabel = "log10 τ"; f.yLabel = "probe accuracy (Fashion-MNIST test)"
        f.line(acc, color: .label(0), width: 2, label: "SimCLR, batch \(Self.baseRun.batch)")
        for (x, y) in acc { f.dot(x, y, color: .label(0)) }
        for (fig, name, what) in [(f, "temperature.svg", "probe accuracy vs τ"), (au, "align-uniform.svg", "alignment vs uniformity over training")] {
            let url = dir.appendingPathComponent(name)
            try fig.writeSVG(to: url)
            ctx.reporter.wrote(url, what)
        }
    }

    func batch(_ ctx: ExperimentContext, _ dir: URL) throws {
        // The same number of images seen (epochs) for every batch size, as SimCLR's Figure 9 compares them.
        let images = settings(ctx).steps * Self.baseRun.batch
        var rows: [String: Any] = [:], pts: [(Double, Double)] = []
        for b in [64, 256, 512] {
            var run = Self.baseRun
            run.batch = b; run.steps = max(1, images / b)
            let t: ContrastiveTrainer.Trained
            if b == Self.baseRun.batch, let base { t = base } else {
                t = try trainer(ctx.impls.contrastive).simCLR(run, label: "  SimCLR batch \(b)")
            }
            let (before, _) = try probeBoth(t)
            ctx.reporter.info(String(format: "    batch %3d (%d steps, %d negatives per positive): probe %.3f, %.0f s", b, run.steps, 2 * (b - 1), before, t.seconds))
            rows["\(b)"] = before
            pts.append((Double(b), before))
        }
        probeAccuracy["per_batch_size"] = rows
        try metrics?.set("probe_accuracy", probeAccuracy)
        try metrics?.set("batch_sweep", ["temperature": Self.baseRun.temperature, "images_seen": images])
        var f = Figure(title: "Linear probe vs batch size (τ = \(Self.baseRun.temperature), same images seen)")
        f.xLabel = "batch size B (2(B − 1) negatives)"; f.yLabel = "probe accuracy"
        f.line(pts, color: .label(0), width: 2, label: "SimCLR")
        for (x, y) in pts { f.dot(x, y, color: .label(0)) }
        let url = dir.appendingPathComponent("batch.svg")
        try f.writeSVG(to: url)
        ctx.reporter.wrote(url, "probe accuracy vs batch size")
    }

    static let ablation: [(String, ViewAugmentation)] = {
        let full = baseRun.views
        var cropOnly = ViewAugmentation.identity; cropOnly.cropScale = full.cropScale; cropOnly.cropRatio = full.cropRatio
        var noiseOnly = ViewAugmentation.identity; noiseOnly.noiseStd = full.noiseStd
        var noCrop = full; noCrop.cropScale = 1...1; noCrop.cropRatio = 1...1
        var cropRotNoise = full; cropRotNoise.flipProbability = 0
        return [("none (identical views)", .identity), ("noise only", noiseOnly), ("crop only", cropOnly),
                ("flip + rotation + noise (no crop)", noCrop), ("crop + rotation + noise", cropRotNoise), ("all four (the default)", full)]
    }()

    func augmentations(_ ctx: ExperimentContext, _ dir: URL) throws {
        var rows: [[String: Any]] = []
        for (name, views) in Self.ablation {
            var run = Self.baseRun
            run.views = views; run.steps = settings(ctx).steps
            let t: ContrastiveTrainer.Trained
            if name.hasPrefix("all four"), let base { t = base } else {
                t = try trainer(ctx.impls.contrastive).simCLR(run, label: "  views: \(name)")
            }
            let (before, _) = try probeBoth(t)
            ctx.reporter.info(String(format: "    %@: probe %.3f", name.padding(toLength: 34, withPad: " ", startingAt: 0), before))
            rows.append(["views": name, "probe_accuracy": before])
        }
        try metrics?.set("augmentation_ablation", rows)
        // A figure of what the default views look like.
        guard let train else { return }
        var rng = SeededGenerator(seed: 88)
        let x = try train.images.gatherRows(Array(0..<6)).reshaped([6, 1, 28, 28])
        var panels = ImagePanels(title: "Two views of each image (the default augmentation)", columnTitles: ["image", "view 1", "view 2"], scale: 3)
        let v1 = try ctx.impls.contrastive.augmentView(x, Self.baseRun.views, rng: &rng)
        let v2 = try ctx.impls.contrastive.augmentView(x, Self.baseRun.views, rng: &rng)
        for i in 0..<6 {
            panels.row(Datasets.fashionClasses[train.labels[i]], [Self.image(x, i), Self.image(v1, i), Self.image(v2, i)])
        }
        let url = dir.appendingPathComponent("views.svg")
        try panels.writeSVG(to: url)
        ctx.reporter.wrote(url, "two views per image")
    }

    func rotation(_ ctx: ExperimentContext, _ dir: URL) throws {
        guard rotationEncoder == nil else { return }
        // The same number of encoder passes as a SimCLR run: 4 rotations of B/2 images = 2B images per step.
        let steps = settings(ctx).steps, batch = Self.baseRun.batch / 2
        let (enc, secs, losses) = try trainer(ctx.impls.contrastive).rotation(steps: steps, batch: batch, label: "  rotation prediction")
        rotationEncoder = enc
        guard let train, let test else { return }
        let rows = Array(0..<probeTrain)
        let acc = try probe(try enc.features(try train.images.gatherRows(rows)).h, rows.map { train.labels[$0] }, try enc.features(test.images).h)
        ctx.reporter.info(String(format: "  rotation prediction (%d steps of %d images × 4 rotations, %.0f s): final loss %.3f, probe %.3f",
                                 steps, batch, secs, losses.suffix(20).reduce(0, +) / Double(min(20, losses.count)), acc))
        try metrics?.set("rotation", ["steps": steps, "batch_images": batch, "seconds": secs, "probe_accuracy": acc,
                                      "final_loss": losses.suffix(20).reduce(0, +) / Double(min(20, losses.count))])
    }

    /// The first `perClass` training images of each class.
    func perClass(_ k: Int) -> [Int] {
        var seen = [Int](repeating: 0, count: 10), rows: [Int] = []
        for (i, l) in train!.labels.enumerated() where seen[l] < k { seen[l] += 1; rows.append(i) }
        return rows
    }

    func compare(_ ctx: ExperimentContext, _ dir: URL) throws {
        guard let train, let test, let base, let rotationEncoder else { return }
        let (steps, all) = settings(ctx)
        let few = perClass(100), many = Array(0..<all)
        let fewLabels = few.map { train.labels[$0] }, manyLabels = many.map { train.labels[$0] }
        let trainMany = try train.images.gatherRows(many), trainFew = try train.images.gatherRows(few)
        var rows: [[String: Any]] = []
        ctx.reporter.info("  Which representation is best for a linear probe on Fashion-MNIST? (test accuracy on \(test.labels.count) images)")
        ctx.reporter.info("    " + "representation".padding(toLength: 44, withPad: " ", startingAt: 0) + "  dim   100/class   \(all == 60_000 ? "all 60,000" : "\(all) labels")")
        func add(_ name: String, _ encode: (Tensor) throws -> Tensor) throws {
            let (a, b, t) = (try encode(trainFew), try encode(trainMany), try encode(test.images))
            let (pf, pm) = (try probe(a, fewLabels, t), try probe(b, manyLabels, t, steps: all > 10_000 ? 200 : 300))
            rows.append(["representation": name, "dimension": t.cols, "probe_100_per_class": pf, "probe_all_labels": pm])
            ctx.reporter.info("    " + name.padding(toLength: 44, withPad: " ", startingAt: 0) + String(format: "  %4d   %.3f       %.3f", t.cols, pf, pm))
        }
        try add("raw pixels") { $0 }
        let fit = try train.images.gatherRows(Array(0..<10_000))
        let pca = try ctx.impls.autoencoders.principalComponents(fit, k: 64)
        try add("PCA, 64 components (lecture 2)") { try ctx.impls.autoencoders.pcaEncode($0, pca) }
        var rng = SeededGenerator(seed: 83)
        let km = ctx.impls.kmeans
        let centres = try km.kmeans(fit, initial: try km.kmeansPlusPlus(fit, k: 128, rng: &rng), maxIterations: ctx.quick ? 5 : 20).centers
        try add("k-means triangle code, k = 128 (lecture 3)") { try KMeansExperiment.triangle($0, centres, impl: km) }
        let (ae, _) = try AutoencoderTrainers.mlp(inputs: fit, targets: fit, sizes: [784, 256, 64, 256, 784], epochs: ctx.quick ? 1 : 3, batch: 128,
                                                  learningRate: 1e-3, rng: &rng, label: "  MLP autoencoder (lecture 2)")
        try add("MLP autoencoder code, 64 (lecture 2)") { try ae.forward($0, upTo: 2) }
        try add("rotation prediction, conv encoder") { try rotationEncoder.features($0).h }
        try add("SimCLR, before the head") { try base.encoder.features($0).h }
        try add("SimCLR, after the head") { try base.encoder.features($0, head: base.head).z! }
        var random = SeededGenerator(seed: 80)
        let untrained = ContrastiveEncoder(rng: &random)
        try add("random conv encoder (untrained)") { try untrained.features($0).h }
        let (sup, _) = try trainer(ctx.impls.contrastive).supervised(labels: train.labels, steps: steps, batch: Self.baseRun.batch, label: "  supervised ceiling")
        try add("supervised conv encoder, all labels: ceiling") { try sup.features($0).h }
        try metrics?.set("comparison", rows)
        try metrics?.set("comparison_labels", ["few": "100 per class (1,000)", "all": all])
    }

    func neighbours(_ ctx: ExperimentContext, _ dir: URL) throws {
        guard let test, let base else { return }
        let h = try ContrastiveTrainer.normalisedRows(try base.encoder.features(test.images).h)
        let queries = (0..<10).compactMap { c in test.labels.firstIndex(of: c) }     // the first test image of each class
        let k = 7
        var panels = ImagePanels(title: "Nearest test images in SimCLR's representation (cosine, before the head)",
                                 columnTitles: ["query"] + (1...k).map { "\($0)" }, scale: 2)
        var agree = 0
        for q in queries {
            let sims = try Tensor.matmul(try h.gatherRows([q]), h, transposeB: true).data
            let order = sims.indices.filter { $0 != q }.sorted { sims[$0] > sims[$1] }.prefix(k)
            let same = order.filter { test.labels[$0] == test.labels[q] }.count
            agree += same
            panels.row("\(Self.shortNames[test.labels[q]]) \(same)/\(k)", [Self.image(test.images, q)] + order.map { Self.image(test.images, $0) })
        }
        let url = dir.appendingPathComponent("neighbours.svg")
        try panels.writeSVG(to: url)
        ctx.reporter.wrote(url, "nearest neighbours of \(queries.count) test images (row label: class, neighbours of the same class out of \(k))")
        try metrics?.set("neighbours_same_class", Double(agree) / Double(queries.count * k))
    }

    /// Class names short enough for a row label.
    static let shortNames = ["T-shirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag", "ankle boot"]

    /// Image i of a batch [n, 784] or [n, 1, 28, 28] as a gray picture.
    static func image(_ t: Tensor, _ i: Int) -> Image {
        var out = Image(width: 28, height: 28, channels: 3)
        for p in 0..<784 {
            let v = UInt8(max(0, min(255, t.data[i * 784 + p] * 255)))
            out.pixels[3 * p] = v; out.pixels[3 * p + 1] = v; out.pixels[3 * p + 2] = v
        }
        return out
    }
}
