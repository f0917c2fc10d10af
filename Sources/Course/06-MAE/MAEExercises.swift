import RepLearn

/// Lecture 6 — Masked autoencoders (He et al. 2022) and BERT-style masking.
///
/// The exercises' functions; each is documented with its shapes and the math it computes.
public protocol MAEExercises {
}
