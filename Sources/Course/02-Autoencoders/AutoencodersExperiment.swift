import Foundation
import RepLearn

/// Lecture 2's experiment on MNIST (10,000 training images) and the 8×8 digits:
/// PCA vs a linear autoencoder (same subspace?), a nonlinear MLP autoencoder vs PCA at the
/// same code size, a denoising autoencoder, and searching the code space.
final class AutoencodersExperiment: Experiment {
    let slug = "autoencoders"
    let steps = ["pca", "linear-ae", "mlp-ae", "denoising", "codes"]
    static let codeSizes = [2, 8, 32]
    static let mlpEpochs = 20

    struct DataSet { let name: String; let train: LabelledImages; let test: LabelledImages }
    var sets: [DataSet] = []
    var pcas: [String: PrincipalComponents] = [:]          // per data set, 32 components
    var mlps: [Int: MLP] = [:]                             // MNIST MLP AEs by code size
    var linearAEs: [Int: (encoder: Tensor, decoder: Tensor)] = [:]   // MNIST linear AEs by code size
    var metrics: MetricsFile?
    var perSet: [String: [String: [String: Double]]] = [:] // set → metric → M → value

    func run(step: String, _ ctx: ExperimentContext) throws {
        let dir = ctx.outDir(slug)
        if sets.isEmpty { try load(ctx) }
        if pcas.isEmpty && step != "pca" { try pca(ctx, dir) }
        switch step {
        case "pca": try pca(ctx, dir)
        case "linear-ae": try linearAE(ctx, dir)
        case "mlp-ae":
            try mlpAE(ctx, dir)
            try mlpBudget(ctx)
        case "denoising":
            if mlps.isEmpty { try mlpAE(ctx, dir) }
            try denoising(ctx, dir)
        case "codes":
            if mlps.isEmpty { try mlpAE(ctx, dir) }
            try codes(ctx, dir)
        default: break                       // perform(step:) has checked the name
        }
    }

    /// One number per set (`mnist`, `digits`), metric and code size, kept once under the set's name.
    func record(_ set: String, _ metric: String, _ m: Int, _ v: Double) throws {
        perSet[set, default: [:]][metric, default: [:]][String(m)] = v
        try metrics?.set(set, perSet[set]!)
    }

    func load(_ ctx: ExperimentContext) throws {
        let mnist = try Datasets.mnist("train", limit: 10_000), mnistTest = try Datasets.mnist("test", limit: 1_000)
        let digits = try Datasets.digits()
        let split = 1_500
        let dTrain = try digits.slice(0..<split), dTest = try digits.slice(split..<digits.labels.count)
        sets = [DataSet(name: "mnist", train: mnist, test: mnistTest), DataSet(name: "digits", train: dTrain, test: dTest)]
        ctx.reporter.info("  MNIST: 10,000 training and 1,000 test images (784 pixels); UCI digits: 1,500 + 297 (64 pixels)")
        try metrics?.set("data", ["mnist_train": 10_000, "mnist_test": 1_000, "digits_train": split, "digits_test": digits.labels.count - split])
    }

    // MARK: PCA

    func pca(_ ctx: ExperimentContext, _ dir: URL) throws {
        let impl = ctx.impls.autoencoders
        for s in sets {
            let start = Date()
            let p = try impl.principalComponents(s.train.images, k: 32)
            pcas[s.name] = p
            let ratio = try impl.explainedVarianceRatio(s.train.images, k: 32)
            ctx.reporter.info(String(format: "  %@: PCA (32 components) in %.2f s; explained variance: 2 → %.3f, 8 → %.3f, 32 → %.3f",
                                     s.name, Date().timeIntervalSince(start),
                                     ratio.prefix(2).reduce(0, +), ratio.prefix(8).reduce(0, +), ratio.reduce(0, +)))
            for m in Self.codeSizes {
                let pm = Self.truncate(p, m)
                let rec = try impl.pcaDecode(try impl.pcaEncode(s.train.images, pm), pm)
                try record(s.name, "mse_pca", m, try AutoencoderTrainers.mse(rec, s.train.images))
                try record(s.name, "explained_variance", m, Double(ratio.prefix(m).reduce(0, +)))
            }
            let grid = try ImageGrid.make(try p.components.gatherRows(Array(0..<16)), height: s.train.height, width: s.train.width,
                                          columns: 8, scale: s.name == "mnist" ? 3 : 10, normalize: .perImage)
            let url = dir.appendingPathComponent("eigen-digits-\(s.name).png")
            try PNG.write(grid, to: url)
            try LabelledGrid(title: "Top 16 principal components of \(s.name == "mnist" ? "MNIST" : "the 8×8 digits") as images (each stretched to black–white)",
                             rowLabels: ["components 1–8", "components 9–16"])
                .writeSVG(beside: url, grid: grid, columns: 8)
            ctx.reporter.wrote(url, "the top 16 principal components as images (\(s.name))")
        }
    }

    static func truncate(_ p: PrincipalComponents, _ m: Int) -> PrincipalComponents {
        PrincipalComponents(mean: p.mean, components: try! p.components.gatherRows(Array(0..<m)), eigenvalues: Array(p.eigenvalues.prefix(m)))
    }

    // MARK: linear AE vs PCA

    /// Full-batch steps after the minibatch phase, and the heavy-ball momentum used for them.
    static let finishMomentum: Float = 0.9
    /// MNIST needs about 650 of its 1000 at M = 32; the digits' gap λ₃₂ − λ₃₃ is 40× smaller,
    /// and each of their steps costs 1/150 of an MNIST step.
    static func finishSteps(_ set: String) -> Int { set == "mnist" ? 1000 : 10_000 }

    func linearAE(_ ctx: ExperimentContext, _ dir: URL) throws {
        let impl = ctx.impls.autoencoders
        var rng = SeededGenerator(seed: 2)
        for s in sets {
            let (xc, _) = try impl.center(s.train.images)
            let p = pcas[s.name]!
            // Exact full-data gradients at d rows instead of n (see covarianceRows); step 1/(4λ₁),
            // safely below the stability limit of heavy-ball descent on this loss.
            let eig = try SymmetricEigen(try impl.covariance(s.train.images))
            let rows = try AutoencoderTrainers.covarianceRows(eig)
            let eta = 0.25 / eig.values[0]
            var f = Figure(title: "Linear AE vs PCA (\(s.name)): largest principal angle during training")
            f.xLabel = "training step (minibatch Adam with cosine decay, then full-batch heavy ball)"
            f.yLabel = "largest principal angle to PCA's subspace (degrees, log10 scale)"
            var lastStep = 0
            for (c, m) in Self.codeSizes.enumerated() {
                let epochs = s.name == "mnist" ? 25 : 300
                let target = Self.truncate(p, m).components
                var curve: [(Double, Double)] = []
                func angle(_ d: Tensor) throws -> Double { Double(try impl.principalAngles(try d.transposed(), target).last ?? .nan) }
                let (e0, d0, secsAdam) = try AutoencoderTrainers.linear(xc, k: m, epochs: epochs, batch: 250, learningRate: 2e-3,
                                                                        impl: impl, rng: &rng, label: "\(s.name) linear AE M=\(m)") { step, _, d in
                    curve.append((Double(step), try angle(d)))
                }
                let adamSteps = Int(curve.last!.0)
                let angleAdam = curve.last!.1
                let lossAdam = try impl.linearAutoencoderLoss(xc, encoder: e0, decoder: d0).loss
                ctx.reporter.info("  \(s.name) M=\(m): full-batch finish, \(Self.finishSteps(s.name)) heavy-ball steps (η = 1/(4λ₁), μ = \(Self.finishMomentum))")
                let (e, d, secsFinish) = try AutoencoderTrainers.linearFinish(rows, encoder: e0, decoder: d0, steps: Self.finishSteps(s.name),
                                                                              learningRate: eta, momentum: Self.finishMomentum, impl: impl) { step, _, d in
                    curve.append((Double(adamSteps + step), try angle(d)))
                }
                lastStep = adamSteps + Self.finishSteps(s.name)
                let loss = try impl.linearAutoencoderLoss(xc, encoder: e, decoder: d).loss
                if s.name == "mnist" { linearAEs[m] = (e, d) }
                let angles = try impl.principalAngles(try d.transposed(), target)
                let pcaMSE = perSet[s.name]!["mse_pca"]![String(m)]!
                try record(s.name, "mse_linear_ae", m, loss)
                try record(s.name, "max_principal_angle_deg", m, Double(angles.last ?? .nan))
                try record(s.name, "max_principal_angle_deg_after_minibatch_phase", m, angleAdam)
                try record(s.name, "mse_linear_ae_after_minibatch_phase", m, lossAdam)
                try record(s.name, "mean_principal_angle_deg", m, Double(angles.reduce(0, +)) / Double(max(angles.count, 1)))
                try record(s.name, "eigenvalue_ratio", m, Double(eig.values[m - 1] / eig.values[m]))
                try record(s.name, "eigenvalue_gap", m, Double(eig.values[m - 1] - eig.values[m]))
                try record(s.name, "linear_ae_train_seconds", m, secsAdam + secsFinish)
                try record(s.name, "linear_ae_minibatch_seconds", m, secsAdam)
                try record(s.name, "linear_ae_finish_seconds", m, secsFinish)
                try metrics?.set("\(s.name)_max_angle_curve_M\(m)", curve.map { [$0.0, $0.1] })
                ctx.reporter.info(String(format: "  %@ M=%2d: linear AE MSE %.4f vs PCA %.4f (+%.3f%%; +%.3f%% after the minibatch phase); largest principal angle %.2f° after %d minibatch steps (%.1f s), %.3f° after the finish (%.1f s); mean %.3f°",
                                         s.name, m, loss, pcaMSE, 100 * (loss / pcaMSE - 1), 100 * (lossAdam / pcaMSE - 1), angleAdam, adamSteps, secsAdam,
                                         angles.last ?? .nan, secsFinish, angles.reduce(0, +) / Float(max(angles.count, 1))))
                f.line(curve.map { ($0.0, log10(max($0.1, 1e-3))) }, color: .label(c), label: "M = \(m)")
                if c == 0 { f.line([(Double(adamSteps), -3), (Double(adamSteps), 2)], color: .gray, width: 1, label: "full-batch finish starts") }
            }
            f.line([(0, 0), (Double(lastStep), 0)], color: .black, width: 0.75, label: "1° (log10 = 0)")
            let url = dir.appendingPathComponent("linear-ae-angles-\(s.name).svg")
            try f.writeSVG(to: url)
            ctx.reporter.wrote(url, "largest principal angle vs training step, one line per M (\(s.name))")
        }
    }

    // MARK: MLP AE vs PCA

    func mlpAE(_ ctx: ExperimentContext, _ dir: URL) throws {
        let impl = ctx.impls.autoencoders
        var rng = SeededGenerator(seed: 3)
        guard let s = sets.first(where: { $0.name == "mnist" }), let p = pcas["mnist"] else { return }
        var rows: [Tensor] = [try s.test.images.gatherRows(Array(0..<10))]
        var rowLabels = ["test originals"]
        for m in Self.codeSizes {
            let (net, secs) = try AutoencoderTrainers.mlp(inputs: s.train.images, targets: s.train.images, sizes: [784, 256, m, 256, 784],
                                                          epochs: Self.mlpEpochs, batch: 128, learningRate: 2e-3, rng: &rng, label: "MLP AE 784-256-\(m)-256-784")
            mlps[m] = net
            let train = try AutoencoderTrainers.mse(try net.forward(s.train.images), s.train.images)
            let test = try AutoencoderTrainers.mse(try net.forward(s.test.images), s.test.images)
            let pm = Self.truncate(p, m)
            let pcaTest = try AutoencoderTrainers.mse(try impl.pcaDecode(try impl.pcaEncode(s.test.images, pm), pm), s.test.images)
            try record("mnist", "mse_mlp_ae", m, train)
            try record("mnist", "mse_mlp_ae_test", m, test)
            try record("mnist", "mse_pca_test", m, pcaTest)
            try record("mnist", "mlp_ae_train_seconds", m, secs)
            ctx.reporter.info(String(format: "  M=%2d: MLP AE MSE %.3f (test %.3f) vs PCA %.3f (test %.3f), %.1f s",
                                     m, train, test, perSet["mnist"]!["mse_pca"]![String(m)]!, pcaTest, secs))
            let q = try s.test.images.gatherRows(Array(0..<10))
            rows.append(try impl.pcaDecode(try impl.pcaEncode(q, pm), pm)); rowLabels.append("PCA, M = \(m)")
            if let (e, d) = linearAEs[m] {           // x̂ = D E (x − μ) + μ
                let qc = try q.addingRowVector(-p.mean)
                rows.append(try Tensor.matmul(try Tensor.matmul(qc, e, transposeB: true), d, transposeB: true).addingRowVector(p.mean))
                rowLabels.append("linear AE, M = \(m)")
            }
            rows.append(try net.forward(q)); rowLabels.append("MLP AE, M = \(m)")
        }
        let grid = try ImageGrid.make(Self.stack(rows), height: 28, width: 28, columns: 10, scale: 2, normalize: .unit)
        let url = dir.appendingPathComponent("reconstructions.png")
        try PNG.write(grid, to: url)
        try LabelledGrid(title: "MNIST test images and their reconstructions from M-number codes", rowLabels: rowLabels)
            .writeSVG(beside: url, grid: grid, columns: 10)
        ctx.reporter.wrote(url, "row 1: test originals; then for M = 2, 8, 32: PCA, " + (linearAEs.isEmpty ? "" : "linear AE, ") + "MLP AE")
    }

    /// What it takes for the MLP to beat PCA at M = 32 (opt-in, about 3 minutes on 2 cores:
    /// REPLEARN_AE_BUDGET=1): the same network and optimiser with 3× the epochs, with 6× the
    /// data (all 60,000 MNIST training images, PCA refitted on them too), or with 512 hidden units.
    func mlpBudget(_ ctx: ExperimentContext) throws {
        guard ProcessInfo.processInfo.environment["REPLEARN_AE_BUDGET"] != nil, let s = sets.first(where: { $0.name == "mnist" }) else { return }
        let impl = ctx.impls.autoencoders
        let full = try Datasets.mnist("train")
        var rows: [[String: Any]] = []
        for (name, data, hidden, epochs) in [("10k images, 60 epochs", s.train.images, 256, 60),
                                             ("60k images, 20 epochs", full.images, 256, 20),
                                             ("10k images, 20 epochs, 512 hidden", s.train.images, 512, 20)] {
            var rng = SeededGenerator(seed: 3)
            let (net, secs) = try AutoencoderTrainers.mlp(inputs: data, targets: data, sizes: [784, hidden, 32, hidden, 784],
                                                          epochs: epochs, batch: 128, learningRate: 2e-3, rng: &rng, label: "MLP AE M=32, \(name)")
            let p = try impl.principalComponents(data, k: 32)
            let pcaTest = try AutoencoderTrainers.mse(try impl.pcaDecode(try impl.pcaEncode(s.test.images, p), p), s.test.images)
            let test = try AutoencoderTrainers.mse(try net.forward(s.test.images), s.test.images)
            ctx.reporter.info(String(format: "  M=32, %@: MLP AE test MSE %.3f vs PCA %.3f, %.1f s", name, test, pcaTest, secs))
            rows.append(["variant": name, "mlp_test_mse": test, "pca_test_mse": pcaTest, "seconds": secs])
        }
        try metrics?.set("mlp_ae_m32_budget", rows)
    }

    static func stack(_ ts: [Tensor]) throws -> Tensor {
        try Tensor(shape: [ts.reduce(0) { $0 + $1.rows }, ts[0].cols], data: ts.flatMap(\.data))
    }

    // MARK: denoising

    func denoising(_ ctx: ExperimentContext, _ dir: URL) throws {
        let impl = ctx.impls.autoencoders
        guard let s = sets.first(where: { $0.name == "mnist" }), let plain = mlps[32], let p = pcas["mnist"] else { return }
        var rng = SeededGenerator(seed: 4)
        let sigma: Float = 0.4
        let (dae, secs) = try AutoencoderTrainers.mlp(inputs: s.train.images, targets: s.train.images, sizes: [784, 256, 32, 256, 784],
                                                      epochs: Self.mlpEpochs, batch: 128, learningRate: 2e-3, rng: &rng, label: "denoising AE (σ = 0.4)") {
            try impl.corrupt($0, noiseStd: sigma, rng: &$1)
        }
        var nrng = SeededGenerator(seed: 5)
        let noisy = try impl.corrupt(s.test.images, noiseStd: sigma, rng: &nrng)
        let pm = Self.truncate(p, 32)
        let lossDAE = try impl.denoisingLoss(clean: s.test.images, noisy: noisy) { try dae.forward($0) }
        let lossAE = try impl.denoisingLoss(clean: s.test.images, noisy: noisy) { try plain.forward($0) }
        let lossPCA = try impl.denoisingLoss(clean: s.test.images, noisy: noisy) { try impl.pcaDecode(try impl.pcaEncode($0, pm), pm) }
        let lossNoisy = try AutoencoderTrainers.mse(noisy, s.test.images)
        ctx.reporter.info(String(format: "  test MSE to the clean images: noisy %.2f, PCA-32 %.2f, plain AE-32 %.2f, denoising AE-32 %.2f (%.1f s)",
                                 lossNoisy, lossPCA, lossAE, lossDAE, secs))
        try metrics?.set("denoising", ["noise_std": Double(sigma), "mse_noisy": lossNoisy, "mse_pca32": lossPCA,
                                       "mse_plain_ae32": lossAE, "mse_denoising_ae32": lossDAE, "train_seconds": secs])
        let idx = Array(0..<10)
        let q = try noisy.gatherRows(idx)
        let rows = [try s.test.images.gatherRows(idx), q, try impl.pcaDecode(try impl.pcaEncode(q, pm), pm),
                    try plain.forward(q), try dae.forward(q)]
        let grid = try ImageGrid.make(Self.stack(rows).map { min(max($0, 0), 1) }, height: 28, width: 28, columns: 10, scale: 2, normalize: .unit)
        let url = dir.appendingPathComponent("denoising.png")
        try PNG.write(grid, to: url)
        try LabelledGrid(title: "Denoising: MNIST test images with Gaussian noise σ = 0.4",
                         rowLabels: ["clean originals", "noisy input (σ = 0.4)", "PCA-32 of the noisy input", "plain AE-32 (trained clean)", "denoising AE-32"])
            .writeSVG(beside: url, grid: grid, columns: 10)
        ctx.reporter.wrote(url, "rows: clean, noisy (σ = 0.4), PCA-32, plain AE-32, denoising AE-32")
    }

    // MARK: codes

    func codes(_ ctx: ExperimentContext, _ dir: URL) throws {
        let impl = ctx.impls.autoencoders
        guard let s = sets.first(where: { $0.name == "mnist" }), let p = pcas["mnist"], let ae2 = mlps[2], let ae32 = mlps[32] else { return }
        let sub = try s.test.images.gatherRows(Array(0..<1000))
        let labels = Array(s.test.labels.prefix(1000))
        for (name, z) in [("pca", try impl.pcaEncode(sub, Self.truncate(p, 2))), ("mlp-ae", try ae2.forward(sub, upTo: 2))] {
            var f = Figure(title: "MNIST test images, 2-D codes (\(name == "pca" ? "PCA" : "MLP autoencoder")), coloured by digit")
            if name == "pca" { f.xLabel = "projection on principal component 1"; f.yLabel = "projection on principal component 2" }
            else { f.xLabel = "bottleneck unit 1 of the M = 2 MLP autoencoder"; f.yLabel = "bottleneck unit 2" }
            for i in 0..<z.rows { f.dot(Double(z[i, 0]), Double(z[i, 1]), color: .label(labels[i])) }
            for d in 0..<10 {
                let members = (0..<z.rows).filter { labels[$0] == d }
                let cx = members.reduce(0.0) { $0 + Double(z[$1, 0]) } / Double(max(members.count, 1))
                let cy = members.reduce(0.0) { $0 + Double(z[$1, 1]) } / Double(max(members.count, 1))
                f.label(cx, cy, "\(d)")
            }
            let url = dir.appendingPathComponent("codes-2d-\(name).svg")
            try f.writeSVG(to: url)
            ctx.reporter.wrote(url, "2-D codes of 1,000 test digits (\(name))")
        }
        // Nearest neighbours in the 32-D code space of the MLP AE: train codes as the database.
        let db = try ae32.forward(s.train.images, upTo: 2)
        let queries = [0, 1, 2, 3, 4, 7, 11, 18]
        let qz = try ae32.forward(try s.test.images.gatherRows(queries), upTo: 2)
        var rows: [Tensor] = []
        var agree = 0
        for (qi, q) in queries.enumerated() {
            let nn = try Self.nearest(qz.row(qi), db, k: 7)
            agree += nn.filter { s.train.labels[$0] == s.test.labels[q] }.count
            rows.append(try s.test.images.gatherRows([q]))
            rows.append(try s.train.images.gatherRows(nn))
        }
        let grid = try ImageGrid.make(Self.stack(rows), height: 28, width: 28, columns: 8, scale: 2, normalize: .unit)
        let url = dir.appendingPathComponent("nearest-neighbours.png")
        try PNG.write(grid, to: url)
        try LabelledGrid(title: "Nearest training images in the MLP autoencoder's 32-D code space",
                         rowLabels: queries.map { "test image \($0) (a \(s.test.labels[$0]))" },
                         columnLabels: ["query"] + (1...7).map { "#\($0)" })
            .writeSVG(beside: url, grid: grid, columns: 8)
        let frac = Double(agree) / Double(queries.count * 7)
        ctx.reporter.wrote(url, String(format: "each row: a test query, then its 7 nearest training images in the 32-D code space (%.0f%% same digit)", 100 * frac))
        try metrics?.set("nearest_neighbours_same_label", frac)
    }

    /// Indices of the k rows of db closest to q (Euclidean).
    static func nearest(_ q: [Float], _ db: Tensor, k: Int) throws -> [Int] {
        let d = db.cols
        var dist: [(Float, Int)] = []
        for i in 0..<db.rows {
            var s: Float = 0
            for j in 0..<d { let t = db.data[i * d + j] - q[j]; s += t * t }
            dist.append((s, i))
        }
        return dist.sorted { $0.0 < $1.0 }.prefix(k).map(\.1)
    }
}
