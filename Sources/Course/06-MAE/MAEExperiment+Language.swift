import Foundation
import RepLearn

/// The language half: a tiny BERT on Austen's novels, trained at several masking ratios with
/// exercise 6.6's corruption, each scored on held-out text at 15% masking.
extension MAEExperiment {
    static let languageRatios = [0.15, 0.4, 0.75]
    static let vocabularySize = 5000, sequenceLength = 32, languageSteps = 500

    func language(_ ctx: ExperimentContext, _ dir: URL) throws {
        let impl = ctx.impls.mae
        let start = Date()
        let corpus = try MLMCorpus(size: Self.vocabularySize, length: Self.sequenceLength)
        let classes = corpus.mask + 1                       // words, [UNK], [MASK]
        ctx.reporter.info(String(format: "  Austen's novels: %d words; vocabulary %d words + [UNK] + [MASK] (covers %.1f%% of the text); "
                                 + "%d training and %d held-out windows of %d tokens; %.1f s",
                                 corpus.tokens, corpus.words.count, 100 * corpus.coverage, corpus.train.count, corpus.heldOut.count,
                                 Self.sequenceLength, Date().timeIntervalSince(start)))
        let ratios = ctx.quick ? [0.15, 0.75] : Self.languageRatios
        let steps = ctx.quick ? 20 : Self.languageSteps, batch = 32
        ctx.reporter.info("  \(steps) steps of \(batch) windows per ratio; dim 64, 2 blocks, 4 heads; loss on the chosen positions only")

        // The evaluation: the same held-out windows and the same 15% of positions for every model,
        // each chosen position shown as [MASK] (the question "which word is hidden here?").
        let evalWindows = Array(corpus.heldOut.prefix(ctx.quick ? 200 : 1000))
        func evaluationSet(_ r: Double, seed: UInt64) throws -> (inputs: [[Int]], at: [Int], labels: [Int]) {
            var g = SeededGenerator(seed: seed)
            var inputs: [[Int]] = [], at: [Int] = [], labels: [Int] = []
            for (b, w) in evalWindows.enumerated() {
                let c = try corrupt(impl, w, ratio: r, corpus: corpus, rng: &g)
                var x = w
                for p in c.positions { x[p] = corpus.mask; at.append(b * Self.sequenceLength + p); labels.append(w[p]) }
                inputs.append(x)
            }
            return (inputs, at, labels)
        }
        let eval15 = try evaluationSet(0.15, seed: 66)

        var results: [[String: Any]] = []
        var curve = Figure(title: "Masked-word loss during training (chosen positions)")
        curve.xLabel = "step"; curve.yLabel = "cross-entropy (running mean of 20 steps)"
        for (i, r) in ratios.enumerated() {
            var initRng = SeededGenerator(seed: 65), batchRng = SeededGenerator(seed: 63), corruptRng = SeededGenerator(seed: 64)
            let model = MaskedLanguageModel(vocabulary: classes, length: Self.sequenceLength, dim: 64, depth: 2, heads: 4, rng: &initRng)
            let lr: Float = 3e-3
            let opt = AdamOptimizer.adamW([ParameterGroup(model.parameters)], learningRate: lr, betas: (0.9, 0.98), weightDecay: 0.01)
            let schedule = CosineSchedule(base: lr, warmup: steps / 10, total: steps, minimum: 1e-5)
            let progress = TrainingProgress("  MLM ratio \(r)", totalSteps: steps)
            let t0 = Date()
            var losses: [Double] = []
            for step in 0..<steps {
                opt.learningRate = schedule(step)
                var inputs: [[Int]] = [], at: [Int] = [], labels: [Int] = []
                for b in 0..<batch {
                    let w = corpus.train[batchRng.nextInt(below: corpus.train.count)]
                    let c = try corrupt(impl, w, ratio: r, corpus: corpus, rng: &corruptRng)
                    inputs.append(c.tokens)
                    for p in c.positions { at.append(b * Self.sequenceLength + p); labels.append(w[p]) }
                }
                guard !at.isEmpty else { continue }
                opt.zeroGrad()
                let loss = try model.logits(inputs, at: at).crossEntropy(labels: labels)
                try loss.backward()
                try opt.step()
                let v = Double(loss.value.data[0])
                guard v.isFinite else { throw InputError("MLM ratio \(r): the loss became \(v) at step \(step)") }
                losses.append(v)
                progress.step(step + 1, loss: v, batch: batch)
            }
            let seconds = Date().timeIntervalSince(t0)
            let (rho, pairs) = try wordSimilarity(model, corpus, ctx)
            let (top1, top5) = try accuracy(model, eval15)
            let own = r == 0.15 ? (top1, top5) : try accuracy(model, try evaluationSet(r, seed: 67))
            ctx.reporter.info(String(format: "    MLM trained at %.2f: held-out at 15%%: top-1 %.3f, top-5 %.3f; at its own ratio: top-1 %.3f; WordSim353 ρ %.3f (%d pairs); %.0f s",
                                     r, top1, top5, own.0, rho, pairs, seconds))
            results.append(["ratio": r, "mlm_top1": top1, "mlm_top5": top5, "mlm_top1_at_training_ratio": own.0,
                            "wordsim353_spearman": rho, "wordsim353_pairs": pairs,
                            "mlm_top5_at_training_ratio": own.1, "train_seconds": seconds,
                            "final_train_loss": losses.suffix(20).reduce(0, +) / Double(max(1, min(20, losses.count)))])
            let smooth = losses.indices.map { t in losses[max(0, t - 19)...t].reduce(0, +) / Double(min(t + 1, 20)) }
            curve.line(smooth.enumerated().map { (Double($0.offset + 1), $0.element) }, color: .label(i), label: "ratio \(r)")
        }
        // Baselines: the most frequent word everywhere; the unigram top 5.
        let freq = Dictionary(grouping: corpus.train.flatMap { $0 }, by: { $0 }).mapValues(\.count)
        let top = freq.sorted { $0.value > $1.value }.prefix(5).map(\.key)
        let unigram1 = Double(eval15.labels.filter { $0 == top[0] }.count) / Double(eval15.labels.count)
        let unigram5 = Double(eval15.labels.filter { top.contains($0) }.count) / Double(eval15.labels.count)
        ctx.reporter.info(String(format: "    baseline, always the most frequent words (\"%@\"…): top-1 %.3f, top-5 %.3f; %d held-out masked words",
                                 corpus.words[top[0]], unigram1, unigram5, eval15.labels.count))
        try metrics?.set("language", ["ratios": results, "unigram_top1": unigram1, "unigram_top5": unigram5,
                                      "vocabulary": corpus.words.count, "coverage": corpus.coverage, "sequence_length": Self.sequenceLength,
                                      "steps": steps, "batch": batch, "held_out_masked_words": eval15.labels.count,
                                      "seconds": Date().timeIntervalSince(start)])
        let lossURL = dir.appendingPathComponent("mlm-loss.svg")
        try curve.writeSVG(to: lossURL)
        ctx.reporter.wrote(lossURL, "masked-word training loss per ratio")

        var lang = Figure(title: "Language: masked-word accuracy (held-out, 15% masked) vs training ratio")
        lang.xLabel = "masking ratio during training"; lang.yLabel = "accuracy"
        let xs = results.map { $0["ratio"] as! Double }
        for (j, key) in ["mlm_top1", "mlm_top5"].enumerated() {
            let pts = zip(xs, results.map { $0[key] as! Double }).map { ($0, $1) }
            lang.line(pts, color: .label(j), width: 2, label: key == "mlm_top1" ? "top-1" : "top-5")
            for (x, y) in pts { lang.dot(x, y, color: .label(j)) }
        }
        let span = (xs.min() ?? 0, max(xs.max() ?? 1, (xs.min() ?? 0) + 0.01))
        lang.line([(span.0, unigram5), (span.1, unigram5)], color: .label(2), width: 1, label: "unigram top-5")
        lang.line([(span.0, unigram1), (span.1, unigram1)], color: .label(3), width: 1, label: "unigram top-1")
        var image = Figure(title: "Images: linear-probe accuracy vs masking ratio (Fashion-MNIST)")
        image.xLabel = "masking ratio during pretraining"; image.yLabel = "probe accuracy"
        if imageCurve.count > 0 {
            image.line(imageCurve, color: .label(0), width: 2, label: "MAE encoder")
            for (x, y) in imageCurve { image.dot(x, y, color: .label(0)) }
            let ispan = (imageCurve.map(\.0).min()!, max(imageCurve.map(\.0).max()!, imageCurve.map(\.0).min()! + 0.01))
            for (k, (name, v)) in imageBaselines.enumerated() { image.line([(ispan.0, v), (ispan.1, v)], color: .label(k + 1), width: 1, label: name) }
        }
        let both = dir.appendingPathComponent("ratio-curves.svg")
        let left = image.svg(), right = lang.svg().replacingOccurrences(of: "<svg xmlns=\"http://www.w3.org/2000/svg\" ", with: "<svg x=\"640\" ")
        let inner = left.replacingOccurrences(of: "<svg xmlns=\"http://www.w3.org/2000/svg\" ", with: "<svg x=\"0\" ")
        try ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1280\" height=\"480\" viewBox=\"0 0 1280 480\">\n" + inner + right + "</svg>\n")
            .write(to: both, atomically: true, encoding: .utf8)
        ctx.reporter.wrote(both, "images (probe accuracy) beside language (masked-word accuracy), both against the masking ratio")
    }

    /// Exercise 6.6 on one window, with its output checked before the network uses it.
    /// The similarity task: Spearman's ρ (lecture 7's 7.6) between WordSim353's human scores and the
    /// cosine of the model's input token embeddings, over the pairs whose words are both in the vocabulary.
    func wordSimilarity(_ model: MaskedLanguageModel, _ corpus: MLMCorpus, _ ctx: ExperimentContext) throws -> (Double, Int) {
        var index: [String: Int] = [:]
        for (i, w) in corpus.words.enumerated() { index[w] = i }
        var human: [Double] = [], cosines: [Double] = []
        for (a, b, score) in try TextCorpus.similarity("wordsim353.tsv") {
            guard let i = index[a], let j = index[b] else { continue }
            human.append(score); cosines.append(Double(WordVectorEvaluation.cosine(model.tokenEmbedding.value, i, j)))
        }
        guard human.count >= 3 else { return (.nan, human.count) }
        return (try ctx.impls.word2vec.spearman(human, cosines), human.count)
    }

    func corrupt(_ impl: any MAEExercises, _ w: [Int], ratio: Double, corpus: MLMCorpus, rng: inout SeededGenerator) throws -> BERTCorruption {
        let c = try impl.bertCorrupt(w, ratio: ratio, vocabularySize: corpus.unknown + 1, maskToken: corpus.mask, rng: &rng)
        guard c.tokens.count == w.count, c.tokens.allSatisfy({ (0...corpus.mask).contains($0) }),
              c.positions.allSatisfy({ w.indices.contains($0) }) else {
            throw InputError("exercise 6.6: bertCorrupt gave \(c.tokens.count) tokens and positions \(c.positions.prefix(8)) for a window of \(w.count) "
                             + "(tokens must lie in 0...\(corpus.mask), positions in 0..<\(w.count))")
        }
        return c
    }

    /// Top-1 and top-5 accuracy of the model's predictions at the evaluation positions.
    func accuracy(_ model: MaskedLanguageModel, _ set: (inputs: [[Int]], at: [Int], labels: [Int])) throws -> (Double, Double) {
        var hit1 = 0, hit5 = 0, done = 0
        let chunk = 200, t = Self.sequenceLength
        for start in stride(from: 0, to: set.inputs.count, by: chunk) {
            let end = min(start + chunk, set.inputs.count)
            let sel = set.at.indices.filter { set.at[$0] / t >= start && set.at[$0] / t < end }
            guard !sel.isEmpty else { continue }
            let logits = try Graph.noGrad { try model.logits(Array(set.inputs[start..<end]), at: sel.map { set.at[$0] - start * t }).value }
            let v = logits.cols
            for (row, i) in sel.enumerated() {
                let scores = logits.data[(row * v)..<((row + 1) * v)]
                let target = scores[scores.startIndex + set.labels[i]]
                let better = scores.filter { $0 > target }.count
                if better == 0 { hit1 += 1 }
                if better < 5 { hit5 += 1 }
                done += 1
            }
        }
        return (Double(hit1) / Double(max(done, 1)), Double(hit5) / Double(max(done, 1)))
    }
}
