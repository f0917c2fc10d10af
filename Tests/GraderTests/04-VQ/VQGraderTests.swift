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
    ]

    func testEveryCheckRejectsAMutantAndPassesTheReference() {
        assertGraderRejects(Self.mutants, module: 4)
    }
}
