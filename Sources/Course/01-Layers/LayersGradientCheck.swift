import RepLearn

/// Lecture 1's "check your own gradients" step: every backward pass of the chosen implementation
/// against *its own* numerical gradient (exercise 1.6), on L = Σ c ⊙ layer(x) with a random c.
extension LayersExperiment {
    /// h = 1e-2 in Float32: truncation O(h²) ≈ 1e-4 and rounding ≈ 6e-8·|L|/h ≈ 1e-5, so a correct
    /// backward scores ≲ 1e-3 and a missing factor or term ≳ 1e-1.
    static let checkStep: Float = 1e-2, passBelow: Float = 1e-2

    func gradientCheck(_ ctx: ExperimentContext) throws {
        let impl = ctx.impls.layers
        var rng = SeededGenerator(seed: 16)
        func awayFromZero(_ shape: [Int]) -> Tensor {
            Tensor.randomNormal(shape, using: &rng).map { ($0 < 0 ? -1 : 1) * (0.2 + abs($0)) }
        }
        let w = Tensor.randomNormal([4, 3], using: &rng), b = Tensor.randomNormal([4], using: &rng)
        let cases: [(name: String, x: Tensor, forward: (Tensor) throws -> Tensor, backward: (Tensor, Tensor) throws -> Tensor)] = [
            ("linear 3→4", awayFromZero([5, 3]), { try impl.linearForward($0, weight: w, bias: b) },
             { x, g in try impl.linearBackward(x, weight: w, outputGradient: g).input }),
            ("ReLU", awayFromZero([4, 5]), { try impl.reluForward($0) }, { x, g in try impl.reluBackward(x, outputGradient: g) }),
            ("L2 normalisation", awayFromZero([4, 5]), { try impl.l2NormalizeForward($0) },
             { x, g in try impl.l2NormalizeBackward(x, output: try impl.l2NormalizeForward(x), outputGradient: g) }),
            ("softmax β = 1.5", awayFromZero([4, 6]), { try impl.softmaxForward($0, beta: 1.5) },
             { x, g in try impl.softmaxBackward(x, output: try impl.softmaxForward(x, beta: 1.5), beta: 1.5, outputGradient: g) }),
        ]
        ctx.reporter.info("  ∂L/∂x of each layer (\(ctx.impls.name)) vs its own centred differences (exercise 1.6), h = \(Self.checkStep):")
        var errors: [String: Double] = [:]
        for c in cases {
            let probe = Tensor.randomNormal(try c.forward(c.x).shape, using: &rng)
            let analytic = try c.backward(c.x, probe)
            let numerical = try impl.numericalGradient(c.x, step: Self.checkStep) { x in
                Tensor(vector: [try (c.forward(x) * probe).data.reduce(0, +)])
            }
            let floor = 1e-2 * (numerical.data.map(abs).max() ?? 0)
            let e = try impl.gradientError(analytic, numerical, floor: max(floor, 1e-6))
            errors[c.name] = Double(e)
            let verdict = e < Self.passBelow ? "ok" : "WRONG? (≥ \(Self.passBelow))"
            ctx.reporter.info("    \(c.name.padding(toLength: 18, withPad: " ", startingAt: 0)) worst-entry relative error \(String(format: "%.2e", e))  \(verdict)")
        }
        try metrics?.set("gradient_check", ["step": Double(Self.checkStep), "pass_below": Double(Self.passBelow), "errors": errors])
    }
}
