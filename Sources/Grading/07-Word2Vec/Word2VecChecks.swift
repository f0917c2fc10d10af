import Course
import Foundation
import RepLearn

/// Lecture 7's checks: second methods (Foundation's string splitting, an O(n²) ranking),
/// closed forms, finite differences of a Double loss, seeded statistics and replayed draws.
public enum Word2VecChecks {
    public typealias Impl = any Word2VecExercises

    public static var all: [Check<Impl>] { vocabulary + sampling + loss + training + similarity + spearman }

    static let sampleText = "It's 1 Mr. DARCY—and Mrs. Bennet's\nthird-born: café! The the THE a a b.\n'Tis x9y"

    /// Second method: split the ASCII-lowercased text at every character outside a–z.
    static func oracleTokens(_ text: String) -> [String] {
        let lowered = String(text.unicodeScalars.map { s -> Character in
            (65...90).contains(s.value) ? Character(Unicode.Scalar(s.value + 32)!) : Character(s)
        })
        return lowered.components(separatedBy: CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyz").inverted).filter { !$0.isEmpty }
    }

    static let vocabulary: [Check<Impl>] = [
        Check("7.1a", exercise: "7.1", "tokenize: lowercase runs of a–z; digits, punctuation, apostrophes and non-ASCII letters separate",
              tolerance: "exact, against Foundation's components(separatedBy:) on the same rule") { impl in
            let got = try impl.tokenize(sampleText)
            let want = oracleTokens(sampleText)
            try Expect.that(got == want, "tokens of \(sampleText.debugDescription)", expected: "\(want)", got: "\(got)", exact: true)
        },
        Check("7.1b", exercise: "7.1", "vocabulary: counts ≥ min_count only (min_count 1, 2, 3; words exactly at the threshold), most frequent first, ties alphabetical",
              tolerance: "exact") { impl in
            let tokens = "b a c a b d a e e e f b c g g g".split(separator: " ").map(String.init)
            var counts: [String: Int] = [:]
            for t in tokens { counts[t, default: 0] += 1 }
            for minCount in [2, 1, 3] {
                let want = counts.filter { $0.value >= minCount }.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
                let v = try impl.buildVocabulary(tokens, minCount: minCount)
                try Expect.that(v.words == want.map(\.key) && v.counts == want.map(\.value), "vocabulary (min_count \(minCount))",
                                expected: "\(want.map { "\($0.key):\($0.value)" })", got: "\(zip(v.words, v.counts).map { "\($0):\($1)" })", exact: true)
                for w in ["a", want.last!.key] {
                    try Expect.that(v.index[w] == want.firstIndex { $0.key == w }, "index of '\(w)' (min_count \(minCount))",
                                    expected: "\(want.firstIndex { $0.key == w } ?? -1)", got: "\(v.index[w] ?? -1)", exact: true)
                }
            }
        },
    ]

    static let sampling: [Check<Impl>] = [
        Check("7.2a", exercise: "7.2", "keep probability min(1, (√(f/t) + 1)·t/f) for frequent and rare words",
              tolerance: "|got − expected| ≤ 1e-6·expected: fair to Float32 arithmetic") { impl in
            for (count, total, t) in [(50_000, 1_000_000, 1e-3), (2_000, 1_000_000, 1e-3), (3, 1_000_000, 1e-3), (400, 10_000, 1e-4)] {
                let f = Double(count) / Double(total)
                let want = min(1, ((f / t).squareRoot() + 1) * t / f)
                let got = try impl.keepProbability(count: count, totalTokens: total, threshold: t)
                try Expect.that(abs(got - want) <= 1e-6 * want, "keep probability for count \(count) of \(total), t = \(t)",
                                expected: Expect.fmt(want, vs: got), got: Expect.fmt(got, vs: want))
            }
        },
        Check("7.2b", exercise: "7.2", "noise distribution ∝ count^power, normalised, for power 0.75, 0.5 and 1",
              tolerance: "|got − expected| ≤ 1e-6·expected per entry: fair to Float32 arithmetic") { impl in
            let counts = [1000, 200, 50, 10, 1]
            for power in [0.75, 0.5, 1.0] {
                let w = counts.map { pow(Double($0), power) }
                let z = w.reduce(0, +)
                let got = try impl.noiseDistribution(counts: counts, power: power)
                try Expect.that(got.count == 5 && zip(got, w).allSatisfy { abs($0 - $1 / z) <= 1e-6 * $1 / z }, "noise distribution of \(counts), power \(power)",
                                expected: "\(w.map { Expect.fmt($0 / z) })", got: "\(got.map { Expect.fmt($0) })")
            }
        },
        Check("7.2c", exercise: "7.2", "sampling: 200,000 seeded draws match the distribution; the same seed gives the same draws",
              tolerance: "each frequency within 4.5·√(p(1−p)/N) + 0.001") { impl in
            let p = [0.4, 0.25, 0.15, 0.1, 0.07, 0.03]
            var r1 = SeededGenerator(seed: 701), r2 = SeededGenerator(seed: 701)
            let n = 200_000
            let draws = try impl.sampleNoise(p, count: n, rng: &r1)
            try Expect.that(draws.count == n && draws.allSatisfy { $0 >= 0 && $0 < p.count }, "draws", expected: "\(n) indices in 0..<6",
                            got: "\(draws.count) draws, range \(draws.min() ?? -1)…\(draws.max() ?? -1)", exact: true)
            var counts = [Int](repeating: 0, count: p.count)
            for d in draws { counts[d] += 1 }
            for (i, pi) in p.enumerated() {
                let emp = Double(counts[i]) / Double(n)
                try Expect.that(abs(emp - pi) <= 4.5 * (pi * (1 - pi) / Double(n)).squareRoot() + 0.001, "frequency of word \(i)",
                                expected: Expect.fmt(pi, vs: emp), got: Expect.fmt(emp, vs: pi))
            }
            let again = try impl.sampleNoise(p, count: 100, rng: &r2)
            try Expect.that(Array(draws.prefix(100)) == again, "same seed, same draws", expected: "\(draws.prefix(8))…", got: "\(again.prefix(8))…", exact: true)
        },
    ]

    /// L = −log σ(u_o·v) − Σ log σ(−u_k·v) in Double.
    static func oracleLoss(_ v: [Double], _ uo: [Double], _ neg: [[Double]]) -> Double {
        func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }
        func logSigmoid(_ s: Double) -> Double { -log1p(exp(-s)) }
        return -logSigmoid(dot(uo, v)) - neg.reduce(0) { $0 + logSigmoid(-dot($1, v)) }
    }

    /// (d, K) = (6, 3), (4, 1) and (9, 5).
    static let lossShapes = [(6, 3), (4, 1), (9, 5)]

    static func lossInputs(_ d: Int = 6, _ k: Int = 3) -> (v: [Float], uo: [Float], neg: [[Float]]) {
        var rng = SeededGenerator(seed: UInt64(731 + 10 * d + k))
        func vec() -> [Float] { (0..<d).map { _ in rng.nextNormal() * 0.7 } }
        return (vec(), vec(), (0..<k).map { _ in vec() })
    }

    static func grad(_ x: [Float], _ f: ([Double]) -> Double) -> DMatrix {
        DMatrix(rows: 1, cols: x.count, data: GradientCheck.numericalGradient(at: x.map(Double.init), f), vector: true)
    }

    static let loss: [Check<Impl>] = [
        Check("7.3a", exercise: "7.3", "SGNS loss −log σ(u_o·v) − Σ log σ(−u_k·v) for (d, K) = (6, 3), (4, 1), (9, 5)",
              tolerance: "|got − expected| ≤ 1e-6·(1 + expected): Float inputs, Double arithmetic suffices") { impl in
            for (d, k) in lossShapes {
                let (v, uo, neg) = lossInputs(d, k)
                let want = oracleLoss(v.map(Double.init), uo.map(Double.init), neg.map { $0.map(Double.init) })
                let got = try impl.sgnsLoss(center: v, context: uo, negatives: neg).loss
                try Expect.that(abs(got - want) <= 1e-6 * (1 + want), "SGNS loss (d = \(d), K = \(k))", expected: Expect.fmt(want, vs: got), got: Expect.fmt(got, vs: want))
            }
        },
        Check("7.3b", exercise: "7.3", "gradients for the centre, the context and every negative match finite differences, (d, K) = (6, 3), (4, 1), (9, 5)",
              tolerance: LayersChecks.gradTol) { impl in
            for (d, k) in lossShapes {
                let (v, uo, neg) = lossInputs(d, k)
                let g = try impl.sgnsLoss(center: v, context: uo, negatives: neg)
                let (dv, duo, dneg) = (v.map(Double.init), uo.map(Double.init), neg.map { $0.map(Double.init) })
                try Expect.gradient(Tensor(vector: g.center), grad(v) { oracleLoss($0, duo, dneg) }, "∂L/∂v (centre; d = \(d), K = \(k))")
                try Expect.gradient(Tensor(vector: g.context), grad(uo) { oracleLoss(dv, $0, dneg) }, "∂L/∂u_o (context; d = \(d), K = \(k))")
                try Expect.that(g.negatives.count == neg.count, "one gradient per negative", expected: "\(neg.count)", got: "\(g.negatives.count)", exact: true)
                for j in neg.indices {
                    try Expect.gradient(Tensor(vector: g.negatives[j]), grad(neg[j]) { x in
                        var n2 = dneg; n2[j] = x; return oracleLoss(dv, duo, n2)
                    }, "∂L/∂u_\(j) (negative \(j); d = \(d), K = \(k))")
                }
            }
        },
    ]

    static let training: [Check<Impl>] = [
        Check("7.4a", exercise: "7.4", "learning rate: initial·max(1 − progress, 1e-4) for initial 0.025 and 0.1, at progress 0, 0.3, 0.75, 0.99995 (below the floor) and 1",
              tolerance: "|got − expected| ≤ 1e-6·expected: the rate is a Float") { impl in
            for initial in [0.025, 0.1] {
                for p in [0, 0.3, 0.75, 0.99995, 1.0] {
                    let want = initial * max(1 - p, 1e-4)
                    let got = Double(try impl.learningRate(initial: Float(initial), progress: p))
                    try Expect.that(abs(got - want) <= 1e-6 * want, "learning rate at progress \(p), initial \(initial)",
                                    expected: Expect.fmt(want, vs: got), got: Expect.fmt(got, vs: want))
                }
            }
        },
        Check("7.4b", exercise: "7.4", "training pairs: the documented draws replayed (one b per position), pairs within window − b, never a word with its own position — windows 4, 1, 3 and a sentence shorter than the window",
              tolerance: "exact") { impl in
            let long = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]
            for (p, (sentence, window)) in [(long, 4), (long, 1), (long, 3), ([7, 8, 9], 5)].enumerated() {
                var r1 = SeededGenerator(seed: 741 + UInt64(p)), r2 = SeededGenerator(seed: 741 + UInt64(p))
                let got = try impl.trainingPairs(sentence, window: window, rng: &r1)
                var want: [WordPair] = []
                for i in sentence.indices {
                    let reduced = window - r2.nextInt(below: window)
                    for j in sentence.indices where j != i && abs(j - i) <= reduced { want.append(WordPair(center: sentence[i], context: sentence[j])) }
                }
                try Expect.that(got == want, "pairs for a \(sentence.count)-word sentence, window \(window)",
                                expected: "\(want.count) pairs, first \(want.prefix(5).map { "(\($0.center),\($0.context))" })",
                                got: "\(got.count) pairs, first \(got.prefix(5).map { "(\($0.center),\($0.context))" })", exact: true)
            }
        },
    ]

    /// Vectors where cosine and dot product rank differently (very different norms).
    static func simVectors() -> Tensor {
        try! Tensor(rows: [[1, 0, 0], [0.9, 0.1, 0], [5, 4, 0], [0, 1, 0], [0.6, 0.7, 0.1], [-1, 0, 0.2], [0.1, 0.1, 3],
                           [3, 0, 0]])   // word 7 is parallel to word 0: cosine 1, a neighbour like any other
    }

    /// Analogy vectors in ℝ³ of unequal lengths: 0 at 0°, 1 at 8°, 2 at −10° in the plane, so for
    /// 0 : 1 :: 2 : ? the excluded word 0 itself would win; the rest point elsewhere.
    static func analogyVectors() -> Tensor {
        func at(_ deg: Double, _ r: Double) -> [Float] { [Float(r * Foundation.cos(deg * .pi / 180)), Float(r * Foundation.sin(deg * .pi / 180)), 0] }
        return try! Tensor(rows: [at(0, 2), at(8, 0.5), at(-10, 3), [0, 0, 1], at(-30, 1.5), [0.3, 0.3, 0.9], [-1, 0.2, 0.1], [0.7, 0.7, 0], [0.2, -0.9, 0.4]])
    }

    static func cos(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } / (a.reduce(0) { $0 + $1 * $1 }.squareRoot() * b.reduce(0) { $0 + $1 * $1 }.squareRoot())
    }

    /// 3CosAdd over `candidates`.
    static func analogyOracle(_ r: [[Double]], _ a: Int, _ b: Int, _ c: Int, candidates: [Int]) -> Int {
        let score = { (x: Int) in cos(r[x], r[b]) - cos(r[x], r[a]) + cos(r[x], r[c]) }
        return candidates.max { score($0) < score($1) }!
    }

    /// Triples of `analogyVectors` where, without the exclusion, a, b and c respectively would win.
    static func analogyTraps() -> [(Int, Int, Int)] {
        let r = KMeansChecks.rows(analogyVectors())
        var traps: [(Int, Int, Int)] = []
        for role in 0..<3 {
            search: for a in r.indices { for b in r.indices where b != a { for c in r.indices where c != a && c != b {
                if analogyOracle(r, a, b, c, candidates: Array(r.indices)) == [a, b, c][role] { traps.append((a, b, c)); break search }
            } } }
        }
        return traps
    }

    static let similarity: [Check<Impl>] = [
        Check("7.5a", exercise: "7.5", "nearest neighbours by cosine (not dot product), query excluded by index (a parallel vector is not the query), k = 3 and 1, two queries",
              tolerance: "exact") { impl in
            let v = simVectors()
            let r = KMeansChecks.rows(v)
            for (query, k) in [(0, 3), (3, 1), (7, 2)] {
                let want = Array(r.indices.filter { $0 != query }.sorted { cos(r[$0], r[query]) > cos(r[$1], r[query]) }.prefix(k))
                let got = try impl.nearestNeighbors(v, query: query, k: k)
                try Expect.that(got == want, "\(k) nearest neighbours of word \(query)", expected: "\(want)", got: "\(got)", exact: true)
            }
        },
        Check("7.5b", exercise: "7.5", "3CosAdd analogy by cosines on vectors of unequal lengths, the three query words excluded — with cases where a, b or c would otherwise win",
              tolerance: "exact") { impl in
            let traps = analogyTraps()
            guard traps.count == 3 else {
                throw CheckFailure("the check's own data lost a trap case (grader defect)", expected: "3 trap triples", got: "\(traps.count)", toleranceApplies: false)
            }
            for (vectors, triples) in [(simVectors(), [(0, 1, 3), (3, 4, 0), (5, 0, 3)]), (analogyVectors(), traps)] {
                let r = KMeansChecks.rows(vectors)
                for (a, b, c) in triples {
                    let want = analogyOracle(r, a, b, c, candidates: r.indices.filter { ![a, b, c].contains($0) })
                    let got = try impl.analogy(vectors, a: a, b: b, c: c)
                    try Expect.that(got == want, "analogy \(a) : \(b) :: \(c) : ? (\(vectors.rows) words)", expected: "\(want)", got: "\(got)", exact: true)
                }
            }
        },
    ]

    /// Ranks by counting (a second method): 1 + #smaller + (#equal − 1)/2.
    static func countingRanks(_ x: [Double]) -> [Double] {
        x.map { v in 1 + Double(x.filter { $0 < v }.count) + Double(x.filter { $0 == v }.count - 1) / 2 }
    }

    static func pearson(_ a: [Double], _ b: [Double]) -> Double {
        let n = Double(a.count), ma = a.reduce(0, +) / n, mb = b.reduce(0, +) / n
        let sab = zip(a, b).reduce(0) { $0 + ($1.0 - ma) * ($1.1 - mb) }
        return sab / (a.reduce(0) { $0 + ($1 - ma) * ($1 - ma) } * b.reduce(0) { $0 + ($1 - mb) * ($1 - mb) }).squareRoot()
    }

    static let spearman: [Check<Impl>] = [
        Check("7.6a", exercise: "7.6", "Spearman ρ with tied values (mean ranks), on nonlinear but monotone data, and a second sample with ties in both",
              tolerance: "|got − expected| ≤ 1e-9: Double inputs and outputs (Float ranks would also pass)") { impl in
            let samples: [([Double], [Double])] = [
                ([1.0, 2, 2, 3, 5, 8, 8, 8, 13, 21], [0.5, 0.2, 0.9, 1.4, 1.1, 3.0, 2.0, 2.0, 9.0, 30.0]),
                ([4, -1, 4, 0.5, 2, 2, 9], [3, 3, -2, 1, 1, 1, 7]),
            ]
            for (x, y) in samples {
                let want = pearson(countingRanks(x), countingRanks(y))
                let got = try impl.spearman(x, y)
                try Expect.that(abs(got - want) <= 1e-9, "Spearman ρ of \(x.count) pairs", expected: Expect.fmt(want, vs: got), got: Expect.fmt(got, vs: want))
            }
        },
    ]
}
