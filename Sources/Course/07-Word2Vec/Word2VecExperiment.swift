import Foundation
import RepLearn

/// Lecture 7's experiment: skip-gram with negative sampling on the bundled English texts
/// (~3.9M tokens), evaluated on the Google analogies, WordSim-353 and SimLex-999.
final class Word2VecExperiment: Experiment {
    let slug = "word2vec"
    let steps = ["corpus", "train", "evaluate", "projection"]
    var metrics: MetricsFile?
    var vocab: Vocabulary?
    var sentences: [[Int32]] = []
    var vectors: Tensor?
    var settings = Word2VecPipeline.Settings()
    /// `--impl student` trains through the student's exercises (ProtocolSkipGram), one thread,
    /// on every `protocolEveryNth`-th line for `protocolEpochs` epochs: see `train`.
    static let protocolEveryNth = 4, protocolEpochs = 2

    func run(step: String, _ ctx: ExperimentContext) throws {
        let dir = ctx.outDir(slug)
        if vocab == nil && step != "corpus" { try corpus(ctx) }
        if vectors == nil && (step == "evaluate" || step == "projection") { try train(ctx) }
        switch step {
        case "corpus": try corpus(ctx)
        case "train": try train(ctx)
        case "evaluate": try evaluate(ctx, dir)
        case "projection": try projection(ctx, dir)
        default: break                       // perform(step:) has checked the name
        }
    }

    func corpus(_ ctx: ExperimentContext) throws {
        let impl = ctx.impls.word2vec
        let start = Date()
        var tokenSentences: [[String]] = []
        var perFile: [String: Int] = [:]
        for name in TextCorpus.names {
            var n = 0
            for line in try TextCorpus.text(name).split(separator: "\n") {
                let t = try impl.tokenize(String(line))
                if !t.isEmpty { tokenSentences.append(t); n += t.count }
            }
            perFile[name] = n
        }
        let all = tokenSentences.flatMap { $0 }
        let v = try impl.buildVocabulary(all, minCount: settings.minCount)
        vocab = v
        sentences = Word2VecPipeline.index(tokenSentences, v)
        let kept = sentences.reduce(0) { $0 + $1.count }
        ctx.reporter.info(String(format: "  %d tokens in %d lines (%@); vocabulary %d words with count ≥ %d (%d tokens); %.1f s",
                                 all.count, tokenSentences.count,
                                 TextCorpus.names.map { "\($0) \(perFile[$0]!)" }.joined(separator: ", "),
                                 v.words.count, settings.minCount, kept, Date().timeIntervalSince(start)))
        ctx.reporter.info("  most frequent: " + v.words.prefix(12).joined(separator: " "))
        try metrics?.set("corpus", ["tokens": all.count, "lines": tokenSentences.count, "tokens_per_file": perFile,
                                    "vocabulary": v.words.count, "min_count": settings.minCount, "tokens_in_vocabulary": kept])
    }

    func train(_ ctx: ExperimentContext) throws {
        guard let vocab else { return }
        let s = settings
        // The reference trains with the library's kernel; anything else (the student's code, or the
        // reference with REPLEARN_W2V_PROTOCOL=1) trains through its own exercises 7.2–7.4.
        if ctx.impls.name != "reference" || ProcessInfo.processInfo.environment["REPLEARN_W2V_PROTOCOL"] != nil {
            return try trainThroughExercises(ctx)
        }
        ctx.reporter.info("  skip-gram, negative sampling: d = \(s.dimension), window \(s.window), \(s.negative) negatives, "
                          + "sample \(s.sample), \(s.epochs) epochs, \(s.threads) threads, α = \(s.learningRate) → linear decay")
        let trainer = try Word2VecPipeline.trainer(vocab, s, impl: ctx.impls.word2vec)
        let bar = ProgressLine("  training", total: 1000)
        let report = trainer.train(sentences) { frac, wps, loss in
            bar.update(Int(frac * 1000), loss: loss.isFinite ? loss : nil, extra: String(format: "%.0f words/s", wps))
        }
        vectors = trainer.vectors
        guard vectors!.isFinite else { throw InputError("word2vec: the vectors contain NaN — check exercises 7.2–7.4") }
        ctx.reporter.info(String(format: "  %d effective words in %.1f s = %.0f words/s; sampled loss per pair %.3f",
                                 report.effectiveWords, report.seconds, report.wordsPerSecond, report.loss))
        try metrics?.set("words_per_second", report.wordsPerSecond)
        try metrics?.set("train_seconds", report.seconds)
        try metrics?.set("effective_words", report.effectiveWords)
        try metrics?.set("settings", ["dimension": s.dimension, "window": s.window, "negative": s.negative, "min_count": s.minCount,
                                      "sample": s.sample, "epochs": s.epochs, "threads": s.threads, "alpha": Double(s.learningRate)])
    }

    func trainThroughExercises(_ ctx: ExperimentContext) throws {
        guard let vocab else { return }
        let s = settings
        let (nth, epochs) = (Self.protocolEveryNth, Self.protocolEpochs)
        ctx.reporter.info("  training through YOUR exercises: keep probabilities and noise sampler (7.2), loss and gradients (7.3), "
                          + "learning rate and dynamic window (7.4); one thread, plain SGD, deterministic for the seed")
        ctx.reporter.info("  SUBSET: every \(nth)th line of the corpus (\(sentences.count / nth) of \(sentences.count) lines), \(epochs) epochs instead of \(s.epochs): "
                          + "code called once per pair is too slow for the whole corpus. Expect lower scores than the reference's kernel run.")
        ctx.reporter.info("  skip-gram, negative sampling: d = \(s.dimension), window \(s.window), \(s.negative) negatives, "
                          + "sample \(s.sample), α = \(s.learningRate) → your schedule")
        let bar = ProgressLine("  training", total: 1000)
        let (v, report) = try ProtocolSkipGram.train(sentences, vocab: vocab, settings: s, epochs: epochs, everyNth: nth,
                                                     impl: ctx.impls.word2vec) { frac, pps, loss in
            bar.update(Int(frac * 1000), loss: loss.isFinite ? loss : nil, extra: String(format: "%.0f pairs/s", pps))
        }
        guard v.isFinite else { throw InputError("word2vec: the vectors contain NaN — check exercises 7.2–7.4") }
        vectors = v
        ctx.reporter.info(String(format: "  %d lines, %d tokens; %d tokens kept by subsampling over all epochs, %d pairs, in %.1f s (%.0f pairs/s); mean loss per pair in the last epoch %.3f",
                                 report.sentences, report.tokens, report.effectiveWords, report.pairs, report.seconds,
                                 Double(report.pairs) / max(report.seconds, 1e-9), report.loss))
        try metrics?.set("trained_through", "exercises (ProtocolSkipGram)")
        try metrics?.set("subset", ["every_nth_line": nth, "lines": report.sentences, "tokens": report.tokens, "epochs": epochs])
        try metrics?.set("train_seconds", report.seconds)
        try metrics?.set("effective_words", report.effectiveWords)
        try metrics?.set("pairs", report.pairs)
        try metrics?.set("settings", ["dimension": s.dimension, "window": s.window, "negative": s.negative, "min_count": s.minCount,
                                      "sample": s.sample, "epochs": epochs, "threads": 1, "alpha": Double(s.learningRate)])
    }

    /// The 5 best answers to a : b :: c : ? by 3CosAdd (a, b, c excluded), best first.
    static func analogyTop(_ vectors: Tensor, a: Int, b: Int, c: Int, k: Int = 5) -> [Int] {
        let d = vectors.cols
        func unit(_ i: Int) -> [Float] {
            let r = Array(vectors.data[(i * d)..<(i * d + d)])
            let n = r.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return r.map { n > 0 ? $0 / n : 0 }
        }
        let (ua, ub, uc) = (unit(a), unit(b), unit(c))
        let target = (0..<d).map { ub[$0] - ua[$0] + uc[$0] }
        var scored: [(Float, Int)] = []
        for x in 0..<vectors.rows where x != a && x != b && x != c {
            let ux = unit(x)
            scored.append((zip(ux, target).reduce(0) { $0 + $1.0 * $1.1 }, x))
        }
        return scored.sorted { $0.0 > $1.0 }.prefix(k).map(\.1)
    }

    func evaluate(_ ctx: ExperimentContext, _ dir: URL) throws {
        guard let vocab, let vectors else { return }
        let impl = ctx.impls.word2vec
        // Analogies: answerable = all four words in the vocabulary.
        let all = try TextCorpus.analogies()
        var sections: [String] = []
        var bySection: [String: [(Int, Int, Int, Int)]] = [:]
        for q in all {
            if !sections.contains(q.section) { sections.append(q.section) }
            if let a = vocab.index[q.a], let b = vocab.index[q.b], let c = vocab.index[q.c], let d = vocab.index[q.d] {
                bySection[q.section, default: []].append((a, b, c, d))
            }
        }
        var correct = 0, answerable = 0
        var perSection: [[String: Any]] = []
        ctx.reporter.info("  analogies (3CosAdd, a b c excluded), answerable questions only:")
        for s in sections {
            let qs = bySection[s] ?? []
            let ok = try WordVectorEvaluation.analogyCorrect(vectors, qs).filter { $0 }.count
            correct += ok; answerable += qs.count
            let total = all.filter { $0.section == s }.count
            perSection.append(["section": s, "answerable": qs.count, "total": total, "correct": ok,
                               "accuracy": qs.isEmpty ? 0 : Double(ok) / Double(qs.count)])
            ctx.reporter.info("    " + s.padding(toLength: 28, withPad: " ", startingAt: 0)
                              + String(format: "%5d / %5d answerable, accuracy %@", qs.count, total,
                                       qs.isEmpty ? "—" : String(format: "%.3f", Double(ok) / Double(qs.count))))
        }
        let accuracy = Double(correct) / Double(max(answerable, 1))
        ctx.reporter.info(String(format: "  overall: %.3f on %d answerable questions (%d skipped)", accuracy, answerable, all.count - answerable))
        try metrics?.set("analogy_accuracy", accuracy)
        try metrics?.set("analogy_answerable", answerable)
        try metrics?.set("analogy_skipped", all.count - answerable)
        try metrics?.set("analogy_sections", perSection)

        for (file, key) in [("wordsim353.tsv", "wordsim353"), ("simlex999.txt", "simlex999")] {
            let pairs = try TextCorpus.similarity(file)
            var human: [Double] = [], model: [Double] = []
            for (a, b, score) in pairs {
                guard let i = vocab.index[a], let j = vocab.index[b] else { continue }
                human.append(score); model.append(Double(WordVectorEvaluation.cosine(vectors, i, j)))
            }
            let rho = try impl.spearman(human, model)
            ctx.reporter.info(String(format: "  %@: Spearman ρ = %.3f on %d of %d pairs", key, rho, human.count, pairs.count))
            try metrics?.set("\(key)_spearman", rho)
            try metrics?.set("\(key)_pairs_used", human.count)
        }

        var neighbours: [String: [String]] = [:]
        for w in ["king", "woman", "love", "horse", "london", "walked", "good", "god", "sword", "river"] {
            guard let i = vocab.index[w] else { continue }
            let nn = try impl.nearestNeighbors(vectors, query: i, k: 8).map { vocab.words[$0] }
            neighbours[w] = nn
            ctx.reporter.info("  " + w.padding(toLength: 8, withPad: " ", startingAt: 0) + "→ " + nn.joined(separator: ", "))
        }
        try metrics?.set("nearest_neighbours", neighbours)
        var analogies: [String: [String]] = [:]
        for (a, b, c) in [("man", "king", "woman"), ("he", "his", "she"), ("walk", "walked", "go"), ("good", "better", "bad")] {
            guard let ia = vocab.index[a], let ib = vocab.index[b], let ic = vocab.index[c] else { continue }
            let d = try impl.analogy(vectors, a: ia, b: ib, c: ic)
            let top = Self.analogyTop(vectors, a: ia, b: ib, c: ic).map { vocab.words[$0] }
            ctx.reporter.info("  \(a) : \(b) :: \(c) : \(vocab.words[d])   (top 5: \(top.joined(separator: ", ")))")
            analogies["\(a):\(b)::\(c)"] = top
        }
        try metrics?.set("analogy_examples_top5", analogies)
    }

    func projection(_ ctx: ExperimentContext, _ dir: URL) throws {
        guard let vocab, let vectors else { return }
        let groups: [[String]] = [["man", "woman", "king", "queen", "father", "mother", "son", "daughter", "brother", "sister", "uncle", "aunt"],
                                  ["walk", "walked", "go", "went", "take", "took", "speak", "spoke", "see", "saw"]]
        for (g, words) in groups.enumerated() {
            let present = words.filter { vocab.index[$0] != nil }
            guard present.count >= 3 else { continue }
            let x = try vectors.gatherRows(present.map { vocab.index[$0]! })
            let z = try PCA(x, components: 2).project(x)
            var f = Figure(title: g == 0 ? "Family words, top-2 PCA of their vectors" : "Verb tenses, top-2 PCA of their vectors")
            f.xLabel = "principal component 1 of these words' vectors"; f.yLabel = "principal component 2"
            for (i, w) in present.enumerated() { f.label(Double(z[i, 0]), Double(z[i, 1]), w) }
            let pairs = g == 0 ? stride(from: 0, to: present.count - 1, by: 2).map { ($0, $0 + 1) } : stride(from: 0, to: present.count - 1, by: 2).map { ($0, $0 + 1) }
            for (a, b) in pairs { f.line([(Double(z[a, 0]), Double(z[a, 1])), (Double(z[b, 0]), Double(z[b, 1]))], color: .label(g), width: 1) }
            let url = dir.appendingPathComponent(g == 0 ? "projection-family.svg" : "projection-tenses.svg")
            try f.writeSVG(to: url)
            ctx.reporter.wrote(url, g == 0 ? "family words in 2-D (lines join male–female pairs)" : "verb tenses in 2-D (lines join present–past)")
        }
        ctx.reporter.wrote(metrics!.url, "metrics")
    }
}
