import Course
import Grading
import RepLearn
import Solutions
import XCTest

/// Every lecture-1 check must reject at least one plausible wrong implementation.
final class LayersGraderTests: XCTestCase {
    static func mutant(_ name: String, _ impl: any LayersExercises, killedBy: [String]) -> Mutant {
        Mutant(name: name, killedBy: killedBy, impls: Implementations.reference.with(layers: impl))
    }

    static let mutants: [Mutant] = [
        mutant("linear forward without bias", LinearNoBias(), killedBy: ["1.1a", "1.5a"]),
        mutant("linear ∂L/∂x divided by n", LinearInputGradientOverN(), killedBy: ["1.1b", "1.5b"]),
        mutant("linear ∂L/∂b averaged, not summed", LinearBiasGradientMean(), killedBy: ["1.1c", "1.5c"]),
        mutant("linear ∂L/∂W transposed", LinearWeightGradientTransposed(), killedBy: ["1.1c", "1.5c"]),
        mutant("leaky ReLU", ReLULeaky(), killedBy: ["1.2a", "1.5a"]),
        mutant("ReLU gradient on the negative side", ReLUGradientWrongSide(), killedBy: ["1.2b", "1.5b", "1.5c"]),
        mutant("ReLU gradient passed at x = 0", ReLUGradientAtZero(), killedBy: ["1.2b"]),
        mutant("L2 forward divides by ‖x‖²", L2ForwardSquaredNorm(), killedBy: ["1.3a", "1.5a"]),
        mutant("L2 backward without the projection term", L2GradientNoProjection(), killedBy: ["1.3b", "1.3c", "1.5b"]),
        mutant("L2 backward divides by ‖x‖²", L2GradientSquaredNorm(), killedBy: ["1.3b"]),
        mutant("softmax without max-subtraction", SoftmaxNoMaxSubtraction(), killedBy: ["1.4b"]),
        mutant("softmax with e^{+βx}", SoftmaxPositiveSign(), killedBy: ["1.4a", "1.5a"]),
        mutant("softmax ignores β", SoftmaxIgnoresBeta(), killedBy: ["1.4a", "1.5a"]),
        mutant("softmax backward without β", SoftmaxBackwardMissingBeta(), killedBy: ["1.4c", "1.5b"]),
        mutant("softmax backward with the wrong sign", SoftmaxBackwardWrongSign(), killedBy: ["1.4c", "1.5b"]),
        mutant("forwardStack drops a₀", StackForwardWithoutInput(), killedBy: ["1.5a"]),
        mutant("backwardStack off by one activation", StackBackwardOffByOne(), killedBy: ["1.5b", "1.5c"]),
        mutant("backwardStack skips the nonlinearities", StackBackwardSkipsNonlinearities(), killedBy: ["1.5b", "1.5c"]),
        // Issue 15: each closes one hole (rule 1: parameters at one value; 3: documented behaviour).
        mutant("linear loops hard-coded to d = 3", LinearHardCodedWidth(), killedBy: ["1.1a"]),
        mutant("L2 forward: zero row → NaN", L2ForwardZeroRowNaN(), killedBy: ["1.3a"]),
        mutant("L2 backward: zero row → NaN", L2BackwardZeroRowNaN(), killedBy: ["1.3d"]),
        mutant("L2 backward: zero row passes g through", L2BackwardZeroRowPassThrough(), killedBy: ["1.3d"]),
        mutant("softmax subtracts max(x) (wrong end for e^{−βx})", SoftmaxSubtractsMaxOfX(), killedBy: ["1.4b"]),
        mutant("softmax backward hard-codes β = 2.5", SoftmaxBackwardFixedBeta(), killedBy: ["1.4c"]),
        mutant("stack gradients keyed by linear-layer ordinal", StackGradientsKeyedByOrdinal(), killedBy: ["1.5c"]),
        mutant("one-sided differences", NumericalGradientSlip(slip: .forwardDifference), killedBy: ["1.6a"]),
        mutant("centred differences divided by h", NumericalGradientSlip(slip: .dividesByH), killedBy: ["1.6a"]),
        mutant("numerical gradient ignores the given h", NumericalGradientSlip(slip: .ignoresStep), killedBy: ["1.6a"]),
        mutant("all +h evaluations first, then all −h", NumericalGradientSlip(slip: .allPlusFirst), killedBy: ["1.6a"]),
        mutant("norm-wise relative error", GradientErrorSlip(slip: .normwise), killedBy: ["1.6b"]),
        mutant("mean relative error", GradientErrorSlip(slip: .mean), killedBy: ["1.6b"]),
        mutant("relative error ignores the floor", GradientErrorSlip(slip: .ignoresFloor), killedBy: ["1.6b"]),
        mutant("relative error divides by |b| only", GradientErrorSlip(slip: .overBOnly), killedBy: ["1.6b"]),
    ]

    func testEveryCheckRejectsAMutantAndPassesTheReference() {
        assertGraderRejects(Self.mutants, module: 1)
    }

    /// A stub is "not started", never "failed" or "passed", and its message names the file.
    func testStubIsReportedAsNotStarted() {
        struct Stub: DelegatingLayers {
            func reluForward(_ x: Tensor) throws -> Tensor { throw NotImplemented("1.2") }
        }
        let r = Catalog.checks(forExercise: "1.2")[0].run(Implementations.reference.with(layers: Stub()))
        XCTAssertEqual(r.status, .notStarted)
        XCTAssertTrue(r.message.contains("Exercise 1.2 not started — Exercises/01-Layers/ReLU.swift"), r.message)
    }

    /// A failure says what was expected, what came out, the tolerance and a hint.
    func testFailureMessageHasExpectedGotToleranceAndHint() {
        let r = Catalog.checks(forExercise: "1.1")[0].run(Implementations.reference.with(layers: LinearNoBias()))
        XCTAssertEqual(r.status, .failed)
        for part in ["expected:", "got:", "tolerance:", "hint:"] {
            XCTAssertTrue(r.message.contains(part), "missing '\(part)' in: \(r.message)")
        }
    }
}
