import RepLearn

/// Lecture 8 — Contrastive learning and noise-contrastive estimation.
///
/// The exercises' functions; each is documented with its shapes and the math it computes.
public protocol ContrastiveExercises {
}
