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
    /// Every model of the comparison (both VQ autoencoders and the continuous one) trains this long.
    static let epochs = 20

    /// The decoder half (layers 2 and 3: ReLU, then linear) of a 784-256-2-256-784 MLP autoencoder.
    static func decodeAE(_ ae: MLP, codes: Tensor) throws -> Tensor {
        let p = ae.parameters
        let h = try Tensor.matmul(codes, p[4], transposeB: true).addingRowVector(p[5]).map { max($0, 0) }
        return try Tensor.matmul(h, p[6], transposeB: true).addingRowVector(p[7])
    }

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
            let r = try m.train(train.images, epochs: Self.epochs, batch: 128, learningRate: 1e-3, rng: &rng,
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
        // A continuous autoencoder with a 2-float code, trained exactly as the VQ models are (same
        // layers around the bottleneck, Adam 1e-3, batch 128, the same number of epochs), and PCA.
        let (ae, _) = try AutoencoderTrainers.mlp(inputs: train.images, targets: train.images, sizes: [784, 256, 2, 256, 784],
                                                  epochs: Self.epochs, batch: 128, learningRate: 1e-3, rng: &rng, label: "plain AE, 2 floats")
        let aeMSE = try meanSquaredError(try ae.forward(test.images), test.images).loss
        // The same AE with each code float rounded to 14 bits (2¹⁴ levels between the training codes'
        // min and max): a 28-bit code, the VQ-128 model's budget. If this matches aeMSE, storage bits
        // are not what limits the continuous code; its 2 dimensions are.
        let aeBits = 14
        let trainCodes = try ae.forward(train.images, upTo: 2), testCodes = try ae.forward(test.images, upTo: 2)
        var rounded = testCodes
        for j in 0..<2 {
            let col = (0..<trainCodes.rows).map { trainCodes[$0, j] }
            let (lo, hi) = (col.min()!, col.max()!)
            let step = (hi - lo) / Float((1 << aeBits) - 1)
            for i in 0..<rounded.rows {
                let clamped = min(max(testCodes[i, j], lo), hi)
                rounded[i, j] = lo + ((clamped - lo) / step).rounded() * step
            }
        }
        let aeRoundedMSE = try meanSquaredError(try Self.decodeAE(ae, codes: rounded), test.images).loss
        var pcaMSE: [String: Double] = [:]
        for m in [1, 2, 4] {
            let p = try PCA(train.images, components: m)
            let rec = try Tensor.matmul(try p.project(test.images), p.components).addingRowVector(p.mean)
            pcaMSE[String(m)] = try meanSquaredError(rec, test.images).loss
        }
        ctx.reporter.info(String(format: "  test MSE: VQ %d bits %.2f, VQ %d bits %.2f | plain AE 2 floats %.2f, its code rounded to 2×%d = %d bits %.2f | PCA 1, 2, 4 floats %.2f, %.2f, %.2f",
                                 small.bits, try meanSquaredError(try small.reconstruct(test.images), test.images).loss,
                                 large.bits, try meanSquaredError(try large.reconstruct(test.images), test.images).loss,
                                 aeMSE, aeBits, 2 * aeBits, aeRoundedMSE, pcaMSE["1"]!, pcaMSE["2"]!, pcaMSE["4"]!))
        try metrics?.set("baselines_test_mse", ["plain_ae_2_floats": aeMSE, "plain_ae_2_floats_rounded_28_bits": aeRoundedMSE,
                                                "plain_ae_epochs": Self.epochs, "pca": pcaMSE])
        let q = try test.images.gatherRows(Array(0..<12))
        let rows = [q, try small.reconstruct(q), try large.reconstruct(q), try ae.forward(q)]
        let grid = try ImageGrid.make(try AutoencodersExperiment.stack(rows).map { min(max($0, 0), 1) }, height: 28, width: 28,
                                      columns: 12, scale: 2, normalize: .unit)
        let url = dir.appendingPathComponent("reconstructions.png")
        try PNG.write(grid, to: url)
        try LabelledGrid(title: "MNIST test images and their reconstructions",
                         rowLabels: ["test originals", "VQ \(small.slots)×\(small.codes) (\(small.bits) bits)", "VQ \(large.slots)×\(large.codes) (\(large.bits) bits)",
                                     "continuous AE, 2 floats"]).writeSVG(beside: url, grid: grid, columns: 12)
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
        try LabelledGrid(title: "What a slot's code word controls: a test image's 4 codes, one slot swapped at a time (VQ 4×\(vq4.codes))",
                         rowLabels: (0..<vq4.slots).map { "slot \($0 + 1) swapped" },
                         columnLabels: ["image's codes"] + (1...15).map { "#\($0)" })
            .writeSVG(beside: url, grid: grid, columns: 16)
        ctx.reporter.wrote(url, "row s: a test image's 4 codes, then slot s swapped for each of its 15 most used code words")
        let usage = try ctx.impls.vq.codebookUsage(q, codebookSize: vq4.codes)
        var f = Figure(title: "Codebook usage on 1,000 test images (4 slots × \(vq4.codes) codes), codes sorted by use")
        f.xLabel = "code word, sorted from most to least used"; f.yLabel = "times used (4 slots × 1,000 images)"
        for (i, c) in usage.counts.sorted(by: >).enumerated() {
            f.line([(Double(i), 0), (Double(i), Double(c))], color: .label(0), width: 3)
        }
        let hist = dir.appendingPathComponent("codebook-usage.svg")
        try f.writeSVG(to: hist)
        ctx.reporter.wrote(hist, String(format: "usage histogram (perplexity %.1f)", usage.perplexity))
        ctx.reporter.wrote(metrics!.url, "metrics")
    }
}
