/// Lecture 6. Its exercises (patchify, random masking, sin-cos positions, the masked loss,
/// attention forward/backward, BERT corruption) join the syllabus with their checks; the
/// experiment runs the reference computations in this folder.
let maeModule = ModuleInfo(
    number: 6, slug: "mae", title: "Masked autoencoders and masking ratios",
    lecture: "Lectures/06-mae.md", exercises: [])
