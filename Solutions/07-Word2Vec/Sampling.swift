import Course
import Foundation
import RepLearn

// Exercise 7.2 — subsampling and noise.
extension ReferenceWord2Vec {
    /// min(1, (√(f/t) + 1)·t/f), f = count/total (word2vec.c and gensim).
    public func keepProbability(count: Int, totalTokens: Int, threshold t: Double) throws -> Double {
        guard count > 0, totalTokens > 0 else { throw InputError("keepProbability: count and total must be positive") }
        guard t > 0 else { return 1 }
        let f = Double(count) / Double(totalTokens)
        return min(1, ((f / t).squareRoot() + 1) * t / f)
    }

    public func noiseDistribution(counts: [Int], power: Double) throws -> [Double] {
        let w = counts.map { pow(Double($0), power) }
        let z = w.reduce(0, +)
        guard z > 0 else { throw InputError("noiseDistribution: all counts are zero") }
        return w.map { $0 / z }
    }

    /// Walker's alias method: one table, then O(1) per draw.
    public func sampleNoise(_ distribution: [Double], count: Int, rng: inout SeededGenerator) throws -> [Int] {
        let sampler = try AliasSampler(weights: distribution)
        return (0..<count).map { _ in sampler.sample(using: &rng) }
    }
}
