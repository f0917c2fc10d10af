import Course
import Foundation
import RepLearn
import Solutions

// Plausible wrong implementations of lecture 7, one mistake each.

/// Splits on whitespace only (punctuation stays attached).
struct TokenizeWhitespace: DelegatingWord2Vec {
    func tokenize(_ text: String) throws -> [String] { text.lowercased().split(whereSeparator: \.isWhitespace).map(String.init) }
}

/// Keeps words seen more than min_count times (> instead of ≥).
struct VocabularyStrictMinCount: DelegatingWord2Vec {
    func buildVocabulary(_ tokens: [String], minCount: Int) throws -> Vocabulary { try base.buildVocabulary(tokens, minCount: minCount + 1) }
}

/// Ties broken by first appearance instead of alphabetically.
struct VocabularyTiesByAppearance: DelegatingWord2Vec {
    func buildVocabulary(_ tokens: [String], minCount: Int) throws -> Vocabulary {
        var counts: [String: Int] = [:], first: [String: Int] = [:]
        for (i, t) in tokens.enumerated() { counts[t, default: 0] += 1; if first[t] == nil { first[t] = i } }
        let kept = counts.filter { $0.value >= minCount }.sorted { $0.value != $1.value ? $0.value > $1.value : first[$0.key]! < first[$1.key]! }
        return Vocabulary(words: kept.map(\.key), counts: kept.map(\.value))
    }
}

/// The paper's discard formula read as a keep probability: 1 − √(t/f).
struct KeepPaperFormula: DelegatingWord2Vec {
    func keepProbability(count: Int, totalTokens: Int, threshold: Double) throws -> Double {
        let f = Double(count) / Double(totalTokens)
        return max(0, 1 - (threshold / f).squareRoot())
    }
}

/// Noise ∝ count (the 0.75 power forgotten).
struct NoiseWithoutPower: DelegatingWord2Vec {
    func noiseDistribution(counts: [Int], power: Double) throws -> [Double] { try base.noiseDistribution(counts: counts, power: 1) }
}

/// Draws noise words uniformly.
struct NoiseUniformDraws: DelegatingWord2Vec {
    func sampleNoise(_ distribution: [Double], count: Int, rng: inout SeededGenerator) throws -> [Int] {
        (0..<count).map { _ in rng.nextInt(below: distribution.count) }
    }
}

/// Cumulative search off by one: returns the index after the right one.
struct NoiseOffByOne: DelegatingWord2Vec {
    func sampleNoise(_ distribution: [Double], count: Int, rng: inout SeededGenerator) throws -> [Int] {
        try base.sampleNoise(distribution, count: count, rng: &rng).map { min($0 + 1, distribution.count - 1) }
    }
}

/// Sign error in the negative term: −log σ(u_k·v) instead of −log σ(−u_k·v).
struct SGNSNegativeSignError: DelegatingWord2Vec {
    func sgnsLoss(center: [Float], context: [Float], negatives: [[Float]]) throws -> SGNSGradients {
        try base.sgnsLoss(center: center.map { $0 }, context: context, negatives: [])
            .combined(with: negatives.map { try base.sgnsLoss(center: center, context: $0, negatives: []) })
    }
}

extension SGNSGradients {
    /// Adds per-negative results computed as if each negative were a positive.
    func combined(with parts: [SGNSGradients]) -> SGNSGradients {
        var out = self
        for p in parts {
            out.loss += p.loss
            out.center = zip(out.center, p.center).map { $0 + $1 }
            out.negatives.append(p.context)
        }
        return out
    }
}

/// The centre gradient forgets the negatives' contribution.
struct SGNSCenterWithoutNegatives: DelegatingWord2Vec {
    func sgnsLoss(center: [Float], context: [Float], negatives: [[Float]]) throws -> SGNSGradients {
        var g = try base.sgnsLoss(center: center, context: context, negatives: negatives)
        g.center = try base.sgnsLoss(center: center, context: context, negatives: []).center
        return g
    }
}

/// Learning rate decays to exactly 0 (no floor).
struct LearningRateNoFloor: DelegatingWord2Vec {
    func learningRate(initial: Float, progress: Double) throws -> Float { initial * Float(max(1 - progress, 0)) }
}

/// Exponential instead of linear decay.
struct LearningRateExponential: DelegatingWord2Vec {
    func learningRate(initial: Float, progress: Double) throws -> Float { initial * Float(exp(-3 * progress)) }
}

/// Always the full window (no dynamic shrinking, no draws).
struct PairsFixedWindow: DelegatingWord2Vec {
    func trainingPairs(_ sentence: [Int], window: Int, rng: inout SeededGenerator) throws -> [WordPair] {
        var p: [WordPair] = []
        for i in sentence.indices { for j in sentence.indices where j != i && abs(i - j) <= window { p.append(WordPair(center: sentence[i], context: sentence[j])) } }
        return p
    }
}

/// Includes the centre paired with itself.
struct PairsWithSelf: DelegatingWord2Vec {
    func trainingPairs(_ sentence: [Int], window: Int, rng: inout SeededGenerator) throws -> [WordPair] {
        var p: [WordPair] = []
        for i in sentence.indices {
            let r = window - rng.nextInt(below: window)
            for j in max(0, i - r)...min(sentence.count - 1, i + r) { p.append(WordPair(center: sentence[i], context: sentence[j])) }
        }
        return p
    }
}

/// Ranks neighbours by raw dot product.
struct NeighboursByDotProduct: DelegatingWord2Vec {
    func nearestNeighbors(_ vectors: Tensor, query: Int, k: Int) throws -> [Int] {
        let s = try Tensor.matmul(vectors, vectors.gatherRows([query]), transposeB: true).data
        return Array(s.indices.filter { $0 != query }.sorted { s[$0] > s[$1] }.prefix(k))
    }
}

/// Forgets to exclude the query word.
struct NeighboursIncludeQuery: DelegatingWord2Vec {
    func nearestNeighbors(_ vectors: Tensor, query: Int, k: Int) throws -> [Int] {
        [query] + (try base.nearestNeighbors(vectors, query: query, k: k - 1))
    }
}

/// Does not exclude a, b, c from the answers.
struct AnalogyNoExclusion: DelegatingWord2Vec {
    func analogy(_ vectors: Tensor, a: Int, b: Int, c: Int) throws -> Int {
        let u = try vectors.scalingRows(by: vectors.rowNorms().map { 1 / $0 })
        var q = Tensor.zeros([1, u.cols])
        for j in 0..<u.cols { q[0, j] = u[b, j] - u[a, j] + u[c, j] }
        return try Tensor.matmul(u, q, transposeB: true).transposed().argmaxRows()[0]
    }
}

/// 3CosAdd on raw (unnormalised) vectors.
struct AnalogyUnnormalised: DelegatingWord2Vec {
    func analogy(_ vectors: Tensor, a: Int, b: Int, c: Int) throws -> Int {
        var q = Tensor.zeros([1, vectors.cols])
        for j in 0..<vectors.cols { q[0, j] = vectors[b, j] - vectors[a, j] + vectors[c, j] }
        let s = try Tensor.matmul(vectors, q, transposeB: true).data
        return s.indices.filter { ![a, b, c].contains($0) }.max { s[$0] < s[$1] }!
    }
}

/// Pearson on the raw values.
struct SpearmanIsPearson: DelegatingWord2Vec {
    func spearman(_ x: [Double], _ y: [Double]) throws -> Double {
        let n = Double(x.count), mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        let sxy = zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
        return sxy / (x.reduce(0) { $0 + ($1 - mx) * ($1 - mx) } * y.reduce(0) { $0 + ($1 - my) * ($1 - my) }).squareRoot()
    }
}

/// Ordinal ranks: ties get consecutive ranks instead of their mean.
struct SpearmanOrdinalRanks: DelegatingWord2Vec {
    func spearman(_ x: [Double], _ y: [Double]) throws -> Double {
        func ranks(_ v: [Double]) -> [Double] {
            var r = [Double](repeating: 0, count: v.count)
            for (k, i) in v.indices.sorted(by: { v[$0] < v[$1] }).enumerated() { r[i] = Double(k + 1) }
            return r
        }
        return try SpearmanIsPearson().spearman(ranks(x), ranks(y))
    }
}

// Issue 15's holes: parameters at one value, data where the exclusions never mattered.

/// min_count written as the example's 2.
struct VocabularyFixedMinCount: DelegatingWord2Vec {
    func buildVocabulary(_ tokens: [String], minCount: Int) throws -> Vocabulary { try base.buildVocabulary(tokens, minCount: 2) }
}

/// The 0.75 power hard-coded, whatever power is given.
struct NoiseFixedPower: DelegatingWord2Vec {
    func noiseDistribution(counts: [Int], power: Double) throws -> [Double] { try base.noiseDistribution(counts: counts, power: 0.75) }
}

/// Loops over the example's K = 3 negatives at most.
struct SGNSAtMostThreeNegatives: DelegatingWord2Vec {
    func sgnsLoss(center: [Float], context: [Float], negatives: [[Float]]) throws -> SGNSGradients {
        var r = try base.sgnsLoss(center: center, context: context, negatives: Array(negatives.prefix(3)))
        while r.negatives.count < negatives.count { r.negatives.append([Float](repeating: 0, count: center.count)) }
        return r
    }
}

/// The initial rate 0.025 hard-coded.
struct LearningRateFixedInitial: DelegatingWord2Vec {
    func learningRate(initial: Float, progress: Double) throws -> Float { try base.learningRate(initial: 0.025, progress: progress) }
}

/// The window hard-coded to the example's 4.
struct PairsWindowFour: DelegatingWord2Vec {
    func trainingPairs(_ sentence: [Int], window: Int, rng: inout SeededGenerator) throws -> [WordPair] {
        try base.trainingPairs(sentence, window: 4, rng: &rng)
    }
}

/// Excludes the query by its cosine (≈ 1) instead of by its index: a parallel word is lost too.
struct NeighboursExcludeParallel: DelegatingWord2Vec {
    func nearestNeighbors(_ vectors: Tensor, query: Int, k: Int) throws -> [Int] {
        let all = try base.nearestNeighbors(vectors, query: query, k: vectors.rows - 1)
        let u = try ReferenceWord2Vec.unitRowsForMutants(vectors)
        let sims = try Tensor.matmul(u, u.gatherRows([query]), transposeB: true).data
        return Array(all.filter { sims[$0] < 0.99999 }.prefix(k))
    }
}

/// 3CosAdd that excludes only some of a, b, c.
struct AnalogyPartialExclusion: DelegatingWord2Vec {
    /// Which of (a, b, c) are excluded.
    let excludes: (Bool, Bool, Bool)
    func analogy(_ vectors: Tensor, a: Int, b: Int, c: Int) throws -> Int {
        let u = try ReferenceWord2Vec.unitRowsForMutants(vectors)
        var q = Tensor.zeros([1, u.cols])
        for j in 0..<u.cols { q[0, j] = u[b, j] - u[a, j] + u[c, j] }
        let s = try Tensor.matmul(u, q, transposeB: true).data
        var excluded: Set<Int> = []
        if excludes.0 { excluded.insert(a) }
        if excludes.1 { excluded.insert(b) }
        if excludes.2 { excluded.insert(c) }
        return s.indices.filter { !excluded.contains($0) }.max { s[$0] < s[$1] }!
    }
}

extension ReferenceWord2Vec {
    static func unitRowsForMutants(_ v: Tensor) throws -> Tensor { try v.scalingRows(by: v.rowNorms().map { $0 > 0 ? 1 / $0 : 0 }) }
}
