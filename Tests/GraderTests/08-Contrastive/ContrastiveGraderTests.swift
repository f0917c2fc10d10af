import Course
import Grading
import XCTest

/// Every lecture-8 check must reject at least one plausible wrong implementation.
final class ContrastiveGraderTests: XCTestCase {
    static func mutant(_ name: String, _ impl: any ContrastiveExercises, killedBy: [String]) -> Mutant {
        Mutant(name: name, killedBy: killedBy, impls: .reference.with(contrastive: impl))
    }

    static let mutants: [Mutant] = [
        mutant("NCE logit without log ν", NCEVariant(mistake: .noNuInLogit), killedBy: ["8.1a", "8.1b", "8.1c"]),
        mutant("NCE noise term not weighted by ν", NCEVariant(mistake: .noNuWeight), killedBy: ["8.1a", "8.1b"]),
        mutant("NCE noise term summed over T_d", NCEVariant(mistake: .noiseOverDataCount), killedBy: ["8.1a"]),
        mutant("NCE noise density without its normaliser", NCEVariant(mistake: .unnormalisedNoise), killedBy: ["8.1a", "8.1c"]),
        mutant("NCE ∂/∂s off by ½", NCEVariant(mistake: .halfScaleGradient), killedBy: ["8.1b"]),
        mutant("NCE no gradient for c", NCEVariant(mistake: .noConstantGradient), killedBy: ["8.1b", "8.1c"]),
        mutant("NT-Xent self-similarity kept", NTXentVariant(mistake: .keepSelf), killedBy: ["8.2a", "8.2b"]),
        mutant("NT-Xent positives at the wrong offset", NTXentVariant(mistake: .adjacentPairs), killedBy: ["8.2a", "8.2b"]),
        mutant("NT-Xent τ applied twice", NTXentVariant(mistake: .tauTwice), killedBy: ["8.2a", "8.2b"]),
        mutant("NT-Xent no L2 normalisation", NTXentVariant(mistake: .noNormalisation), killedBy: ["8.2a", "8.2b"]),
        mutant("NT-Xent mean over N pairs, not 2N rows", NTXentVariant(mistake: .meanOverPairs), killedBy: ["8.2a", "8.2b"]),
        mutant("NT-Xent gradient not projected through the normalisation", NTXentVariant(mistake: .noProjection), killedBy: ["8.2b"]),
        mutant("alignment squared whatever α", AlignmentAlwaysSquared(), killedBy: ["8.3a"]),
        mutant("alignment summed", AlignmentSummed(), killedBy: ["8.3a"]),
        mutant("uniformity with i = j pairs", UniformityVariant(mistake: .includesSelfPairs), killedBy: ["8.3b"]),
        mutant("uniformity with unsquared distances", UniformityVariant(mistake: .distanceNotSquared), killedBy: ["8.3b"]),
        mutant("uniformity at t = 2 always", UniformityVariant(mistake: .fixedT), killedBy: ["8.3b"]),
        mutant("view noise not clamped", ViewVariant(mistake: .noClamp), killedBy: ["8.4a", "8.4c"]),
        mutant("view returns the input", ViewVariant(mistake: .unchanged), killedBy: ["8.4a"]),
        mutant("view ignores the crop settings", ViewVariant(mistake: .defaultCrop), killedBy: ["8.4b", "8.4c"]),
        mutant("view flips after rotating", ViewVariant(mistake: .flipAfterRotation), killedBy: ["8.4c"]),
        mutant("view rotates one way only", ViewVariant(mistake: .oneSidedRotation), killedBy: ["8.4c"]),
        mutant("view draws from its own generator", ViewVariant(mistake: .ownGenerator), killedBy: ["8.4c", "8.4d"]),
        mutant("rotations clockwise", RotationBatchVariant(mistake: .clockwise), killedBy: ["8.5a"]),
        mutant("rotation batch in rotation-major order", RotationBatchVariant(mistake: .rotationMajor), killedBy: ["8.5a"]),
        mutant("quarter turn as a transpose", RotationBatchVariant(mistake: .transposeForQuarterTurn), killedBy: ["8.5a"]),
        mutant("cross-entropy without the max shift", RotationLossNoMaxShift(), killedBy: ["8.5b"]),
        mutant("cross-entropy summed", RotationLossSummed(), killedBy: ["8.5b"]),
        mutant("cross-entropy gradient without 1/M", RotationGradientNotAveraged(), killedBy: ["8.5b"]),
    ]

    func testEveryCheckRejectsAMutantAndPassesTheReference() {
        assertGraderRejects(Self.mutants, module: 8)
    }
}
