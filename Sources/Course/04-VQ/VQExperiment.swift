import Foundation
import RepLearn

/// Lecture 4's experiment: VQ autoencoders on MNIST against a continuous autoencoder and PCA
/// at comparable bit budgets; reconstructions, codebook usage, perplexity, decoded codes.
final class VQExperiment: Experiment {
    let slug = "vq"
    let steps = ["train", "compare", "codebook"]
    var metrics: MetricsFile?
    var train: LabelledImages?, test: LabelledImages?
    var models: [VQAutoencoder] = []
    var curves: [[Double]] = []

    func run(step: String, _ ctx: ExperimentContext) throws {
        let dir = ctx.outDir(slug)
        if train == nil {
            train = try Datasets.mnist("train", limit: 10_000)
            test = try Datasets.mnist("test", limit: 1_000)
            ctx.reporter.info("  MNIST: 10,000 training and 1,000 test images")
        }
        if models.isEmpty && step != "train" { try trainModels(ctx, dir) }
        switch step {
        case "train": try trainModels(ctx, dir)
        case "compare": try compare(ctx, dir)
        case "codebook": try codebook(ctx, dir)
        default: break                       // perform(step:) has checked the name
        }
    }

    func trainModels(_ ctx: ExperimentContext, _ dir: URL) throws {
        guard let train, let test else { return }
        var rng = SeededGenerator(seed: 4)
        var rows: [[String: Any]] = []
        for (slots, codes) in [(4, 128), (4, 512)] {
            let m = VQAutoencoder(slots: slots, dim: 16, codes: codes, impl: ctx.impls.vq, rng: &rng)
            let start = Date()
            let r = try m.train(train.images, epochs: 20, batch: 128, learningRate: 1e-3, rng: &rng,
                                label: "VQ-AE \(slots)×\(codes) codes (\(m.bits) bits)")
            let secs = Date().timeIntervalSince(start)
            let testMSE = try meanSquaredError(try m.reconstruct(test.images), test.images).loss
            let usage = try ctx.impls.vq.codebookUsage(try ctx.impls.vq.quantize(try m.encode(test.images), codebook: m.codebook).indices,
                                                        codebookSize: codes)
            models.append(m); curves.append(r.perplexity)
            ctx.reporter.info(String(format: "  %d codes × %d slots = %d bits: test MSE %.2f, perplexity %.1f of %d, dead-code restarts %d, %.1f s",
                                     codes, slots, m.bits, testMSE, usage.perplexity, codes, r.deadRestarts, secs))
            rows.append(["slots": slots, "codebook_size": codes, "code_dim": 16, "bits": m.bits, "test_mse": testMSE,
                         "train_mse_per_epoch": r.mse, "perplexity_per_epoch": r.perplexity, "test_perplexity": usage.perplexity,
                         "dead_code_restarts": r.deadRestarts, "train_seconds": secs,
                         "usage_counts_test": usage.counts])
        }
        try metrics?.set("vq_autoencoders", rows)
        var f = Figure(title: "Codebook perplexity per epoch (training codes)")
        f.xLabel = "epoch"; f.yLabel = "perplexity exp(H)"
        for (i, (m, c)) in zip(models, curves).enumerated() {
            f.line(c.enumerated().map { (Double($0.offset + 1), $0.element) }, color: .label(i), label: "\(m.slots) slots × \(m.codes) codes")
        }
        let url = dir.appendingPathComponent("perplexity.svg")
        try f.writeSVG(to: url)
        ctx.reporter.wrote(url, "perplexity over training")
    }

    func compare(_ ctx: ExperimentContext, _ dir: URL) throws {
        guard let train, let test, let small = models.first, let large = models.last else { return }
        var rng = SeededGenerator(seed: 5)
        // A continuous autoencoder with a 2-float code (64 bits as Float32) and PCA, for reference.
        let (ae, _) = try AutoencoderTrainers.mlp(inputs: train.images, targets: train.images, sizes: [784, 256, 2, 256, 784],
                                                  epochs: 12, batch: 128, learningRate: 2e-3, rng: &rng, label: "plain AE, 2 floats (64 bits)")
        let aeMSE = try meanSquaredError(try ae.forward(test.images), test.images).loss
        var pcaMSE: [String: Double] = [:]
        for m in [1, 2, 4] {
            let p = try PCA(train.images, components: m)
            let rec = try Tensor.matmul(try p.project(test.images), p.components).addingRowVector(p.mean)
            pcaMSE[String(m)] = try meanSquaredError(rec, test.images).loss
        }
        ctx.reporter.info(String(format: "  test MSE: VQ %d bits %.2f, VQ %d bits %.2f | plain AE 2 floats (64 bits) %.2f | PCA 1, 2, 4 floats %.2f, %.2f, %.2f",
                                 small.bits, try meanSquaredError(try small.reconstruct(test.images), test.images).loss,
                                 large.bits, try meanSquaredError(try large.reconstruct(test.images), test.images).loss,
                                 aeMSE, pcaMSE["1"]!, pcaMSE["2"]!, pcaMSE["4"]!))
        try metrics?.set("baselines_test_mse", ["plain_ae_2_floats": aeMSE, "pca": pcaMSE])
        let q = try test.images.gatherRows(Array(0..<12))
        let rows = [q, try small.reconstruct(q), try large.reconstruct(q), try ae.forward(q)]
        let grid = try ImageGrid.make(try AutoencodersExperiment.stack(rows).map { min(max($0, 0), 1) }, height: 28, width: 28,
                                      columns: 12, scale: 2, normalize: .unit)
        let url = dir.appendingPathComponent("reconstructions.png")
        try PNG.write(grid, to: url)
        ctx.reporter.wrote(url, "rows: test originals, VQ \(small.slots)×\(small.codes) (\(small.bits) bits), VQ \(large.slots)×\(large.codes) (\(large.bits) bits), plain AE with 2 floats")
    }

    func codebook(_ ctx: ExperimentContext, _ dir: URL) throws {
        guard let test, let vq4 = models.first else { return }
        // Decoding code words: start from the 4 codes of a test image and swap one slot at a time for
        // each of that slot's 15 most used codes. Row s shows what slot s's code word controls.
        let q = try ctx.impls.vq.quantize(try vq4.encode(test.images), codebook: vq4.codebook).indices
        let reference = Array(q[0..<vq4.slots])
        var batches: [[Int]] = []
        for slot in 0..<vq4.slots {
            var counts = [Int](repeating: 0, count: vq4.codes)
            for (i, k) in q.enumerated() where i % vq4.slots == slot { counts[k] += 1 }
            let top = (0..<vq4.codes).sorted { counts[$0] > counts[$1] }.prefix(15)
            batches.append(reference)
            for k in top { var c = reference; c[slot] = k; batches.append(c) }
        }
        let decoded = try vq4.decode(indices: batches.flatMap { $0 })
        let grid = try ImageGrid.make(decoded.map { min(max($0, 0), 1) }, height: 28, width: 28, columns: 16, scale: 2, normalize: .unit)
        let url = dir.appendingPathComponent("codebook-decoded.png")
        try PNG.write(grid, to: url)
        ctx.reporter.wrote(url, "row s: a test image's 4 codes, then slot s swapped for each of its 15 most used code words")
        let usage = try ctx.impls.vq.codebookUsage(q, codebookSize: vq4.codes)
        var f = Figure(title: "Codebook usage on 1,000 test images (4 slots × \(vq4.codes) codes), codes sorted by use")
        f.xLabel = "code (sorted)"; f.yLabel = "times used"
        for (i, c) in usage.counts.sorted(by: >).enumerated() {
            f.line([(Double(i), 0), (Double(i), Double(c))], color: .label(0), width: 3)
        }
        let hist = dir.appendingPathComponent("codebook-usage.svg")
        try f.writeSVG(to: hist)
        ctx.reporter.wrote(hist, String(format: "usage histogram (perplexity %.1f)", usage.perplexity))
        ctx.reporter.wrote(metrics!.url, "metrics")
    }
}
