import Course
import RepLearn

/// Lecture 7 over the wire.
enum Word2VecProbe {
    static func serve(_ m: Method, _ r: inout WireReader, _ w: inout WireWriter, _ impl: any Word2VecExercises) throws {
        switch m {
        case .tokenize: w.put(try impl.tokenize(try r.string()))
        case .buildVocabulary:
            let v = try impl.buildVocabulary(try r.strings(), minCount: try r.int())
            w.put(v.words); w.put(v.counts)
            let keys = v.index.keys.sorted()
            w.put(UInt32(keys.count))
            for k in keys { w.put(k); w.put(v.index[k]!) }
        case .keepProbability: w.put(try impl.keepProbability(count: try r.int(), totalTokens: try r.int(), threshold: try r.double()))
        case .noiseDistribution: w.put(try impl.noiseDistribution(counts: try r.ints(), power: try r.double()))
        case .sampleNoise:
            let p = try r.doubles(), n = try r.int()
            var rng = try r.generator()
            w.put(try impl.sampleNoise(p, count: n, rng: &rng)); w.put(rng)
        case .sgnsLoss:
            let g = try impl.sgnsLoss(center: try r.floats(), context: try r.floats(), negatives: try r.floatArrays())
            w.put(g.loss); w.put(g.center); w.put(g.context); w.put(g.negatives)
        case .learningRate: w.put(try impl.learningRate(initial: try r.float(), progress: try r.double()))
        case .trainingPairs:
            let s = try r.ints(), window = try r.int()
            var rng = try r.generator()
            let pairs = try impl.trainingPairs(s, window: window, rng: &rng)
            w.put(pairs.flatMap { [$0.center, $0.context] }); w.put(rng)
        case .nearestNeighbors: w.put(try impl.nearestNeighbors(try r.tensor(), query: try r.int(), k: try r.int()))
        case .analogy: w.put(try impl.analogy(try r.tensor(), a: try r.int(), b: try r.int(), c: try r.int()))
        case .spearman: w.put(try impl.spearman(try r.doubles(), try r.doubles()))
        default: throw WireError("\(m) is not a lecture-7 function")
        }
    }
}

/// Lecture 7's protocol, answered by a worker.
public struct RemoteWord2Vec: Word2VecExercises {
    let link: any Link
    public init(link: any Link) { self.link = link }

    public func tokenize(_ text: String) throws -> [String] {
        try link.invoke(.tokenize, { $0.put(text) }) { try $0.strings("tokens") }
    }
    public func buildVocabulary(_ tokens: [String], minCount: Int) throws -> Vocabulary {
        try link.invoke(.buildVocabulary, { $0.put(tokens); $0.put(minCount) }) { r in
            var v = Vocabulary(words: [], counts: [])
            v.words = try r.strings("words"); v.counts = try r.ints("counts")
            let n = Int(try r.u32("index"))
            for _ in 0..<min(n, r.remaining) {
                let k = try r.string("index key")
                guard v.index[k] == nil else { throw WireError("index key \(k.debugDescription) twice") }
                v.index[k] = try r.int("index value")
            }
            guard v.index.count == n else { throw WireError("\(n) index entries announced") }
            return v
        }
    }
    public func keepProbability(count: Int, totalTokens: Int, threshold: Double) throws -> Double {
        try link.invoke(.keepProbability, { $0.put(count); $0.put(totalTokens); $0.put(threshold) }) { try $0.double() }
    }
    public func noiseDistribution(counts: [Int], power: Double) throws -> [Double] {
        try link.invoke(.noiseDistribution, { $0.put(counts); $0.put(power) }) { try $0.doubles() }
    }
    public func sampleNoise(_ distribution: [Double], count: Int, rng: inout SeededGenerator) throws -> [Int] {
        let g = rng
        let (d, after) = try link.invoke(.sampleNoise, { $0.put(distribution); $0.put(count); $0.put(g) }) { (try $0.ints("draws"), try $0.generator()) }
        rng = after
        return d
    }
    public func sgnsLoss(center: [Float], context: [Float], negatives: [[Float]]) throws -> SGNSGradients {
        try link.invoke(.sgnsLoss, { $0.put(center); $0.put(context); $0.put(negatives) }) {
            SGNSGradients(loss: try $0.double("loss"), center: try $0.floats("∂L/∂v"), context: try $0.floats("∂L/∂u_o"),
                          negatives: try $0.floatArrays("∂L/∂u_k"))
        }
    }
    public func learningRate(initial: Float, progress: Double) throws -> Float {
        try link.invoke(.learningRate, { $0.put(initial); $0.put(progress) }) { try $0.float() }
    }
    public func trainingPairs(_ sentence: [Int], window: Int, rng: inout SeededGenerator) throws -> [WordPair] {
        let g = rng
        let (flat, after) = try link.invoke(.trainingPairs, { $0.put(sentence); $0.put(window); $0.put(g) }) { (try $0.ints("pairs"), try $0.generator()) }
        guard flat.count % 2 == 0 else { throw link.reject(.trainingPairs, "an odd number of pair entries") }
        rng = after
        return stride(from: 0, to: flat.count, by: 2).map { WordPair(center: flat[$0], context: flat[$0 + 1]) }
    }
    public func nearestNeighbors(_ vectors: Tensor, query: Int, k: Int) throws -> [Int] {
        try link.invoke(.nearestNeighbors, { $0.put(vectors); $0.put(query); $0.put(k) }) { try $0.ints() }
    }
    public func analogy(_ vectors: Tensor, a: Int, b: Int, c: Int) throws -> Int {
        try link.invoke(.analogy, { $0.put(vectors); $0.put(a); $0.put(b); $0.put(c) }) { try $0.int() }
    }
    public func spearman(_ x: [Double], _ y: [Double]) throws -> Double {
        try link.invoke(.spearman, { $0.put(x); $0.put(y) }) { try $0.double() }
    }
}
