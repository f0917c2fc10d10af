import RepLearn

/// Lecture 5 — Colorization (Zhang, Isola & Efros 2016).
///
/// The exercises' functions; each is documented with its shapes and the math it computes.
public protocol ColorizationExercises {
}
