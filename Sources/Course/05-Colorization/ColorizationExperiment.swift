import Foundation
import RepLearn

/// Lecture 5's experiment: the same small conv net trained to colour photos three ways (L2
/// regression on ab; classification over the ab bins; classification with class rebalancing),
/// decoded with the annealed mean at several temperatures, on 4 held-out photos.
final class ColorizationExperiment: Experiment {
    let slug = "colorization"
    let steps = ["bins", "train", "compare", "units"]
    var metrics: MetricsFile?

    /// Held out whole; the other 23 photos give the training crops.
    static let testPhotos = ["astronaut", "chelsea", "mate-ladybird", "kde-colorfulcups"]
    static let allPhotos = Datasets.photoNames + Datasets.morePhotoNames

    var bins: ABBins?
    var weights: [Double] = [], prior: [Double] = [], smoothed: [Double] = []
    var train: [LabPhoto] = [], test: [LabPhoto] = []
    var nets: [(ColorizationLoss, ColorizationNet)] = []

    func run(step: String, _ ctx: ExperimentContext) throws {
        let dir = ctx.outDir(slug)
        if bins == nil { try prepare(ctx, dir) }
        if nets.isEmpty && (step == "compare" || step == "units") { try trainAll(ctx, dir) }
        switch step {
        case "bins": break
        case "train": try trainAll(ctx, dir)
        case "compare": try compare(ctx, dir)
        case "units": try units(ctx, dir)
        default: break
        }
    }

    /// Photos (halved twice: ~160 px), the in-gamut bins, the empirical prior and the weights.
    func prepare(_ ctx: ExperimentContext, _ dir: URL) throws {
        if ctx.impls.name != "reference" {
            ctx.reporter.info("  Lecture 5's exercises are not built yet: this run uses the reference computations.")
        }
        let start = Date()
        let b = ABBins(gridSize: 10, levels: 64)
        bins = b
        for name in Self.allPhotos {
            let p = try LabPhoto.load(name, halvings: 2)
            if Self.testPhotos.contains(name) { test.append(p) } else { train.append(p) }
        }
        ctx.reporter.info("  \(b.count) in-gamut ab bins (grid 10, centres at multiples of 10, from a 64³ sweep of the sRGB cube); "
            + "\(train.count) training photos, \(test.count) held out, \(String(format: "%.1f", Date().timeIntervalSince(start))) s")
        var counts = [Double](repeating: 0, count: b.count)
        for p in train {
            let ab = p.quarterAB, n = ab.count / 2
            for i in 0..<n { counts[b.nearest(ab[i], ab[n + i])] += 1 }
        }
        let total = counts.reduce(0, +)
        prior = counts.map { $0 / total }
        (smoothed, weights) = b.rebalancingWeights(prior: prior, sigma: 5, lambda: 0.5)
        try metrics?.set("in_gamut_bins", b.count)
        try metrics?.set("prior", ["bins_used_by_training_pixels": counts.filter { $0 > 0 }.count,
                                   "max_weight": weights.max() ?? 0, "min_weight": weights.min() ?? 0])
        try abPlane(prior.map { log10(max($0, 1e-7)) }, "Empirical ab distribution of the training pixels (log10 p)", dir.appendingPathComponent("prior.svg"), ctx)
        try abPlane(weights.map { log10($0) }, "Rebalancing weights w (log10), λ = ½, σ = 5", dir.appendingPathComponent("weights.svg"), ctx)
    }

    func trainAll(_ ctx: ExperimentContext, _ dir: URL) throws {
        guard let bins, nets.isEmpty else { return }
        let steps = ctx.quick ? 40 : 400
        let trainer = ColorizationTrainer(bins: bins, weights: weights, sampler: CropSampler(photos: train, size: 40))
        var f = Figure(title: "Training loss per step (batches of 16 crops, 40×40)")
        f.xLabel = "step"; f.yLabel = "loss (running mean of 20 steps)"
        var times: [String: Double] = [:]
        for (i, kind) in [ColorizationLoss.regression, .classification, .rebalanced].enumerated() {
            var rng = SeededGenerator(seed: 50 + UInt64(i))
            let net = ColorizationNet(outputs: kind == .regression ? 2 : bins.count, rng: &rng)
            let start = Date()
            let curve = try trainer.train(net, loss: kind, steps: steps, batch: 16, rng: &rng)
            times[kind.rawValue] = Date().timeIntervalSince(start)
            nets.append((kind, net))
            let smooth = curve.indices.map { t in curve[max(0, t - 19)...t].reduce(0, +) / Double(min(t + 1, 20)) }
            let norm = smooth.first ?? 1
            f.line(smooth.enumerated().map { (Double($0.offset + 1), $0.element / norm) }, color: .label(i), label: "\(kind.rawValue) (÷ first)")
        }
        f.yLabel = "loss ÷ its first value (running mean of 20 steps)"
        let url = dir.appendingPathComponent("loss.svg")
        try f.writeSVG(to: url)
        ctx.reporter.wrote(url, "training loss curves")
        try metrics?.set("training_seconds", times)
        try metrics?.set("training_steps", steps)
    }

    /// A decoding of one net's output for one photo: ab at 1/4 resolution, [2, h4·w4].
    struct Method { let name: String; let net: Int; let temperature: Float? }   // nil: the mode (regression: the output)

    static let methods = [Method(name: "L2 regression", net: 0, temperature: nil),
                          Method(name: "classification, T = 1 (mean)", net: 1, temperature: 1),
                          Method(name: "classification, T = 0.38", net: 1, temperature: 0.38),
                          Method(name: "rebalanced, T = 1 (mean)", net: 2, temperature: 1),
                          Method(name: "rebalanced, T = 0.38", net: 2, temperature: 0.38),
                          Method(name: "rebalanced, mode", net: 2, temperature: nil)]

    func predict(_ m: Method, _ photo: LabPhoto) throws -> [Float] {
        guard let bins else { return [] }
        let (kind, net) = nets[m.net]
        let out = try Graph.noGrad { try net.forward(Variable(photo.input)).output.value }
        let n = (photo.height / 4) * (photo.width / 4)
        var ab = [Float](repeating: 0, count: 2 * n)
        if kind == .regression {
            for i in 0..<(2 * n) { ab[i] = out.data[i] * 100 }
            return ab
        }
        let probs = out.softmax(axis: 1, log: false)
        probs.data.withUnsafeBufferPointer { p in
            for i in 0..<n {
                if let t = m.temperature {
                    let (a, b) = bins.annealedMean(p.baseAddress! + i, stride: n, temperature: t)
                    ab[i] = a; ab[n + i] = b
                } else {
                    var best = 0
                    for q in 1..<bins.count where p[q * n + i] > p[best * n + i] { best = q }
                    ab[i] = bins.centres[best].a; ab[n + i] = bins.centres[best].b
                }
            }
        }
        return ab
    }

    func compare(_ ctx: ExperimentContext, _ dir: URL) throws {
        var panels = ImagePanels(title: "Held-out photos coloured from their lightness",
                                 columnTitles: ["input (L only)", "L2 regression", "classification T = 1", "rebalanced T = 0.38", "rebalanced, mode", "ground truth"])
        var perMethod: [String: [String: Double]] = [:]
        var chroma: [[Float]] = Array(repeating: [], count: Self.methods.count)
        var truthChroma: [Float] = []
        var histograms: [[Double]] = Array(repeating: [Double](repeating: 0, count: 26 * 26), count: Self.methods.count + 1)
        let shown = [0, 2, 4, 5]
        for photo in test {
            let (h, w) = (photo.height, photo.width)
            var row = [Self.rgbImage(photo, ab: [Float](repeating: 0, count: 2 * h * w))]
            for (mi, m) in Self.methods.enumerated() {
                let full = try Self.upsample(predict(m, photo), h / 4, w / 4)
                var se = 0.0, hits = [Int](repeating: 0, count: 151), c: Float = 0
                for i in 0..<(h * w) {
                    let (da, db) = (full[i] - photo.ab[i], full[h * w + i] - photo.ab[h * w + i])
                    let err = (da * da + db * db).squareRoot()
                    se += Double(da * da + db * db)
                    if err <= 150 { hits[Int(err.rounded(.up))] += 1 }
                    let ch = (full[i] * full[i] + full[h * w + i] * full[h * w + i]).squareRoot()
                    c += ch; chroma[mi].append(ch)
                    histograms[mi][Self.histBin(full[i], full[h * w + i])] += 1
                }
                // AuC: fraction of pixels with error ≤ t, averaged over t = 0, 1, …, 150.
                var cum = 0, auc = 0.0
                for t in 0...150 { cum += hits[t]; auc += Double(cum) / Double(h * w) }
                var e = perMethod[m.name] ?? [:]
                e["ab_mse", default: 0] += se / Double(h * w) / Double(test.count)
                e["auc_ab_error", default: 0] += auc / 151 / Double(test.count)
                perMethod[m.name] = e
                if shown.contains(mi) { row.append(Self.rgbImage(photo, ab: full)) }
            }
            for i in 0..<(h * w) {
                truthChroma.append((photo.ab[i] * photo.ab[i] + photo.ab[h * w + i] * photo.ab[h * w + i]).squareRoot())
                histograms[Self.methods.count][Self.histBin(photo.ab[i], photo.ab[h * w + i])] += 1
            }
            row.append(Self.rgbImage(photo, ab: photo.ab))
            panels.row(photo.name, row)
        }
        for (mi, m) in Self.methods.enumerated() { perMethod[m.name]?["colourfulness"] = Double(chroma[mi].reduce(0, +)) / Double(max(chroma[mi].count, 1)) }
        let truth = Double(truthChroma.reduce(0, +)) / Double(max(truthChroma.count, 1))
        let url = dir.appendingPathComponent("colorized.svg")
        try panels.writeSVG(to: url)
        ctx.reporter.wrote(url, "held-out photos: input | L2 | classification | rebalanced T = 0.38 | mode | truth")
        for m in Self.methods {
            let e = perMethod[m.name]!
            ctx.reporter.info("  " + m.name.padding(toLength: 30, withPad: " ", startingAt: 0)
                + String(format: " ab MSE %7.1f   AuC %.3f   colourfulness %5.1f", e["ab_mse"]!, e["auc_ab_error"]!, e["colourfulness"]!))
        }
        ctx.reporter.info("  " + "ground truth".padding(toLength: 30, withPad: " ", startingAt: 0) + String(format: " %44@colourfulness %5.1f", "" as NSString, truth))
        try metrics?.set("methods", perMethod)
        try metrics?.set("ground_truth_colourfulness", truth)
        // Where the predicted colours lie on the ab plane, against the truth.
        var hist = ImagePanels(title: "ab histograms of the held-out pixels (log counts; a → right, b → up, −130…130)",
                               columnTitles: ["ground truth", "L2 regression", "classification T = 1", "rebalanced T = 0.38"], scale: 6)
        hist.row("", [Self.heat(histograms[Self.methods.count].map { log1p($0) }, 26, 26)] + [0, 1, 4].map { Self.heat(histograms[$0].map { log1p($0) }, 26, 26) })
        let hurl = dir.appendingPathComponent("ab-histograms.svg")
        try hist.writeSVG(to: hurl)
        ctx.reporter.wrote(hurl, "ab histograms: regression collapses towards grey (0, 0)")
    }

    /// Crops of the photos where units of conv5 (the deepest features) respond most.
    func units(_ ctx: ExperimentContext, _ dir: URL) throws {
        guard let (_, net) = nets.last else { return }
        let photos = train + test
        var feats: [Tensor] = []
        for p in photos { feats.append(try Graph.noGrad { try net.forward(Variable(p.input)).features.value }) }
        // Units with the largest peak response over the photos.
        let channels = 128
        var peak = [Float](repeating: 0, count: channels)
        for f in feats { let n = f.count / channels; for c in 0..<channels { for i in 0..<n { peak[c] = max(peak[c], f.data[c * n + i]) } } }
        let chosen = (0..<channels).sorted { peak[$0] > peak[$1] }.prefix(8)
        var panels = ImagePanels(title: "Crops where 8 conv5 units of the rebalanced net respond most (top 6 each, 40×40 px)",
                                 columnTitles: (1...6).map { "#\($0)" }, scale: 2)
        var rows: [[String: Any]] = []
        for c in chosen {
            var spots: [(Float, Int, Int, Int)] = []              // value, photo, y, x (at 1/4 resolution)
            for (pi, f) in feats.enumerated() {
                let (h4, w4) = (photos[pi].height / 4, photos[pi].width / 4)
                for y in 0..<h4 { for x in 0..<w4 { spots.append((f.data[c * h4 * w4 + y * w4 + x], pi, y, x)) } }
            }
            spots.sort { $0.0 > $1.0 }
            var picked: [(Float, Int, Int, Int)] = []
            for s in spots where picked.count < 6 && !picked.contains(where: { $0.1 == s.1 && abs($0.2 - s.2) < 6 && abs($0.3 - s.3) < 6 }) { picked.append(s) }
            panels.row("unit \(c)", picked.map { Self.crop(photos[$0.1], centreY: 4 * $0.2 + 2, centreX: 4 * $0.3 + 2, size: 40) })
            rows.append(["unit": c, "photos": picked.map { photos[$0.1].name }])
        }
        let url = dir.appendingPathComponent("units.svg")
        try panels.writeSVG(to: url)
        ctx.reporter.wrote(url, "what conv5 units respond to")
        try metrics?.set("top_units", rows)
    }

    // MARK: pictures

    static func histBin(_ a: Float, _ b: Float) -> Int {
        let i = min(max(Int((a + 130) / 10), 0), 25), j = min(max(Int((b + 130) / 10), 0), 25)
        return (25 - j) * 26 + i
    }

    /// Bilinear ×4 of [2, h4·w4] → [2, 4h4·4w4] (PyTorch's align_corners = False).
    static func upsample(_ ab: [Float], _ h4: Int, _ w4: Int) throws -> [Float] {
        try Graph.noGrad { try Variable(Tensor(shape: [1, 2, h4, w4], data: ab)).upsampleBilinear(4).value.data }
    }

    static func rgbImage(_ p: LabPhoto, ab: [Float]) -> Image {
        let n = p.height * p.width
        let rgb = (try? ColorSpace.srgbFromLab(try Tensor(shape: [1, 3, p.height, p.width], data: p.lightness + ab), clamp: true))
            ?? Tensor.zeros([1, 3, p.height, p.width])
        var img = Image(width: p.width, height: p.height, channels: 3)
        for i in 0..<n { for c in 0..<3 { img.pixels[i * 3 + c] = UInt8((rgb.data[c * n + i] * 255).rounded()) } }
        return img
    }

    static func crop(_ p: LabPhoto, centreY: Int, centreX: Int, size: Int) -> Image {
        var img = Image(width: size, height: size, channels: 3, fill: 255)
        let n = p.height * p.width
        for y in 0..<size { for x in 0..<size {
            let (sy, sx) = (centreY - size / 2 + y, centreX - size / 2 + x)
            guard sy >= 0, sy < p.height, sx >= 0, sx < p.width else { continue }
            for c in 0..<3 { img.pixels[(y * size + x) * 3 + c] = UInt8((p.rgb[c * n + sy * p.width + sx] * 255).rounded()) }
        } }
        return img
    }

    /// Values on a w×h grid → a grey-to-yellow heat picture (low dark).
    static func heat(_ v: [Double], _ w: Int, _ h: Int) -> Image {
        let lo = v.min() ?? 0, hi = v.max() ?? 1, span = hi - lo > 0 ? hi - lo : 1
        var img = Image(width: w, height: h, channels: 3)
        for i in 0..<(w * h) {
            let t = (v[i] - lo) / span
            img.set(i % w, i / w, RGB(UInt8(255 * min(1, 1.6 * t)), UInt8(255 * t), UInt8(255 * max(0, 0.6 - t))))
        }
        return img
    }

    /// A value per bin drawn at its place on the ab plane (bins at multiples of 10 from −110 to 110).
    func abPlane(_ values: [Double], _ title: String, _ url: URL, _ ctx: ExperimentContext) throws {
        guard let bins else { return }
        var grid = [Double](repeating: values.min() ?? 0, count: 26 * 26)
        for (q, c) in bins.centres.enumerated() { grid[Self.histBin(c.a, c.b)] = values[q] }
        var panel = ImagePanels(title: title, columnTitles: ["a → right, b → up (−130…130)"], scale: 8)
        panel.row("", [Self.heat(grid, 26, 26)])
        try panel.writeSVG(to: url)
        ctx.reporter.wrote(url, title)
    }
}
