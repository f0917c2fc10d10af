/// Lecture 7's exercises.
let word2vecModule = ModuleInfo(
    number: 7, slug: "word2vec", title: "word2vec",
    lecture: "Lectures/07-word2vec.md",
    exercises: [
        ExerciseInfo(id: "7.1", title: "Tokens and vocabulary with min_count",
                     file: "Exercises/07-Word2Vec/Vocabulary.swift", section: "From text to word indices",
                     hint: "Lowercase, then split on anything that is not a–z. Count with a dictionary, drop words below min_count, "
                         + "sort by count descending and alphabetically on ties."),
        ExerciseInfo(id: "7.2", title: "Subsampling and the noise distribution",
                     file: "Exercises/07-Word2Vec/Sampling.swift", section: "Frequent words and noise words",
                     hint: "keep = min(1, (√(f/t) + 1)·t/f) with f = count/total. Noise ∝ count^0.75 (not count). To sample, "
                         + "draw u = rng.nextDouble() and find it in the cumulative distribution (or build an alias table)."),
        ExerciseInfo(id: "7.3", title: "Skip-gram negative-sampling loss and gradients",
                     file: "Exercises/07-Word2Vec/Loss.swift", section: "Skip-gram with negative sampling",
                     hint: "With s_o = u_oᵀv and s_k = u_kᵀv: L = −log σ(s_o) − Σ log σ(−s_k). ∂L/∂u_o = (σ(s_o) − 1)v, "
                         + "∂L/∂u_k = σ(s_k)v, ∂L/∂v = (σ(s_o) − 1)u_o + Σ σ(s_k)u_k. Mind the sign of the noise term."),
        ExerciseInfo(id: "7.4", title: "Learning-rate decay and the dynamic window",
                     file: "Exercises/07-Word2Vec/Training.swift", section: "Training",
                     hint: "Draw one b per position, in order, before its pairs; the effective window is window − b, so close "
                         + "words are paired more often than far ones. Never pair a position with itself."),
        ExerciseInfo(id: "7.5", title: "Cosine neighbours and 3CosAdd analogies",
                     file: "Exercises/07-Word2Vec/Similarity.swift", section: "Using the vectors",
                     hint: "Normalise the rows first: cosine is a dot product of unit vectors. For analogies exclude a, b and c "
                         + "from the answers, or b will often win."),
        ExerciseInfo(id: "7.6", title: "Spearman rank correlation",
                     file: "Exercises/07-Word2Vec/Spearman.swift", section: "Evaluating against people",
                     hint: "Rank each list (1 = smallest; tied values share the mean of their ranks), then take Pearson's correlation "
                         + "of the two rank lists. Pearson on the raw scores is a different number."),
    ])
