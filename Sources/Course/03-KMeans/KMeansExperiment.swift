import Foundation
import RepLearn

/// Lecture 3's experiment: k = 64 on MNIST (centres as images, objective per iteration),
/// k-means on 8×8 photo patches with and without whitening (centres as filters), and k-means
/// codes as features for a linear classifier.
final class KMeansExperiment: Experiment {
    let slug = "kmeans"
    let steps = ["mnist", "patches", "features"]
    var metrics: MetricsFile?
    var mnistCenters: Tensor?

    func run(step: String, _ ctx: ExperimentContext) throws {
        let dir = ctx.outDir(slug)
        switch step {
        case "mnist": try mnist(ctx, dir)
        case "patches": try patches(ctx, dir)
        case "features": try features(ctx, dir)
        default: break                       // perform(step:) has checked the name
        }
    }

    /// k-means++ then Lloyd through the chosen implementation, with a progress line.
    static func cluster(_ x: Tensor, k: Int, seed: UInt64, maxIterations: Int, impl: any KMeansExercises) throws -> (KMeansResult, Double) {
        var rng = SeededGenerator(seed: seed)
        let start = Date()
        let initial = try impl.kmeansPlusPlus(x, k: k, rng: &rng)
        let r = try impl.kmeans(x, initial: initial, maxIterations: maxIterations)
        return (r, Date().timeIntervalSince(start))
    }

    func mnist(_ ctx: ExperimentContext, _ dir: URL) throws {
        let impl = ctx.impls.kmeans
        let data = try Datasets.mnist("train", limit: 10_000)
        ctx.reporter.info("  MNIST: 10,000 training images; k = 64, k-means++ then Lloyd (at most 100 iterations)")
        let (r, secs) = try Self.cluster(data.images, k: 64, seed: 3, maxIterations: 100, impl: impl)
        guard r.objectives.allSatisfy(\.isFinite) else { throw InputError("k-means produced a non-finite objective — check exercises 3.2/3.3") }
        mnistCenters = r.centers
        ctx.reporter.info(String(format: "  %d iterations in %.2f s; objective %.4g → %.4g (%.2f per image)", r.iterations, secs,
                                 r.objectives.first ?? .nan, r.objectives.last ?? .nan, (r.objectives.last ?? .nan) / 10_000))
        let grid = try ImageGrid.make(r.centers, height: 28, width: 28, columns: 16, scale: 2, normalize: .unit)
        let url = dir.appendingPathComponent("mnist-centers.png")
        try PNG.write(grid, to: url)
        try LabelledGrid(title: "k-means on MNIST: the 64 centres (means of their clusters, not real images)",
                         rowLabels: ["centres 1–16", "17–32", "33–48", "49–64"]).writeSVG(beside: url, grid: grid, columns: 16)
        ctx.reporter.wrote(url, "the 64 centres: not real images, the learned representation")
        var f = Figure(title: "k-means on MNIST (k = 64): objective J per iteration")
        f.xLabel = "iteration"; f.yLabel = "J = Σ ‖x − c(i(x))‖²"
        f.line(r.objectives.enumerated().map { (Double($0.offset + 1), $0.element) }, color: .label(0), label: "J")
        let curve = dir.appendingPathComponent("objective.svg")
        try f.writeSVG(to: curve)
        ctx.reporter.wrote(curve, "objective per iteration (never increases)")
        var counts = [Int](repeating: 0, count: 64)
        for a in r.assignments { counts[a] += 1 }
        try metrics?.set("mnist", ["k": 64, "n": 10_000, "objective_per_iteration": r.objectives, "final_objective": r.objectives.last ?? .nan,
                                   "iterations": r.iterations, "seconds": secs, "smallest_cluster": counts.min() ?? 0,
                                   "largest_cluster": counts.max() ?? 0])
    }

    func patches(_ ctx: ExperimentContext, _ dir: URL) throws {
        let impl = ctx.impls.kmeans
        let photos = try Datasets.photoNames.map { try Datasets.photo($0) }
        var rng = SeededGenerator(seed: 31)
        let raw = try Patches.random(from: photos, size: 8, count: 20_000, rng: &rng)
        let normalized = Patches.normalize(raw)
        let zca = try ZCAWhitening(normalized)
        let whitened = try zca.apply(normalized)
        ctx.reporter.info("  20,000 random 8×8 gray patches from the \(photos.count) bundled photos, contrast-normalised")
        var summary: [String: Any] = [:]
        for (name, x) in [("raw", normalized), ("whitened", whitened)] {
            let (r, secs) = try Self.cluster(x, k: 64, seed: 32, maxIterations: 50, impl: impl)
            var uses = [Int](repeating: 0, count: 64)
            for a in r.assignments { uses[a] += 1 }
            let order = (0..<64).sorted { uses[$0] > uses[$1] }
            let grid = try ImageGrid.make(try r.centers.gatherRows(order), height: 8, width: 8, columns: 16, scale: 4, normalize: .perImage)
            let url = dir.appendingPathComponent("patch-centers-\(name).png")
            try PNG.write(grid, to: url)
            try LabelledGrid(title: "64 k-means centres of \(name) 8×8 photo patches, most used first (each stretched to black–white)",
                             rowLabels: ["most used 1–16", "17–32", "33–48", "least used 49–64"]).writeSVG(beside: url, grid: grid, columns: 16)
            ctx.reporter.wrote(url, "64 centres of \(name) patches, most used first" + (name == "whitened" ? " (oriented edges)" : ""))
            ctx.reporter.info(String(format: "  %@: %d iterations, %.2f s, objective per patch %.3f", name, r.iterations, secs,
                                     (r.objectives.last ?? .nan) / 20_000))
            summary[name] = ["iterations": r.iterations, "seconds": secs, "final_objective": r.objectives.last ?? .nan]
        }
        try metrics?.set("patches", summary)
    }

    /// Triangle encoding (Coates, Lee & Ng 2011): f_k(x) = max(0, mean_j z_j − z_k), z_k = ‖x − c_k‖.
    static func triangle(_ x: Tensor, _ centers: Tensor, impl: any KMeansExercises) throws -> Tensor {
        var z = try impl.squaredDistances(x, centers).map { $0.squareRoot() }
        let k = centers.rows
        for i in 0..<z.rows {
            let mean = (0..<k).reduce(Float(0)) { $0 + z[i, $1] } / Float(k)
            for j in 0..<k { z[i, j] = max(0, mean - z[i, j]) }
        }
        return z
    }

    func features(_ ctx: ExperimentContext, _ dir: URL) throws {
        let impl = ctx.impls.kmeans
        let digits = try Datasets.digits()
        let (train, test) = (try digits.slice(0..<1_500), try digits.slice(1_500..<digits.labels.count))
        var rows: [[String: Any]] = []
        func probe(_ name: String, _ a: Tensor, _ b: Tensor) throws {
            let p = try LinearProbe(a, labels: train.labels, classes: 10)
            let acc = try p.accuracy(b, labels: test.labels)
            rows.append(["features": name, "dimension": a.cols, "test_accuracy": acc])
            ctx.reporter.info("  " + name.padding(toLength: 34, withPad: " ", startingAt: 0) + String(format: " dim %4d  test accuracy %.3f", a.cols, acc))
        }
        ctx.reporter.info("  UCI digits: linear classifier (logistic probe) on 1,500 training images, tested on 297")
        try probe("raw pixels", train.images, test.images)
        for k in [16, 64, 256] {
            let (r, _) = try Self.cluster(train.images, k: k, seed: 40 + UInt64(k), maxIterations: 100, impl: impl)
            try probe("k-means one-hot code, k = \(k)", try impl.oneHotEncode(r.assignments, k: k),
                      try impl.oneHotEncode(try impl.assign(test.images, r.centers), k: k))
            try probe("k-means triangle code, k = \(k)", try Self.triangle(train.images, r.centers, impl: impl),
                      try Self.triangle(test.images, r.centers, impl: impl))
        }
        try metrics?.set("digits_linear_probe", rows)
        ctx.reporter.wrote(metrics!.url, "metrics")
    }
}
