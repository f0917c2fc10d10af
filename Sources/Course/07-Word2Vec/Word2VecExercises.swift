import RepLearn

/// Lecture 7 — word2vec: words with similar contexts should be near each other.
///
/// Skip-gram with negative sampling (SGNS). For a centre word with input vector v_c, a real
/// context word with output vector u_o and K noise words with output vectors u_k:
///     L = −log σ(u_oᵀ v_c) − Σ_k log σ(−u_kᵀ v_c).
public protocol Word2VecExercises {
    // 7.1 Tokens and vocabulary.
    /// text → lowercase tokens: maximal runs of the ASCII letters a–z (after lowercasing A–Z);
    /// every other character (digits, punctuation, apostrophes, spaces, non-ASCII) separates tokens.
    func tokenize(_ text: String) throws -> [String]
    /// tokens → the words seen at least `minCount` times, most frequent first (ties: alphabetical),
    /// with their counts and an index.
    func buildVocabulary(_ tokens: [String], minCount: Int) throws -> Vocabulary

    // 7.2 Subsampling and the noise distribution.
    /// Probability of keeping one occurrence of a word with frequency f = count/total, threshold t:
    /// min(1, (√(f/t) + 1)·t/f) — the formula of the reference implementation.
    func keepProbability(count: Int, totalTokens: Int, threshold: Double) throws -> Double
    /// counts → P_noise(w) = count(w)^power / Σ count^power (power = 0.75 in word2vec).
    func noiseDistribution(counts: [Int], power: Double) throws -> [Double]
    /// `count` independent draws from `distribution` (word indices), using only `rng`.
    func sampleNoise(_ distribution: [Double], count: Int, rng: inout SeededGenerator) throws -> [Int]

    // 7.3 The SGNS loss and its gradients.
    /// v_c: [d], u_o: [d], negatives: K × [d] → L and ∂L/∂v_c, ∂L/∂u_o, ∂L/∂u_k.
    func sgnsLoss(center: [Float], context: [Float], negatives: [[Float]]) throws -> SGNSGradients

    // 7.4 Training schedule and pairs.
    /// Linear decay: initial · max(1 − progress, 1e-4), progress ∈ [0, 1] the fraction of training done.
    func learningRate(initial: Float, progress: Double) throws -> Float
    /// Dynamic window: for each position i in order, draw b = rng.nextInt(below: window) and pair the word
    /// at i (centre) with every word at distance 1 … window − b (context), left to right, within the sentence.
    func trainingPairs(_ sentence: [Int], window: Int, rng: inout SeededGenerator) throws -> [WordPair]

    // 7.5 Using the vectors.
    /// vectors: [V, d] → the k words with the highest cosine similarity to word `query`, most similar first, query excluded.
    func nearestNeighbors(_ vectors: Tensor, query: Int, k: Int) throws -> [Int]
    /// a : b :: c : ? by 3CosAdd: argmax_x cos(x, b) − cos(x, a) + cos(x, c) over x ∉ {a, b, c}.
    func analogy(_ vectors: Tensor, a: Int, b: Int, c: Int) throws -> Int

    // 7.6 Evaluating against people.
    /// Spearman's rank correlation: Pearson's correlation of the ranks (ties get the mean of their ranks).
    func spearman(_ x: [Double], _ y: [Double]) throws -> Double
}

public struct Vocabulary: Sendable {
    public var words: [String]
    public var counts: [Int]
    public var index: [String: Int]
    public init(words: [String], counts: [Int]) {
        self.words = words; self.counts = counts
        index = Dictionary(uniqueKeysWithValues: words.enumerated().map { ($1, $0) })
    }
}

public struct SGNSGradients: Sendable {
    public var loss: Double
    /// ∂L/∂v_c: [d].
    public var center: [Float]
    /// ∂L/∂u_o: [d].
    public var context: [Float]
    /// ∂L/∂u_k: K × [d].
    public var negatives: [[Float]]
    public init(loss: Double, center: [Float], context: [Float], negatives: [[Float]]) {
        self.loss = loss; self.center = center; self.context = context; self.negatives = negatives
    }
}

public struct WordPair: Equatable, Sendable {
    public var center: Int
    public var context: Int
    public init(center: Int, context: Int) { self.center = center; self.context = context }
}
