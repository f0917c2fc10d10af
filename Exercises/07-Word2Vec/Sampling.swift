import Course
import Foundation
import RepLearn

// Exercise 7.2 — subsampling and noise.          Lecture: Lectures/07-word2vec.md, "Frequent words and noise words"
extension StudentWord2Vec {
    /// min(1, (√(f/t) + 1)·t/f) with f = count / totalTokens.
    public func keepProbability(count: Int, totalTokens: Int, threshold: Double) throws -> Double {
        throw NotImplemented("7.2")
    }

    /// P(w) = count(w)^power / Σ count^power.
    public func noiseDistribution(counts: [Int], power: Double) throws -> [Double] {
        throw NotImplemented("7.2")
    }

    /// `count` draws from `distribution` using only `rng` (e.g. `rng.nextDouble()` and a cumulative sum).
    /// `replearn run word2vec --impl student` trains with your sampler, asking for 100,000 draws per
    /// call: build the cumulative sum once per call and binary-search it, or a linear scan of a
    /// 26,000-word vocabulary per draw will take minutes.
    public func sampleNoise(_ distribution: [Double], count: Int, rng: inout SeededGenerator) throws -> [Int] {
        throw NotImplemented("7.2")
    }
}
