import Course
import RepLearn
import Solutions

/// A mutant of lecture 7 overrides one function; the rest are the reference's.
protocol DelegatingWord2Vec: Word2VecExercises {}

extension DelegatingWord2Vec {
    var base: ReferenceWord2Vec { ReferenceWord2Vec() }
    func tokenize(_ text: String) throws -> [String] { try base.tokenize(text) }
    func buildVocabulary(_ tokens: [String], minCount: Int) throws -> Vocabulary { try base.buildVocabulary(tokens, minCount: minCount) }
    func keepProbability(count: Int, totalTokens: Int, threshold: Double) throws -> Double {
        try base.keepProbability(count: count, totalTokens: totalTokens, threshold: threshold)
    }
    func noiseDistribution(counts: [Int], power: Double) throws -> [Double] { try base.noiseDistribution(counts: counts, power: power) }
    func sampleNoise(_ distribution: [Double], count: Int, rng: inout SeededGenerator) throws -> [Int] {
        try base.sampleNoise(distribution, count: count, rng: &rng)
    }
    func sgnsLoss(center: [Float], context: [Float], negatives: [[Float]]) throws -> SGNSGradients {
        try base.sgnsLoss(center: center, context: context, negatives: negatives)
    }
    func learningRate(initial: Float, progress: Double) throws -> Float { try base.learningRate(initial: initial, progress: progress) }
    func trainingPairs(_ sentence: [Int], window: Int, rng: inout SeededGenerator) throws -> [WordPair] {
        try base.trainingPairs(sentence, window: window, rng: &rng)
    }
    func nearestNeighbors(_ vectors: Tensor, query: Int, k: Int) throws -> [Int] { try base.nearestNeighbors(vectors, query: query, k: k) }
    func analogy(_ vectors: Tensor, a: Int, b: Int, c: Int) throws -> Int { try base.analogy(vectors, a: a, b: b, c: c) }
    func spearman(_ x: [Double], _ y: [Double]) throws -> Double { try base.spearman(x, y) }
}
