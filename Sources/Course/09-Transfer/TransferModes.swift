import Foundation
import RepLearn

/// A source for the modes table: a pretrained net, a maker of fresh nets of the same
/// architecture, its probe features, and how many body groups partial transfer keeps and the
/// frozen-bottom mode freezes.
struct TransferSource {
    /// "mnist", "simclr", "mae" (metrics keys and file names); a name for the output; one for titles.
    let key: String, name: String, shortName: String
    let pretrained: any TransferableNet
    let make: (inout SeededGenerator) -> any TransferableNet
    /// images [n, 784] → the features the linear probe reads.
    let probe: (Tensor) throws -> Tensor
    let probeLayer: String
    let keep: Int, freeze: Int
    let recipe: TransferTrainer.Recipe
}

/// The lecture's modes, from a source net (or its architecture's random init for scratch).
enum TransferMode: CaseIterable {
    case probe, scratch, finetune, partial, frozen

    var key: String { ["probe", "scratch", "finetune", "partial", "frozen_bottom"][Self.allCases.firstIndex(of: self)!] }

    func describe(_ s: TransferSource) -> String {
        let names = s.pretrained.groupNames
        switch self {
        case .probe: return "linear probe (frozen \(s.name) \(s.probeLayer) features)"
        case .scratch: return "scratch (random init of the same architecture, all layers)"
        case .finetune: return "full fine-tuning (\(s.name) init, body at 0.1× the rate)"
        case .partial: return "partial transfer (keep \(names.prefix(s.keep).joined(separator: ", ")), re-initialise \(names.dropFirst(s.keep).joined(separator: ", ")))"
        case .frozen: return "frozen bottom (\(names.prefix(s.freeze).joined(separator: ", ")) frozen; the rest and the head trained)"
        }
    }

    /// A legend entry short enough for the figure.
    func legend(_ s: TransferSource) -> String {
        let names = s.pretrained.groupNames
        switch self {
        case .probe: return "probe on \(s.probeLayer)"
        case .scratch: return "scratch"
        case .finetune: return "fine-tune (body 0.1×)"
        case .partial: return "partial (keep \(names.prefix(s.keep).joined(separator: " + ")))"
        case .frozen: return "frozen \(names.prefix(s.freeze).joined(separator: " + "))"
        }
    }
}

extension TransferExperiment {
    /// SGD steps per fine-tuning run (4× with all labels: the few-label budget would show a third of the pool once).
    func fineTuneSteps(_ quick: Bool) -> Int { quick ? 40 : 150 }

    /// Every mode × labels-per-class setting for one source on one target: the accuracy entries
    /// "source/target/mode/labels" (mean, std, runs) go into `accuracyTable`, the figure to `file`.
    /// The labelled subsets depend only on (k, seed), so every source sees the same ones on a target.
    func modesTable(_ s: TransferSource, target: String, train: LabelledImages, test: LabelledImages,
                    counts: [(k: Int, seeds: Int)], figure file: String, _ ctx: ExperimentContext, _ dir: URL) throws {
        let t = trainer(ctx)
        let testFeatures = try s.probe(test.images)
        let steps = fineTuneSteps(ctx.quick)
        ctx.reporter.info("  \(s.name) → \(target): \(steps) SGD steps per run (\(4 * steps) with all labels), \(test.labels.count) test images")
        for mode in TransferMode.allCases { ctx.reporter.info("    \(mode.key): \(mode.describe(s))") }
        var curves: [TransferMode: [(Double, Double)]] = [:], pixelCurve: [(Double, Double)] = []
        let progress = TrainingProgress("  \(s.key) → \(target)", totalSteps: counts.reduce(0) { $0 + $1.seeds * (TransferMode.allCases.count - 1) * ($1.k == 0 ? 4 * steps : steps) })
        var done = 0
        for (k, seeds) in counts {
            var accs: [TransferMode: [Double]] = [:], pixels: [Double] = []
            for seed in 0..<seeds {
                var rng = SeededGenerator(seed: UInt64(900 + 10 * k + seed))
                let idx = k == 0 ? Array(train.labels.indices) : try ctx.impls.transfer.fewLabelIndices(train.labels, perClass: k, classes: 10, rng: &rng)
                let x = try train.images.gatherRows(idx), y = idx.map { train.labels[$0] }
                // The same (target, k, seed) gives the same images for every source: probe the pixels once.
                let pixelKey = "\(target)/\(k)/\(seed)"
                if pixelProbes[pixelKey] == nil { pixelProbes[pixelKey] = try t.probeAccuracy(train: x, y, test: test.images, test.labels) }
                pixels.append(pixelProbes[pixelKey]!)
                for mode in TransferMode.allCases {
                    if mode == .probe {
                        accs[mode, default: []].append(try t.probeAccuracy(train: try s.probe(x), y, test: testFeatures, test.labels))
                        continue
                    }
                    var r = SeededGenerator(seed: UInt64(7_000 + 10 * k + seed))
                    let net = s.make(&r)                                  // a fresh head (and body, for scratch)
                    let groups = net.bodyGroups.count
                    var plan = TransferTrainer.Plan(bodyScales: Array(repeating: 1, count: groups))
                    switch mode {
                    case .finetune: try net.copyBody(from: s.pretrained); plan.bodyScales = Array(repeating: 0.1, count: groups)
                    case .partial: try net.copyBody(from: s.pretrained); try net.reinitializeTop(groups - s.keep, trainer: t, rng: &r)
                    case .frozen: try net.copyBody(from: s.pretrained); plan.bodyScales = Array(repeating: nil, count: s.freeze) + Array(repeating: 1, count: groups - s.freeze)
                    default: break
                    }
                    let n = k == 0 ? 4 * steps : steps
                    let last = try t.train(net, x, y, plan: plan, recipe: s.recipe, steps: n, batch: 64, rng: &r)
                    done += n
                    progress.step(done, loss: last, batch: 64 * n)
                    accs[mode, default: []].append(try TransferTrainer.accuracy(net, test.images, test.labels))
                }
            }
            let key = k == 0 ? "all" : "\(k)"
            let perClass = k == 0 ? Double(train.labels.count) / 10 : Double(k)
            var line = "    \(k == 0 ? "all \(train.labels.count) labels" : "\(k) label\(k == 1 ? "" : "s")/class") (\(seeds) seed\(seeds == 1 ? "" : "s")): pixels \(String(format: "%.3f", Self.mean(pixels)))"
            accuracyTable["\(s.key)/\(target)/pixel_probe/\(key)"] = Self.stats(pixels)
            pixelCurve.append((log10(perClass), Self.mean(pixels)))
            for mode in TransferMode.allCases {
                let v = accs[mode] ?? []
                accuracyTable["\(s.key)/\(target)/\(mode.key)/\(key)"] = Self.stats(v)
                curves[mode, default: []].append((log10(perClass), Self.mean(v)))
                line += ", \(mode.key) \(String(format: "%.3f", Self.mean(v)))" + (v.count > 1 ? String(format: " ± %.3f", Self.stats(v)["std"] as! Double) : "")
            }
            ctx.reporter.info(line)
        }
        let targetName = ["fashion-mnist": "Fashion-MNIST", "mnist": "MNIST"][target] ?? target
        var fig = Figure(title: "\(s.shortName) → \(targetName): test accuracy vs labels per class, by transfer mode")
        fig.xLabel = "labels per class (log₁₀)"; fig.yLabel = "\(targetName) test accuracy"
        var series = [("probe on pixels", RGB.gray, pixelCurve)]
        for (i, mode) in TransferMode.allCases.enumerated() { series.append((mode.legend(s), RGB.label(i), curves[mode] ?? [])) }
        for (label, color, points) in series {
            fig.line(points, color: color, label: label)
            for (x, y) in points { fig.dot(x, y, color: color) }       // a one-point curve (--quick) still shows
        }
        let url = dir.appendingPathComponent(file)
        try fig.writeSVG(to: url, width: 760, height: 500)
        ctx.reporter.wrote(url, "\(s.key) → \(target): accuracy vs labels per class, one line per mode")
        try metrics?.set("accuracy", accuracyTable)
    }

    static func mean(_ v: [Double]) -> Double { v.reduce(0, +) / Double(max(v.count, 1)) }

    /// Mean, sample standard deviation (0 for one run) and every run.
    static func stats(_ v: [Double]) -> [String: Any] {
        let m = mean(v)
        let sd = (v.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(max(v.count - 1, 1))).squareRoot()
        return ["mean": m, "std": sd, "runs": v]
    }
}
