import ArgumentParser
import Foundation
import Course
import RepLearn

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time the course's hot paths (median of several runs).",
        discussion: "Workloads: \(Benchmarks.all.map(\.name).joined(separator: ", ")); a prefix such as `sgemm` selects several.")

    @Argument(help: "Workloads to run (default: all).") var workloads: [String] = []
    @Flag(help: "One JSON object per line per workload.") var json = false
    @Option(help: "Timed runs per workload.") var runs: Int = 10

    func run() throws {
        guard runs >= 1 else { throw UsageError("--runs must be at least 1, not \(runs)") }
        func matches(_ w: Workload, _ name: String) -> Bool { w.name == name || w.name.hasPrefix(name + "-") }
        let unknown = workloads.filter { name in !Benchmarks.all.contains { matches($0, name) } }
        guard unknown.isEmpty else {
            throw UsageError("unknown workload \(unknown.map { "'\($0)'" }.joined(separator: ", ")); known: \(Benchmarks.all.map(\.name).joined(separator: ", "))")
        }
        let chosen = workloads.isEmpty ? Benchmarks.all : Benchmarks.all.filter { w in workloads.contains { matches(w, $0) } }
        for w in chosen {
            let r = try w.measure(runs: runs)
            if json {
                var obj: [String: Any] = ["workload": w.name, "median_seconds": r.median, "runs": r.runs]
                for (k, v) in r.figures { obj[k] = v }
                let data = try JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys])
                print(String(decoding: data, as: UTF8.self))
            } else {
                let figs = r.figures.sorted { $0.key < $1.key }.map { "\($0.key) \(String(format: "%.4g", $0.value))" }
                print("\(w.name.padding(toLength: 22, withPad: " ", startingAt: 0)) median \(String(format: "%.4f", r.median)) s over \(r.runs) runs  \(figs.joined(separator: "  "))")
            }
        }
    }
}

/// A timed workload: `setUp` builds the inputs once, `body` is what is timed.
struct Workload {
    let name: String
    let make: () throws -> (body: () throws -> Void, figures: (Double) -> [String: Double])

    struct Result { let median: Double; let runs: Int; let figures: [String: Double] }

    func measure(runs: Int) throws -> Result {
        let (body, figures) = try make()
        try body()                                   // warm-up: page in, spin up BLAS threads
        var times: [Double] = []
        for _ in 0..<max(runs, 1) {
            let t0 = DispatchTime.now().uptimeNanoseconds
            try body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
        }
        times.sort()
        let median = times[times.count / 2]
        return Result(median: median, runs: times.count, figures: figures(median))
    }
}

enum Benchmarks {
    static let all: [Workload] = [sgemm(1024, 1024, 1024), sgemm(128, 784, 256), pca, autoencoderEpoch, kmeans, kmeansTwoPass, word2vec] + autodiff

    /// Skip-gram negative sampling, 1 epoch on 2,000,000 tokens drawn from Zipf(1.1) over 30,000 words
    /// (seed 0), d = 100, window 5, 5 negatives, min_count 5, sample 1e-3, 2 threads.
    /// words_per_second counts effective words (kept after min_count and subsampling) per training second.
    static let word2vec = Workload(name: "word2vec") {
        var rng = SeededGenerator(seed: 0)
        let zipf = try AliasSampler(weights: (1...30_000).map { pow(Double($0), -1.1) })
        let tokens = (0..<2_000_000).map { _ in zipf.sample(using: &rng) }
        var counts = [Int](repeating: 0, count: 30_000)
        for t in tokens { counts[t] += 1 }
        let words = (0..<30_000).filter { counts[$0] >= 5 }.sorted { counts[$0] > counts[$1] }
        var remap = [Int32](repeating: -1, count: 30_000)
        for (i, w) in words.enumerated() { remap[w] = Int32(i) }
        let kept = tokens.compactMap { remap[$0] >= 0 ? remap[$0] : nil }
        let sentences = stride(from: 0, to: kept.count, by: 1000).map { Array(kept[$0..<min($0 + 1000, kept.count)]) }
        let vocab = Vocabulary(words: words.map { "w\($0)" }, counts: words.map { counts[$0] })
        var settings = Word2VecPipeline.Settings()
        settings.epochs = 1
        final class Runs { var reports: [SkipGramTrainer.Report] = [] }
        let runs = Runs()
        return ({
            let trainer = try Word2VecPipeline.trainer(vocab, settings, impl: try Edition.reference().word2vec)
            runs.reports.append(trainer.train(sentences))
        }, { _ in
            let sorted = runs.reports.sorted { $0.wordsPerSecond < $1.wordsPerSecond }
            let mid = sorted[sorted.count / 2]
            return ["words_per_second": mid.wordsPerSecond, "effective_words": Double(mid.effectiveWords),
                    "vocabulary": Double(words.count), "train_seconds": mid.seconds]
        })
    }

    /// Exactly 20 Lloyd iterations of the reference on 10000×784 Float32 (64 seeded blobs), k = 64,
    /// from the first 64 rows: each iteration the reference's one-pass `lloydPass` (exercises
    /// 3.1 and 3.2 from a single read of x, the form lecture 3's reference loop runs).
    static let kmeans = Workload(name: "kmeans") {
        let (x, initial) = try kmeansData()
        let km = try Edition.reference().kmeans
        return ({
            var c = initial
            for _ in 0..<20 { c = try km.lloydPass(x, c).centers }
        }, { t in ["iterations": 20, "seconds_per_iteration": t / 20] })
    }

    /// The same 20 iterations as two calls each, the reference's assign (3.1) then updateCenters
    /// (3.2): x is read twice per iteration. What the split exercises cost.
    static let kmeansTwoPass = Workload(name: "kmeans-two-pass") {
        let (x, initial) = try kmeansData()
        let km = try Edition.reference().kmeans
        return ({
            var c = initial
            for _ in 0..<20 { c = try km.updateCenters(x, assignments: try km.assign(x, c), previous: c) }
        }, { t in ["iterations": 20, "seconds_per_iteration": t / 20] })
    }

    static func kmeansData() throws -> (x: Tensor, initial: Tensor) {
        let x = Synthetic.blobs(n: 10_000, d: 784, centers: 64, seed: 0).x
        return (x, try x.gatherRows(Array(0..<64)))
    }

    /// Reference PCA (exercise 2.2) of 10000×784 Float32 (64 seeded blobs), top 32 components.
    static let pca = Workload(name: "pca") {
        let x = Synthetic.blobs(n: 10_000, d: 784, centers: 64, seed: 0).x
        let reference = try Edition.reference().autoencoders
        return ({ _ = try reference.principalComponents(x, k: 32) }, { _ in ["n": 10_000, "d": 784, "k": 32] })
    }

    /// One epoch of an MLP autoencoder 784-256-32-256-784 (ReLU, MSE, Adam 1e-3, batch 128) over 10000 rows.
    static let autoencoderEpoch = Workload(name: "autoencoder-epoch") {
        let x = Synthetic.blobs(n: 10_000, d: 784, centers: 64, seed: 0).x
        var rng = SeededGenerator(seed: 1)
        let net = MLP(sizes: [784, 256, 32, 256, 784], rng: &rng)
        var adam = Adam(learningRate: 1e-3)
        let batches = try stride(from: 0, to: 10_000, by: 128).map { try x.gatherRows(Array($0..<min($0 + 128, 10_000))) }
        return ({
            for xb in batches {
                let (_, g) = try meanSquaredError(try net.forward(xb), xb)
                try net.backward(g)
                try net.step(&adam)
            }
        }, { t in ["rows_per_second": 10_000 / t, "batches": Double(batches.count)] })
    }

    /// C[m, n] = A[m, k]·B[k, n] in Float32: 2mnk flops.
    static func sgemm(_ m: Int, _ k: Int, _ n: Int) -> Workload {
        Workload(name: m == k && k == n ? "sgemm-\(m)" : "sgemm-\(m)x\(k)x\(n)") {
            var rng = SeededGenerator(seed: 0)
            let a = Tensor.randomNormal([m, k], using: &rng), b = Tensor.randomNormal([k, n], using: &rng)
            return ({ _ = try Tensor.matmul(a, b) },
                    { t in ["gflops": 2 * Double(m) * Double(n) * Double(k) / t / 1e9, "threads": Double(BLAS.threads)] })
        }
    }
}
