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
        for (a, b, c) in [("man", "king", "woman"), ("he", "his", "she"), ("walk", "walked", "go"), ("good", "better", "bad")] {
            guard let ia = vocab.index[a], let ib = vocab.index[b], let ic = vocab.index[c] else { continue }
            let d = try impl.analogy(vectors, a: ia, b: ib, c: ic)
            ctx.reporter.info("  \(a) : \(b) :: \(c) : \(vocab.words[d])")
        }
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
            f.xLabel = "PC 1"; f.yLabel = "PC 2"
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
