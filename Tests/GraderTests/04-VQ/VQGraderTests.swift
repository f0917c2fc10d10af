import Course
import Grading
import XCTest

/// Every lecture-4 check must reject at least one plausible wrong implementation.
final class VQGraderTests: XCTestCase {
    static func mutant(_ name: String, _ impl: any VQExercises, killedBy: [String]) -> Mutant {
        Mutant(name: name, killedBy: killedBy, impls: .reference.with(vq: impl))
    }

    static let mutants: [Mutant] = [
        mutant("farthest code", QuantizeArgmax(), killedBy: ["4.1a"]),
        mutant("z_q not snapped to the codebook", QuantizeNoSnap(), killedBy: ["4.1a"]),
        mutant("total without β", LossTotalWithoutBeta(), killedBy: ["4.2a"]),
        mutant("losses summed, not averaged", LossSummed(), killedBy: ["4.2a"]),
        mutant("no stop-gradient", BackwardNoStopGradient(), killedBy: ["4.3a", "4.3c"]),
        mutant("gradient not passed straight through", BackwardNotStraightThrough(), killedBy: ["4.3b"]),
        mutant("β on the wrong term", BackwardBetaOnWrongTerm(), killedBy: ["4.3a", "4.3c"]),
        mutant("decoder gradient into the codebook", BackwardGradientIntoCodebook(), killedBy: ["4.3b"]),
        mutant("perplexity = codes in use", PerplexityAsUsedCount(), killedBy: ["4.4a"]),
        mutant("perplexity from entropy in bits", PerplexityMixedBases(), killedBy: ["4.4a"]),
        mutant("re-initialise every code", ReinitAllCodes(), killedBy: ["4.5a"]),
        mutant("dead codes to the origin", ReinitToZero(), killedBy: ["4.5a"]),
        // Issue 15: each closes one hole (rule 2: data that hid the bug; 1: parameters at one value).
        mutant("quantize never picks the last code", QuantizeSkipsLastCode(), killedBy: ["4.1a"]),
        mutant("quantize ties to the highest index", QuantizeTiesHighest(), killedBy: ["4.1a"]),
        mutant("losses re-quantize, ignoring the given indices", LossesRequantize(), killedBy: ["4.2a"]),
        mutant("losses with β = 0.25 hard-coded", LossesFixedBeta(), killedBy: ["4.2a"]),
        mutant("backward re-quantizes, ignoring the given indices", BackwardRequantizes(), killedBy: ["4.3a"]),
        mutant("backward with β = 0.25 hard-coded", BackwardFixedBeta(), killedBy: ["4.3a"]),
        mutant("dead-code scan skips code 0", ReinitSkipsCodeZero(), killedBy: ["4.5a"]),
        mutant("a draw for every code, used only for dead ones", ReinitDrawsForEveryCode(), killedBy: ["4.5a"]),
    ]

    /// Correct implementations written differently from the reference: every check must pass them.
    static let alternatives: [(String, any VQExercises)] = [
        ("perplexity in Float arithmetic", PerplexityInFloat()),
    ]

    func testCorrectAlternativesPass() {
        for (name, impl) in Self.alternatives {
            for check in Catalog.checks where check.exerciseID.hasPrefix("4.") {
                let r = check.run(Implementations.reference.with(vq: impl))
                XCTAssertEqual(r.status, .passed, "\(name): \(check.id) \(r.message)")
            }
        }
    }

    func testEveryCheckRejectsAMutantAndPassesTheReference() {
        assertGraderRejects(Self.mutants, module: 4)
    }
}
