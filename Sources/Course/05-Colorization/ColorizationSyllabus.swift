/// Lecture 5's exercises.
let colorizationModule = ModuleInfo(
    number: 5, slug: "colorization", title: "Colorization as self-supervision",
    lecture: "Lectures/05-colorization.md",
    exercises: [
        ExerciseInfo(id: "5.1", title: "sRGB ↔ Lab (D65)",
                     file: "Exercises/05-Colorization/Lab.swift", section: "Lightness in, colour out: the Lab space",
                     hint: "Lab is built from linear light, relative to a white: what happens to sRGB values before the matrix, and to XYZ before the cube root?",
                     method: "Three steps each way: the sRGB gamma (mind its linear piece near 0), the matrix M and the white point, "
                         + "then f with its own linear piece below δ³. Check black: it must come out as L = 0, not −16.",
                     formula: "L = 116 f(Y/Y_n) − 16, a = 500 (f(X/X_n) − f(Y/Y_n)), b = 200 (f(Y/Y_n) − f(Z/Z_n)); f(t) = t^{1/3} for t > δ³, t/(3δ²) + 4/29 below, δ = 6/29; linear sRGB = c/12.92 for c ≤ 0.04045, ((c + 0.055)/1.055)^{2.4} above; D65 white."),
        ExerciseInfo(id: "5.2", title: "In-gamut ab bins",
                     file: "Exercises/05-Colorization/InGamutBins.swift", section: "Colour as classification",
                     hint: "Sweep the whole sRGB cube densely, convert each colour, and ask which grid cell its ab falls in.",
                     method: "Divide by levels − 1 so that 1.0 is swept too; round (not floor) a/gridSize and b/gridSize to integers, "
                         + "collect them in a Set, sort the pairs, multiply back by gridSize.",
                     formula: "bins = {gridSize·(round(a/gridSize), round(b/gridSize)) : (r, g, b) on a levels³ grid of [0, 1]³}, sorted by a then b."),
        ExerciseInfo(id: "5.3", title: "Soft encoding over the k nearest bins",
                     file: "Exercises/05-Colorization/SoftEncode.swift", section: "Colour as classification",
                     hint: "A pixel's colour is spread over its nearest bins, more to the nearer ones — and the weights are a distribution.",
                     method: "Sort the centres by (squared distance, index) and keep k. The Gaussian takes the squared distance over 2σ²; "
                         + "subtracting the smallest squared distance first changes nothing after normalising.",
                     formula: "w_q ∝ exp(−‖ab − c_q‖² / 2σ²) over the k nearest centres q (ties: lower index), normalised to Σ w_q = 1; 0 elsewhere."),
        ExerciseInfo(id: "5.4", title: "Class-rebalancing weights",
                     file: "Exercises/05-Colorization/Rebalancing.swift", section: "Colour as classification",
                     hint: "Rare colours should count more, but not infinitely more: smooth the prior, mix it with the uniform, invert.",
                     method: "σ is in bins: a distance in ab units is divided by gridSize. Normalise p̃ before mixing it with λ/Q, "
                         + "and scale w by 1/Σ p̃ w at the end — an expectation under p̃, not a plain mean.",
                     formula: "p̃ = Gaussian-smoothed p (σ in bin units), normalised; w ∝ ((1 − λ)p̃ + λ/Q)⁻¹; w ← w / Σ_q p̃_q w_q so that E_p̃[w] = 1."),
        ExerciseInfo(id: "5.5", title: "Weighted cross-entropy over positions",
                     file: "Exercises/05-Colorization/CrossEntropy.swift", section: "Colour as classification",
                     hint: "Each position's loss is a cross-entropy against a soft target, scaled by one weight — which weight?",
                     method: "Each position's weight is looked up once, at the target's arg-max, and scales both its loss and its gradient row; "
                         + "the gradient row is softmax − Z, times w/P. Divide by the number of positions, not of entries.",
                     formula: "L = (1/P) Σ_p w(q*_p) Σ_q −Z_pq log softmax(ŝ_p)_q with q*_p = argmax_q Z_pq (ties: lowest); ∂L/∂ŝ_p = w(q*_p)·(softmax(ŝ_p) − Z_p)/P (each target row sums to 1)."),
        ExerciseInfo(id: "5.6", title: "The annealed mean",
                     file: "Exercises/05-Colorization/AnnealedMean.swift",
                     section: "From a distribution back to one colour: the annealed mean",
                     hint: "T interpolates between the mean (T = 1) and the mode (T → 0). Which quantity does T divide?",
                     method: "It is a softmax of the log-probabilities divided by T — not of the probabilities. At T = 1 you must get Σ z_q c_q back. "
                         + "Subtract the row's maximum of log z / T before exp.",
                     formula: "f_T(z) = Σ_q c_q · exp(log z_q / T) / Σ_k exp(log z_k / T) — softmax(log z / T), i.e. lecture 1's softmax of x = −log z with β = 1/T."),
        ExerciseInfo(id: "5.7", title: "The L2 regression baseline",
                     file: "Exercises/05-Colorization/L2Loss.swift", section: "Why regression paints everything brown",
                     hint: "The baseline loss: squared error in ab, averaged — over what?",
                     method: "Sum the squared a and b errors of a position, average over positions; the gradient of a square brings down a 2.",
                     formula: "L = (1/P) Σ_p ((â_p − a_p)² + (b̂_p − b_p)²); ∂L/∂ŷ = 2(ŷ − y)/P."),
        ExerciseInfo(id: "5.Q", title: "Questions on lecture 5",
                     file: "Exercises/05-Colorization/ColorizationQuestions.swift", section: "Questions",
                     hint: "Each question names the section or figure that answers it. Predict on paper first, then look.",
                     method: "Numeric answers are judged with the tolerance the check states (“3/4”, “0.75” and “75%” are all read); for multiple choice give the letter or the word.",
                     formula: "Every numeric answer follows from a formula in the notes or a stub's documentation, or is read off the named figure."),
    ])
