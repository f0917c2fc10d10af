import RepLearn
import XCTest

final class SkipGramTrainerTests: XCTestCase {
    /// 40 words in 4 groups; sentences mix words of one group only. After training, each word's
    /// nearest neighbour (cosine) must be in its own group.
    static func groupCorpus() -> [[Int32]] {
        var rng = SeededGenerator(seed: 11)
        return (0..<400).map { _ in
            let g = rng.nextInt(below: 4)
            return (0..<20).map { _ in Int32(g * 10 + rng.nextInt(below: 10)) }
        }
    }

    func trained(threads: Int, seed: UInt64, epochs: Int = 3) throws -> Tensor {
        var cfg = SkipGramTrainer.Config()
        cfg.dimension = 16; cfg.window = 3; cfg.negative = 4; cfg.epochs = epochs; cfg.threads = threads; cfg.seed = seed
        let noise = try AliasSampler(weights: [Double](repeating: 1, count: 40))
        let t = try SkipGramTrainer(vocabularySize: 40, keepProbability: [Float](repeating: 1, count: 40), noise: noise, config: cfg)
        _ = t.train(Self.groupCorpus())
        return t.vectors
    }

    func testWordsOfAGroupEndUpNearestToEachOther() throws {
        let v = try trained(threads: 1, seed: 1)
        for w in 0..<40 {
            let best = (0..<40).filter { $0 != w }.max { WordVectorEvaluation.cosine(v, w, $0) < WordVectorEvaluation.cosine(v, w, $1) }!
            XCTAssertEqual(best / 10, w / 10, "word \(w)'s nearest neighbour \(best) is in another group")
        }
    }

    func testOneThreadIsReproducible() throws {
        XCTAssertEqual(try trained(threads: 1, seed: 5, epochs: 1), try trained(threads: 1, seed: 5, epochs: 1))
        XCTAssertNotEqual(try trained(threads: 1, seed: 5, epochs: 1), try trained(threads: 1, seed: 6, epochs: 1))
    }

    /// Progress carries a loss from the first report on, not only in the last epoch.
    func testProgressShowsALossFromTheStart() throws {
        var cfg = SkipGramTrainer.Config()
        cfg.dimension = 16; cfg.window = 3; cfg.negative = 4; cfg.epochs = 4; cfg.threads = 1; cfg.seed = 3
        let t = try SkipGramTrainer(vocabularySize: 40, keepProbability: [Float](repeating: 1, count: 40),
                                    noise: try AliasSampler(weights: [Double](repeating: 1, count: 40)), config: cfg)
        var reports: [(Double, Double)] = []
        let r = t.train(Self.groupCorpus(), reportEvery: 0) { frac, _, loss in reports.append((frac, loss)) }
        let early = try XCTUnwrap(reports.first { $0.0 < 0.25 }, "no report in the first epoch")
        XCTAssertTrue(early.1.isFinite && early.1 > 0, "first-epoch loss \(early.1)")
        XCTAssertTrue(reports.allSatisfy { $0.1.isFinite }, "a report without a loss")
        XCTAssertTrue(r.loss.isFinite && r.loss < early.1, "final loss \(r.loss) vs first \(early.1)")
    }

    func testAliasSamplerMatchesItsWeights() throws {
        let w = [5.0, 1, 0, 3, 1]
        let s = try AliasSampler(weights: w)
        var rng = SeededGenerator(seed: 2)
        var counts = [Int](repeating: 0, count: 5)
        let n = 100_000
        for _ in 0..<n { counts[s.sample(using: &rng)] += 1 }
        for i in 0..<5 {
            let p = w[i] / 10
            XCTAssertEqual(Double(counts[i]) / Double(n), p, accuracy: 4.5 * (p * (1 - p) / Double(n)).squareRoot() + 1e-4)
        }
        var bits = [Int](repeating: 0, count: 5)
        for _ in 0..<n { bits[s.sample(bits: rng.next())] += 1 }
        for i in 0..<5 { XCTAssertEqual(Double(bits[i]) / Double(n), w[i] / 10, accuracy: 0.006) }
    }
}
