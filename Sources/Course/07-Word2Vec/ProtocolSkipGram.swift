import Foundation
import RepLearn

/// Skip-gram with negative sampling trained *entirely* through an implementation's exercises —
/// how `--impl student` trains. Every choice the lecture describes comes from the student's code:
/// the keep probabilities and the noise distribution and sampler (7.2), the loss and its
/// gradients (7.3), the learning-rate schedule and the training pairs with their dynamic window
/// (7.4). The library's `SkipGramTrainer` stays the reference's fast path.
///
/// The centre word predicts its context, as in the notes: for a pair (c, o) and K noise words,
/// sgnsLoss(center: v_c, context: u_o, negatives: u_k) and a plain SGD step on v_c, u_o and every u_k.
/// One thread and one SeededGenerator: the same seed gives the same vectors, bit for bit.
enum ProtocolSkipGram {
    struct Report {
        let sentences: Int, tokens: Int, effectiveWords: Int, pairs: Int
        let seconds: Double
        /// Mean loss per pair over the last epoch.
        let loss: Double
    }

    /// sentences: word indices; `everyNth`: train on sentences 0, n, 2n, … only (1: all).
    /// progress(fraction done, pairs per second, loss so far this epoch).
    static func train(_ sentences: [[Int32]], vocab: Vocabulary, settings s: Word2VecPipeline.Settings, epochs: Int, everyNth: Int,
                      impl: any Word2VecExercises, progress: ((Double, Double, Double) -> Void)? = nil) throws -> (Tensor, Report) {
        let (vocabSize, d) = (vocab.words.count, s.dimension)
        let total = vocab.counts.reduce(0, +)
        let keep = try vocab.counts.map { try impl.keepProbability(count: $0, totalTokens: total, threshold: s.sample) }
        let noise = try impl.noiseDistribution(counts: vocab.counts, power: s.power)
        var rng = SeededGenerator(seed: s.seed)
        var v = (0..<(vocabSize * d)).map { _ in (rng.nextFloat() - 0.5) / Float(d) }   // U(−0.5/d, 0.5/d), as word2vec.c
        var u = [Float](repeating: 0, count: vocabSize * d)
        let subset = stride(from: 0, to: sentences.count, by: max(everyNth, 1)).map { sentences[$0] }
        let tokens = subset.reduce(0) { $0 + $1.count }
        let planned = Double(epochs * tokens)
        // The student's sampler is called for 100,000 draws at a time (its table is built once per call).
        var noiseBuffer: [Int] = [], next = 0
        func drawNoise() throws -> Int {
            if next == noiseBuffer.count { noiseBuffer = try impl.sampleNoise(noise, count: 100_000, rng: &rng); next = 0 }
            next += 1
            return noiseBuffer[next - 1]
        }
        let start = Date()
        var seen = 0, effective = 0, pairs = 0, lastReport = Date()
        var epochLoss = 0.0, epochPairs = 0
        for _ in 0..<epochs {
            (epochLoss, epochPairs) = (0, 0)
            for sentence in subset {
                let kept = sentence.map(Int.init).filter { rng.nextDouble() < keep[$0] }     // subsampling
                let alpha = try impl.learningRate(initial: s.learningRate, progress: Double(seen) / planned)
                seen += sentence.count; effective += kept.count
                for pair in try impl.trainingPairs(kept, window: s.window, rng: &rng) {
                    var negatives: [Int] = []
                    while negatives.count < s.negative {                                  // word2vec skips noise = target
                        let k = try drawNoise()
                        if k != pair.context { negatives.append(k) }
                    }
                    let (c, o) = (pair.center * d, pair.context * d)
                    let g = try impl.sgnsLoss(center: Array(v[c..<(c + d)]), context: Array(u[o..<(o + d)]),
                                              negatives: negatives.map { Array(u[($0 * d)..<($0 * d + d)]) })
                    guard g.loss.isFinite else { throw InputError("word2vec (your code): the loss became \(g.loss) at pair \(pairs + 1)") }
                    for j in 0..<d { v[c + j] -= alpha * g.center[j]; u[o + j] -= alpha * g.context[j] }
                    for (k, w) in negatives.enumerated() { for j in 0..<d { u[w * d + j] -= alpha * g.negatives[k][j] } }
                    epochLoss += g.loss; epochPairs += 1; pairs += 1
                }
                if let progress, Date().timeIntervalSince(lastReport) >= 0.5 {
                    lastReport = Date()
                    progress(Double(seen) / planned, Double(pairs) / Date().timeIntervalSince(start), epochLoss / Double(max(epochPairs, 1)))
                }
            }
        }
        let report = Report(sentences: subset.count, tokens: tokens, effectiveWords: effective, pairs: pairs,
                            seconds: Date().timeIntervalSince(start), loss: epochLoss / Double(max(epochPairs, 1)))
        progress?(1, Double(pairs) / max(report.seconds, 1e-9), report.loss)
        return (try Tensor(shape: [vocabSize, d], data: v), report)
    }
}
