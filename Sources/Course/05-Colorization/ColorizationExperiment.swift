import Foundation
import RepLearn

/// Lecture 5's experiment: the same small conv net trained to colour photos three ways (L2
/// regression on ab; classification over the ab bins; classification with class rebalancing),
/// decoded with the annealed mean at several temperatures, on 4 held-out photos.
///
/// Every lecture-5 computation goes through `ctx.impls.colorization` — the reference, or with
/// `--impl student` the student's exercises: Lab conversion of the photos and of the pictures
/// (5.1), the bins (5.2), the soft-encoded targets (5.3), the rebalancing weights (5.4), the
/// losses and their gradients inside training (5.5, 5.7) and the annealed-mean decoding (5.6).
final class ColorizationExperiment: Experiment {
    let slug = "colorization"
    let steps = ["bins", "train", "compare", "units"]
    var metrics: MetricsFile?

    /// Held out whole; the other 23 photos give the training crops.
    static let testPhotos = ["astronaut", "chelsea", "mate-ladybird", "kde-colorfulcups"]
    static let allPhotos = Datasets.photoNames + Datasets.morePhotoNames

    var bins: ABBins?
    var weights = Tensor.zeros([0]), prior: [Double] = [], smoothed: [Double] = []
    /// Rebalancing: smoothing σ in bins and the uniform mix λ. Zhang et al.'s σ = 5 is in ab units,
    /// half a bin of the grid of 10; σ = 5 *bins* smooths p over most of the gamut and leaves the
    /// weights almost flat (0.74–1.95 here), so rebalancing would do next to nothing.
    static let rebalanceSigma: Float = 0.5, rebalanceLambda: Float = 0.5
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
        let impl = ctx.impls.colorization
        ctx.reporter.info("  lecture 5's exercises: \(ctx.impls.name)")
        let start = Date()
        let b = try ABBins(impl, gridSize: 10, levels: 64)
        bins = b
        for name in Self.allPhotos {
            let p = try LabPhoto.load(name, halvings: 2, impl: impl)
            if Self.testPhotos.contains(name) { test.append(p) } else { train.append(p) }
        }
        ctx.reporter.info("  \(b.count) in-gamut ab bins (grid 10, centres at multiples of 10, from a 64³ sweep of the sRGB cube); "
            + "\(train.count) training photos, \(test.count) held out, \(String(format: "%.1f", Date().timeIntervalSince(start))) s")
        // p: each training pixel (at the output's resolution) counted in its nearest bin — a soft
        // encoding with k = 1 (5.3) is the one-hot of that bin.
        var counts = [Double](repeating: 0, count: b.count)
        for p in train {
            let z = try impl.softEncode(PositionRows.rows(planar: p.quarterAB, channels: 2), centres: b.centres, neighbours: 1, sigma: 5)
            try z.expectShape([p.quarterAB.count / 2, b.count], "softEncode (exercise 5.3)", name: "one-hot encoding")
            for q in try z.argmaxRows() { counts[q] += 1 }
        }
        let total = counts.reduce(0, +)
        prior = counts.map { $0 / total }
        let r = try impl.rebalancingWeights(prior: Tensor(vector: prior.map(Float.init)), centres: b.centres, gridSize: b.gridSize,
                                            sigma: Self.rebalanceSigma, lambda: Self.rebalanceLambda)
        guard r.weights.shape == [b.count], r.smoothed.shape == [b.count], r.weights.data.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw InputError("rebalancingWeights (exercise 5.4) returned weights \(r.weights.shape) and p̃ \(r.smoothed.shape) for \(b.count) bins, "
                + "or weights that are not finite and positive")
        }
        (smoothed, weights) = (r.smoothed.data.map(Double.init), r.weights)
        try metrics?.set("in_gamut_bins", b.count)
        try metrics?.set("prior", ["bins_used_by_training_pixels": counts.filter { $0 > 0 }.count,
                                   "smoothing_sigma_bins": Double(Self.rebalanceSigma), "lambda": Double(Self.rebalanceLambda),
                                   "max_weight": Double(weights.data.max() ?? 0), "min_weight": Double(weights.data.min() ?? 0)])
        try abPlane(prior.map { log10(max($0, 1e-7)) }, "Empirical ab distribution of the training pixels (log10 p)", dir.appendingPathComponent("prior.svg"), ctx)
        try abPlane(smoothed.map { log10(max($0, 1e-7)) }, "Smoothed prior p̃ (log10), σ = \(Self.rebalanceSigma) bins", dir.appendingPathComponent("prior-smoothed.svg"), ctx)
        try abPlane(weights.data.map { log10(Double($0)) }, "Rebalancing weights w (log10), λ = ½, σ = \(Self.rebalanceSigma) bins", dir.appendingPathComponent("weights.svg"), ctx)
    }

    func trainAll(_ ctx: ExperimentContext, _ dir: URL) throws {
        guard let bins, nets.isEmpty else { return }
        let steps = ctx.quick ? 40 : 400
        let trainer = ColorizationTrainer(impl: ctx.impls.colorization, bins: bins, weights: weights, sampler: CropSampler(photos: train, size: 40))
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

    func predict(_ m: Method, _ photo: LabPhoto, _ impl: any ColorizationExercises) throws -> [Float] {
        guard let bins else { return [] }
        let (kind, net) = nets[m.net]
        let out = try Graph.noGrad { try net.forward(Variable(photo.input)).output.value }
        let n = (photo.height / 4) * (photo.width / 4)
        var ab = [Float](repeating: 0, count: 2 * n)
        if kind == .regression {
            for i in 0..<(2 * n) { ab[i] = out.data[i] * 100 }
            return ab
        }
        let probs = PositionRows.rows(out.softmax(axis: 1, log: false))            // [n, Q]
        if let t = m.temperature {
            let decoded = try impl.annealedMean(probs, centres: bins.centres, temperature: t)
            guard decoded.shape == [n, 2] else { throw InputError("annealedMean (exercise 5.6) returned \(decoded.shape) for [\(n), \(bins.count)] probabilities") }
            return PositionRows.planar(decoded)
        }
        for (i, best) in try probs.argmaxRows().enumerated() { (ab[i], ab[n + i]) = bins.centre(best) }   // the mode
        return ab
    }

    func compare(_ ctx: ExperimentContext, _ dir: URL) throws {
        var panels = ImagePanels(title: "Held-out photos coloured from their lightness",
                                 columnTitles: ["input (L only)", "L2 regression", "classification T = 1", "rebalanced T = 0.38", "rebalanced, mode", "ground truth"])
        var perMethod: [String: [String: Double]] = [:]
        var chroma: [[Float]] = Array(repeating: [], count: Self.methods.count)
        var truthChroma: [Float] = []
        var histograms: [[Double]] = Array(repeating: [Double](repeating: 0, count: 26 * 26), count: Self.methods.count + 1)
        let shown = [0, 1, 4, 5]
        let impl = ctx.impls.colorization
        for photo in test {
            let (h, w) = (photo.height, photo.width)
            var row = [try rgbImage(photo, ab: [Float](repeating: 0, count: 2 * h * w), impl)]
            for (mi, m) in Self.methods.enumerated() {
                let full = try Self.upsample(predict(m, photo, impl), h / 4, w / 4)
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
                if shown.contains(mi) { row.append(try rgbImage(photo, ab: full, impl)) }
            }
            for i in 0..<(h * w) {
                truthChroma.append((photo.ab[i] * photo.ab[i] + photo.ab[h * w + i] * photo.ab[h * w + i]).squareRoot())
                histograms[Self.methods.count][Self.histBin(photo.ab[i], photo.ab[h * w + i])] += 1
            }
            row.append(try rgbImage(photo, ab: photo.ab, impl))
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

    /// The photo's L with `ab` ([2, H·W] planes), through Lab → sRGB (exercise 5.1), clipped to [0, 1].
    func rgbImage(_ p: LabPhoto, ab: [Float], _ impl: any ColorizationExercises) throws -> Image {
        let n = p.height * p.width
        let rgb = try impl.srgbFromLab(PositionRows.rows(planar: p.lightness + ab, channels: 3))     // [n, 3]
        guard rgb.shape == [n, 3] else { throw InputError("srgbFromLab (exercise 5.1) returned \(rgb.shape) for [\(n), 3] colours") }
        var img = Image(width: p.width, height: p.height, channels: 3)
        for i in 0..<(3 * n) {
            let v = rgb.data[i].isFinite ? min(max(rgb.data[i], 0), 1) : 0
            img.pixels[i] = UInt8((v * 255).rounded())
        }
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
        for q in 0..<bins.count { let c = bins.centre(q); grid[Self.histBin(c.a, c.b)] = values[q] }
        var panel = ImagePanels(title: title, columnTitles: ["a → right, b → up (−130…130)"], scale: 8)
        panel.row("", [Self.heat(grid, 26, 26)])
        try panel.writeSVG(to: url)
        ctx.reporter.wrote(url, title)
    }
}
