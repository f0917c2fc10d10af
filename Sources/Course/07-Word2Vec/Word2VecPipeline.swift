import Foundation
import RepLearn

/// From a vocabulary and indexed sentences to trained vectors, through an implementation's
/// subsampling and noise distribution (exercise 7.2) and the library's SGNS kernel.
public enum Word2VecPipeline {
    public struct Settings: Sendable {
        public var dimension = 100, window = 5, negative = 5, minCount = 5, epochs = 5, threads = 2
        public var sample = 1e-3, power = 0.75
        public var learningRate: Float = 0.025
        public var seed: UInt64 = 1
        public init() {}
    }

    /// Word indices per sentence, dropping out-of-vocabulary tokens and empty sentences.
    public static func index(_ sentences: [[String]], _ vocab: Vocabulary) -> [[Int32]] {
        sentences.compactMap { s in
            let ids = s.compactMap { vocab.index[$0].map(Int32.init) }
            return ids.isEmpty ? nil : ids
        }
    }

    public static func trainer(_ vocab: Vocabulary, _ s: Settings, impl: any Word2VecExercises) throws -> SkipGramTrainer {
        let total = vocab.counts.reduce(0, +)
        let keep = try vocab.counts.map { Float(try impl.keepProbability(count: $0, totalTokens: total, threshold: s.sample)) }
        let noise = try AliasSampler(weights: try impl.noiseDistribution(counts: vocab.counts, power: s.power))
        var cfg = SkipGramTrainer.Config()
        cfg.dimension = s.dimension; cfg.window = s.window; cfg.negative = s.negative; cfg.epochs = s.epochs
        cfg.threads = s.threads; cfg.learningRate = s.learningRate; cfg.seed = s.seed
        return try SkipGramTrainer(vocabularySize: vocab.words.count, keepProbability: keep, noise: noise, config: cfg)
    }
}
