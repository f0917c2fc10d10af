import Foundation
import RepLearn

/// Lecture 1's experiment: pass a grid and real data (two digit classes of the UCI 8×8 digits,
/// projected to 2-D by PCA) through each layer, then through a small trained MLP layer by layer,
/// measuring how linearly separable the classes are at every layer.
final class LayersExperiment: Experiment {
    let slug = "layers"
    let steps = ["data", "mapping", "gradcheck", "train", "mlp-layers"]

    /// The two digit classes: hard to separate with a line in the 2-D PCA plane.
    static let classes = [5, 9]
    static let seed: UInt64 = 1
    /// Legend names of labels 0 and 1, and the colours the figures give them (RGB.label(0), (1)).
    var classNames: [String] { Self.classes.map { "digit \($0)" } }
    var colourNames: String { "\(Self.classes[0]) (blue) and \(Self.classes[1]) (orange)" }

    var points = Tensor.zeros([0, 2])
    var labels: [Int] = []
    var trainer: MLPTrainer?
    var metrics: MetricsFile?

    func run(step: String, _ ctx: ExperimentContext) throws {
        let dir = ctx.outDir(slug)
        switch step {
        case "data": try data(ctx, dir)
        case "mapping": try ensureData(ctx, dir); try mapping(ctx, dir)
        case "gradcheck": try gradientCheck(ctx)
        case "train": try ensureData(ctx, dir); try train(ctx, dir)
        case "mlp-layers":
            try ensureData(ctx, dir)
            if trainer == nil { try train(ctx, dir) }
            try mlpLayers(ctx, dir)
        default: break                       // perform(step:) has checked the name
        }
    }

    func ensureData(_ ctx: ExperimentContext, _ dir: URL) throws { if labels.isEmpty { try data(ctx, dir) } }

    // MARK: data

    func data(_ ctx: ExperimentContext, _ dir: URL) throws {
        let digits = try Datasets.digits().selecting(classes: Self.classes)
        let pca = try PCA(digits.images, components: 2)
        var z = try pca.project(digits.images)
        // Standardise each coordinate so the [−3, 3]² grid covers the data.
        for j in 0..<2 {
            let s = pca.variances[j].squareRoot()
            for i in 0..<z.rows { z[i, j] /= s }
        }
        points = z
        labels = digits.labels
        ctx.reporter.info("  \(digits.name): \(labels.count) images of digits \(Self.classes), 64 pixels → 2-D by PCA (standardised)")

        let sample = try digits.images.gatherRows(Array(0..<min(40, digits.labels.count)))
        let grid = try ImageGrid.make(sample, height: 8, width: 8, columns: 10, scale: 4, normalize: .unit)
        let gridURL = dir.appendingPathComponent("data-digits.png")
        try PNG.write(grid, to: gridURL)
        ctx.reporter.wrote(gridURL, "the first 40 images used")
        let probe = try LinearProbe(points, labels: labels, classes: 2)
        try metrics?.set("dataset", ["name": digits.name, "classes": Self.classes, "n": labels.count,
                                     "input": "2-D PCA of 64 pixels, standardised"])
        try metrics?.set("input_linear_separability", try probe.accuracy(points, labels: labels))
    }

    // MARK: single layers as mappings

    func mapping(_ ctx: ExperimentContext, _ dir: URL) throws {
        let impl = ctx.impls.layers
        let grid = MappingFigure.grid()
        let w = try Tensor(rows: [[1.0, 0.6], [-0.5, 1.2]]), b = Tensor(vector: [0.5, -0.3])
        typealias Map = (Tensor) throws -> Tensor
        let linear: Map = { try impl.linearForward($0, weight: w, bias: b) }
        let maps: [(String, String, Map)] = [
            ("0-input", "input space", { $0 }),
            ("1-linear", "linear Wx + b: lines stay lines", linear),
            ("2-relu", "ReLU(Wx + b): folds onto the positive quadrant", { try impl.reluForward(try linear($0)) }),
            ("3-l2norm", "L2-norm(Wx + b): onto the unit circle", { try impl.l2NormalizeForward(try linear($0)) }),
            ("4-softmax-beta1", "softmax β = 1 (lecture's sign): onto the simplex", { try impl.softmaxForward(try linear($0), beta: 1) }),
            ("5-softmax-beta5", "softmax β = 5: pushed to the corners", { try impl.softmaxForward(try linear($0), beta: 5) }),
        ]
        var rasters: [Image] = []
        var separability: [[String: Any]] = []
        for (name, title, f) in maps {
            let mapped = try grid.map(f)
            let pts = try f(points)
            guard pts.isFinite else { throw InputError("layer '\(name)' produced NaN or ∞ on the data") }
            let fig = MappingFigure.figure(title: title, gridLines: mapped, points: pts, labels: labels, classNames: classNames)
            let url = dir.appendingPathComponent("mapping-\(name).svg")
            try fig.writeSVG(to: url, width: 420, height: 420)
            rasters.append(fig.raster(width: 300, height: 300))
            let acc = try LinearProbe(pts, labels: labels, classes: 2).accuracy(pts, labels: labels)
            separability.append(["layer": name, "linear_separability": acc])
            ctx.reporter.info("  " + name.padding(toLength: 14, withPad: " ", startingAt: 0) + String(format: " linear separability %.3f", acc))
        }
        let strip = dir.appendingPathComponent("mappings.png")
        let row = Image.row(rasters)
        try PNG.write(row, to: strip)
        ctx.reporter.wrote(strip, "grid + data through each layer, left to right (SVGs: mapping-*.svg)")
        let labelled = try LabelledGrid(title: "One grid and the digits \(colourNames), pushed through each layer",
                                        rowLabels: [""], columnLabels: maps.map(\.1)).writeSVG(beside: strip, grid: row, columns: maps.count)
        ctx.reporter.wrote(labelled, "the same strip with panel titles")
        try metrics?.set("single_layers", separability)
    }

    // MARK: a trained MLP

    func train(_ ctx: ExperimentContext, _ dir: URL) throws {
        var rng = SeededGenerator(seed: Self.seed)
        var t = MLPTrainer(sizes: [2, 16, 16, 2], beta: 1, impl: ctx.impls.layers, rng: &rng)
        let steps = 1500
        let start = Date()
        let curve = try t.train(points, labels, steps: steps, learningRate: 0.01, progress: ProgressLine("  training step", total: steps))
        let seconds = Date().timeIntervalSince(start)
        trainer = t
        var fig = Figure(title: "MLP 2-16-16-2 on digits \(Self.classes): training loss")
        fig.xLabel = "step"; fig.yLabel = "cross-entropy"
        fig.line(curve.enumerated().map { (Double($0.offset + 1), $0.element) }, color: RGB.label(0), label: "loss")
        let url = dir.appendingPathComponent("loss.svg")
        try fig.writeSVG(to: url)
        ctx.reporter.wrote(url, "training loss per step")
        let acts = try t.impl.forwardStack(points, layers: t.layers)
        let predicted = try acts[acts.count - 1].argmaxRows()    // the most probable class
        let acc = Double(zip(predicted, labels).filter { $0 == $1 }.count) / Double(labels.count)
        ctx.reporter.info(String(format: "  final loss %.4f, training accuracy %.3f, %.1f s", curve.last ?? Double.nan, acc, seconds))
        try metrics?.set("mlp", ["sizes": [2, 16, 16, 2], "steps": steps, "optimizer": "Adam lr 0.01, full batch",
                                 "final_loss": curve.last ?? Double.nan, "train_accuracy": acc, "train_seconds": seconds,
                                 "loss_curve_every_50": stride(from: 0, to: curve.count, by: 50).map { curve[$0] }])
    }

    func mlpLayers(_ ctx: ExperimentContext, _ dir: URL) throws {
        guard let t = trainer else { return }
        let grid = MappingFigure.grid()
        let gridActs = try grid.map { try t.impl.forwardStack($0, layers: t.layers) }
        let acts = try t.impl.forwardStack(points, layers: t.layers)
        var rasters: [Image] = [], titles: [String] = []
        var separability: [[String: Any]] = []
        for l in 0..<acts.count {
            let name = l == 0 ? "input" : "\(l)-\(t.layers[l - 1])"
            let pts = try MappingFigure.to2D(acts[l], fitOn: acts[l])
            let lines = try gridActs.map { try MappingFigure.to2D($0[l], fitOn: acts[l]) }
            let title = l == 0 ? "MLP input (2-D)" : "after layer \(l): \(t.layers[l - 1])" + (acts[l].cols > 2 ? " (top-2 PCA of \(acts[l].cols)-D)" : "")
            let fig = MappingFigure.figure(title: title, gridLines: lines, points: pts, labels: labels, classNames: classNames)
            let url = dir.appendingPathComponent("mlp-layer-\(l).svg")
            titles.append(l == 0 ? "input" : "layer \(l): \(t.layers[l - 1])")
            try fig.writeSVG(to: url, width: 420, height: 420)
            rasters.append(fig.raster(width: 240, height: 240))
            let acc = try LinearProbe(acts[l], labels: labels, classes: 2).accuracy(acts[l], labels: labels)
            separability.append(["layer": l, "name": name, "dimension": acts[l].cols, "linear_separability": acc])
            let label = (l == 0 ? "input" : "\(t.layers[l - 1])").padding(toLength: 16, withPad: " ", startingAt: 0)
            ctx.reporter.info("  layer \(l) \(label)" + String(format: " dim %2d  linear separability %.3f", acts[l].cols, acc))
        }
        let strip = dir.appendingPathComponent("mlp-layers.png")
        let row = Image.row(rasters)
        try PNG.write(row, to: strip)
        ctx.reporter.wrote(strip, "the trained MLP's representation at each layer, left to right (SVGs: mlp-layer-*.svg)")
        let labelled = try LabelledGrid(title: "The trained MLP, layer by layer: digits \(colourNames); 16-D layers by their top-2 PCA",
                                        rowLabels: [""], columnLabels: titles).writeSVG(beside: strip, grid: row, columns: titles.count)
        ctx.reporter.wrote(labelled, "the same strip with panel titles")
        try metrics?.set("mlp_layers", separability)
        ctx.reporter.wrote(metrics!.url, "metrics")
    }
}
