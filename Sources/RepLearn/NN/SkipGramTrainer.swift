import Foundation

/// Skip-gram with negative sampling (Mikolov et al. 2013), the fast kernel behind lecture 7.
///
/// For a centre word w and a context word c within the (dynamically shrunk) window, the input
/// vector v_c is trained to score w against K noise words n_k ~ P_noise:
///     L = −log σ(u_wᵀ v_c) − Σ_k log σ(−u_{n_k}ᵀ v_c),
/// by SGD with a learning rate decaying linearly to 1e-4 of its start. Frequent words are
/// discarded with probability 1 − keep(w). Threads update the shared vectors without locks
/// ("Hogwild"), as the original C code does; with one thread the result is bit-reproducible.
public final class SkipGramTrainer {
    public struct Config: Sendable {
        public var dimension = 100, window = 5, negative = 5, epochs = 5, threads = 2
        public var learningRate: Float = 0.025
        public var seed: UInt64 = 1
        public init() {}
    }

    public let config: Config
    public let vocabularySize: Int
    /// v: [V, d] (the word vectors), u: [V, d] (the output vectors), row-major.
    public let input: UnsafeMutablePointer<Float>
    public let output: UnsafeMutablePointer<Float>
    let noise: AliasSampler
    let keep: [Float]

    /// keep[w]: probability of keeping an occurrence of word w; noise: sampler over 0..<V.
    public init(vocabularySize: Int, keepProbability: [Float], noise: AliasSampler, config: Config) throws {
        guard keepProbability.count == vocabularySize, noise.count == vocabularySize else {
            throw ShapeError(op: "SkipGramTrainer", message: "vocabulary \(vocabularySize), keep \(keepProbability.count), noise \(noise.count)")
        }
        self.config = config; self.vocabularySize = vocabularySize; self.keep = keepProbability; self.noise = noise
        let n = vocabularySize * config.dimension
        input = .allocate(capacity: n); output = .allocate(capacity: n)
        output.initialize(repeating: 0, count: n)
        var rng = SeededGenerator(seed: config.seed)
        let d = Float(config.dimension)
        for i in 0..<n { input[i] = (rng.nextFloat() - 0.5) / d }       // U(−0.5/d, 0.5/d), as word2vec.c
    }

    deinit { input.deallocate(); output.deallocate() }

    /// The word vectors as a tensor [V, d].
    public var vectors: Tensor {
        try! Tensor(shape: [vocabularySize, config.dimension], data: Array(UnsafeBufferPointer(start: input, count: vocabularySize * config.dimension)))
    }

    public struct Report: Sendable {
        /// Tokens kept after subsampling, over all epochs ("effective words").
        public let effectiveWords: Int
        public let seconds: Double
        public var wordsPerSecond: Double { Double(effectiveWords) / max(seconds, 1e-9) }
        /// Mean loss per (centre, context) pair over a sample of the last epoch.
        public let loss: Double
    }

    /// Trains on `sentences` (word indices). `progress(fractionDone, wordsPerSecond, loss)` is
    /// called from one thread about every 0.5 s; `loss` is the sampled mean loss per pair of the
    /// current epoch so far (of the previous epoch just after a new one starts).
    public func train(_ sentences: [[Int32]], reportEvery interval: TimeInterval = 0.5,
                      progress: ((Double, Double, Double) -> Void)? = nil) -> Report {
        let cfg = config
        let total = sentences.reduce(0) { $0 + $1.count }
        let planned = Double(cfg.epochs * total + 1)
        let threads = max(1, min(cfg.threads, sentences.count))
        let counters = UnsafeMutablePointer<Int>.allocate(capacity: threads * 8)      // padded: one cache line each
        let kept = UnsafeMutablePointer<Int>.allocate(capacity: threads * 8)
        let losses = UnsafeMutablePointer<Double>.allocate(capacity: threads * 16)
        counters.initialize(repeating: 0, count: threads * 8); kept.initialize(repeating: 0, count: threads * 8)
        losses.initialize(repeating: 0, count: threads * 16)
        defer { counters.deallocate(); kept.deallocate(); losses.deallocate() }
        let start = Date()

        DispatchQueue.concurrentPerform(iterations: threads) { t in
            // Threads take interleaved blocks of sentences, so both move through the corpus in order (as the
            // job queue of the reference implementation does) rather than each owning one half; blocks are
            // large (≤ 8192 sentences, ≥ 8 per thread and epoch) so the threads rarely touch the same rows.
            let block = max(1, min(8192, sentences.count / (threads * 8)))
            // xorshift64* per thread: cheap, and good in the high and middle bits used here.
            var state = (cfg.seed &+ 1) &* 0x9E37_79B9_7F4A_7C15 ^ (UInt64(t + 1) &* 0xBF58_476D_1CE4_E5B9)
            if state == 0 { state = 0x1234_5678_9ABC_DEF1 }
            @inline(__always) func next() -> UInt64 {
                state ^= state >> 12; state ^= state << 25; state ^= state >> 27
                return state &* 0x2545_F491_4F6C_DD1D
            }
            let d = cfg.dimension
            let neu = UnsafeMutablePointer<Float>.allocate(capacity: d)
            defer { neu.deallocate() }
            var sen = [Int32](repeating: 0, count: 0)
            // The loss is sampled (every 16th sentence) in every epoch, so progress shows it from the
            // start; the report keeps the last epoch's sample.
            var lastReport = Date(), lossSum = 0.0, lossPairs = 0
            var epochSum = 0.0, epochPairs = 0, previousEpochLoss = Double.nan
            for epoch in 0..<cfg.epochs {
                for s in 0..<sentences.count where (s / block) % threads == t {
                    // Subsample the sentence.
                    sen.removeAll(keepingCapacity: true)
                    for w in sentences[s] where Float(next() >> 40) * 0x1p-24 < keep[Int(w)] { sen.append(w) }
                    counters[t * 8] += sentences[s].count
                    kept[t * 8] += sen.count
                    var done = 0
                    for i in 0..<threads { done += counters[i * 8] }
                    let alpha = cfg.learningRate * max(Float(1 - Double(done) / planned), 1e-4)
                    let sampleLoss = s % 16 == 0
                    sen.withUnsafeBufferPointer { sp in
                        let n = sp.count
                        for i in 0..<n {
                            let w = Int(sp[i])
                            let reduced = cfg.window - Int((next() >> 33) % UInt64(cfg.window))
                            let j0 = max(0, i - reduced), j1 = min(n - 1, i + reduced)
                            if j0 > j1 { continue }
                            for j in j0...j1 where j != i {
                                let l1 = input + Int(sp[j]) * d
                                neu.initialize(repeating: 0, count: d)
                                for k in 0...cfg.negative {
                                    let target: Int, label: Float
                                    if k == 0 { target = w; label = 1 } else {
                                        target = noise.sample(bits: next())
                                        if target == w { continue }
                                        label = 0
                                    }
                                    let l2 = output + target * d
                                    let f = VectorKernels.dot(l1, l2, d)
                                    let sig: Float = f > 6 ? 1 : (f < -6 ? 0 : 1 / (1 + expf(-f)))
                                    if sampleLoss { epochSum -= Double(log(max(label == 1 ? sig : 1 - sig, 1e-7))); if k == 0 { epochPairs += 1 } }
                                    let g = (label - sig) * alpha
                                    VectorKernels.axpy(g, l2, neu, d)
                                    VectorKernels.axpy(g, l1, l2, d)
                                }
                                VectorKernels.axpy(1, neu, l1, d)
                            }
                        }
                    }
                    if t == 0, let progress, Date().timeIntervalSince(lastReport) >= interval {
                        lastReport = Date()
                        var k = 0
                        for i in 0..<threads { k += kept[i * 8] }
                        let loss = epochPairs > 0 ? epochSum / Double(epochPairs) : previousEpochLoss
                        progress(Double(done) / planned, Double(k) / Date().timeIntervalSince(start), loss)
                    }
                }
                if epoch == cfg.epochs - 1 { lossSum = epochSum; lossPairs = epochPairs }
                if epochPairs > 0 { previousEpochLoss = epochSum / Double(epochPairs) }
                epochSum = 0; epochPairs = 0
            }
            losses[t * 16] = lossSum; losses[t * 16 + 1] = Double(lossPairs)
        }
        let seconds = Date().timeIntervalSince(start)
        var effective = 0, lossSum = 0.0, pairs = 0.0
        for i in 0..<threads { effective += kept[i * 8]; lossSum += losses[i * 16]; pairs += losses[i * 16 + 1] }
        let report = Report(effectiveWords: effective, seconds: seconds, loss: pairs > 0 ? lossSum / pairs : .nan)
        progress?(1, report.wordsPerSecond, report.loss)
        return report
    }
}
