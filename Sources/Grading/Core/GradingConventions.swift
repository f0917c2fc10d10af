/// The rules every check of the course follows — the existing lectures' and every new module's.
///
/// A check that cannot fail is a defect, and students write wrong code nobody here has seen. So
/// each check is written against the plausible mistakes, not against the reference:
///
/// 1. **Every parameter at two or more values.** A stub that ignores an argument and hard-codes
///    the value a check uses must fail: vary shapes (non-square, sizes unrelated to each other,
///    n = 1 where it is legal), k, learning rates, β, τ, T, σ, λ, powers, windows, ratios.
///    Each check's title says which values it runs.
/// 2. **Data that separates right from plausible wrong.** For each check, name the alternatives a
///    student could write — ignore the given assignment or indices, skip the last item, off by one,
///    the wrong axis, ties the other way, stale values, the excluded item winning — and choose
///    inputs on which each gives a different answer: labels that are *not* the nearest ones,
///    centres that are not data rows, a last code that is used, exact ties, a value exactly at a
///    threshold, a vector parallel to the query, a case where an excluded word would win.
///    Each alternative becomes a mutant in the module's mutant file (Tests/GraderTests/NN-…/).
/// 3. **Every documented behaviour is checked.** Each sentence of a stub's documentation that
///    constrains the result (zero rows, ties → lowest index, clamping, iteration counts, history
///    semantics, exclusions, edge sizes, draw order) has a check, and every check has a mutant that
///    it rejects (`assertGraderRejects` fails a module whose check rejects none).
/// 4. **Fair tolerances.** Float32 code that is mathematically right passes: tolerances follow from
///    Float32 arithmetic unless the protocol asks for Double in so many words, and each check's
///    tolerance text says which. Gradients are compared entry by entry
///    (`GradientCheck.entrywiseRelativeError`: |a − b| / max(|a|, |b|, 1e-2·max|b|) ≤ 1e-3), so a wrong
///    row of small entries cannot hide behind large ones; failures name the worst entry and its
///    index. Numerically naive but correct code (log σ(s) written directly) passes unless the
///    protocol says stability is part of the exercise, in which case a check uses large inputs.
///    Correct implementations written differently from the reference are kept as "alternatives"
///    that every check must pass.
/// 5. **Trust nothing from the student's process.** It returns the student's outputs over the wire
///    (Sources/Probes); the grader computes expected values from independent oracles written in the
///    check files (closed forms, loops in Double, centred finite differences, a second method,
///    seeded statistics with stated standard errors) — never from Solutions/ or Course's reference
///    code — and takes points and titles from the catalogue. Checks validate shapes and counts
///    before indexing, so garbage output fails without trapping.
public enum GradingConventions {}
