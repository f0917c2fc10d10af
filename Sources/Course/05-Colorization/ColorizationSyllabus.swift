/// Lecture 5's exercises.
let colorizationModule = ModuleInfo(
    number: 5, slug: "colorization", title: "Colorization as self-supervision",
    lecture: "Lectures/05-colorization.md",
    exercises: [
        ExerciseInfo(id: "5.1", title: "sRGB ↔ Lab (D65)",
                     file: "Exercises/05-Colorization/Lab.swift", section: "Lightness in, colour out: the Lab space",
                     hint: "Three steps each way: the sRGB gamma (mind its linear piece near 0), the matrix M and the white point, "
                         + "then f with its own linear piece below δ³. Check black: it must come out as L = 0, not −16."),
        ExerciseInfo(id: "5.2", title: "In-gamut ab bins",
                     file: "Exercises/05-Colorization/InGamutBins.swift", section: "Colour as classification",
                     hint: "Divide by levels − 1 so that 1.0 is swept too; round (not floor) a/gridSize and b/gridSize to integers, "
                         + "collect them in a Set, sort the pairs, multiply back by gridSize."),
        ExerciseInfo(id: "5.3", title: "Soft encoding over the k nearest bins",
                     file: "Exercises/05-Colorization/SoftEncode.swift", section: "Colour as classification",
                     hint: "Sort the centres by (squared distance, index) and keep k. The Gaussian takes the squared distance over 2σ²; "
                         + "subtracting the smallest squared distance first changes nothing after normalising."),
        ExerciseInfo(id: "5.4", title: "Class-rebalancing weights",
                     file: "Exercises/05-Colorization/Rebalancing.swift", section: "Colour as classification",
                     hint: "σ is in bins: a distance in ab units is divided by gridSize. Normalise p̃ before mixing it with λ/Q, "
                         + "and scale w by 1/Σ p̃ w at the end — an expectation under p̃, not a plain mean."),
        ExerciseInfo(id: "5.5", title: "Weighted cross-entropy over positions",
                     file: "Exercises/05-Colorization/CrossEntropy.swift", section: "Colour as classification",
                     hint: "Each position's weight is looked up once, at the target's arg-max, and scales both its loss and its gradient row; "
                         + "the gradient row is softmax − Z, times w/P. Divide by the number of positions, not of entries."),
        ExerciseInfo(id: "5.6", title: "The annealed mean",
                     file: "Exercises/05-Colorization/AnnealedMean.swift",
                     section: "From a distribution back to one colour: the annealed mean",
                     hint: "It is a softmax of the log-probabilities divided by T — not of the probabilities. At T = 1 you must get Σ z_q c_q back. "
                         + "Subtract the row's maximum of log z / T before exp."),
        ExerciseInfo(id: "5.7", title: "The L2 regression baseline",
                     file: "Exercises/05-Colorization/L2Loss.swift", section: "Why regression paints everything brown",
                     hint: "Sum the squared a and b errors of a position, average over positions; the gradient of a square brings down a 2."),
    ])
