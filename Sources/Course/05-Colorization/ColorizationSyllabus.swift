/// Lecture 5. Its exercises (Lab conversion, in-gamut bins, soft encoding, rebalancing weights,
/// weighted cross-entropy, annealed mean, the L2 baseline) are the reference computations in
/// this folder for now; they join the syllabus with their checks.
let colorizationModule = ModuleInfo(
    number: 5, slug: "colorization", title: "Colorization as self-supervision",
    lecture: "Lectures/05-colorization.md", exercises: [])
