import Course
import Grading
import XCTest

/// Every lecture-2 check must reject at least one plausible wrong implementation.
final class AutoencoderGraderTests: XCTestCase {
    static func mutant(_ name: String, _ impl: any AutoencoderExercises, killedBy: [String]) -> Mutant {
        Mutant(name: name, killedBy: killedBy, impls: .reference.with(autoencoders: impl))
    }

    static let mutants: [Mutant] = [
        mutant("covariance over n − 1", CovarianceSampleNormalisation(), killedBy: ["2.1b"]),
        mutant("no centring", CovarianceWithoutCentring(), killedBy: ["2.1a", "2.1b"]),
        mutant("PCA without centring", PCAWithoutCentring(), killedBy: ["2.2a"]),
        mutant("eigenvectors from the wrong end", PCAWrongEnd(), killedBy: ["2.2a"]),
        mutant("eigenvectors read as columns", PCAEigenvectorsAsColumns(), killedBy: ["2.2a"]),
        mutant("explained variance over the top k", RatioOverTopK(), killedBy: ["2.2b"]),
        mutant("encoder forgets the mean", EncodeWithoutMean(), killedBy: ["2.3a", "2.3b"]),
        mutant("decoder forgets the mean", DecodeWithoutMean(), killedBy: ["2.3b"]),
        mutant("gradient missing the factor 2", AEGradientMissingTwo(), killedBy: ["2.4b", "2.5a"]),
        mutant("loss summed, not averaged", AELossSummed(), killedBy: ["2.4a"]),
        mutant("gradient ascent", AEStepAscent(), killedBy: ["2.5a", "2.5b", "2.5c"]),
        mutant("D updated at the new E", AEStepSequential(), killedBy: ["2.5a"]),
        mutant("only the decoder learns", AEStepDecoderOnly(), killedBy: ["2.5a", "2.5c"]),
        mutant("angles in radians", AnglesInRadians(), killedBy: ["2.6a", "2.6b"]),
        mutant("angles without orthonormalising", AnglesWithoutOrthonormalising(), killedBy: ["2.6a", "2.6b"]),
        mutant("noise std σ²", NoiseStdSquared(), killedBy: ["2.7a"]),
        mutant("uniform noise", NoiseUniform(), killedBy: ["2.7a"]),
        mutant("denoising loss against the noisy input", DenoisingAgainstNoisy(), killedBy: ["2.7b"]),
        mutant("denoising loss reconstructs the clean input", DenoisingReconstructsClean(), killedBy: ["2.7b"]),
        // Issue 15: each closes one hole (rule 1: parameters at one value; 3: documented behaviour).
        mutant("PCA returns 3 components whatever k", PCAFixedK(), killedBy: ["2.2a"]),
        mutant("covariance divides by the example's n = 40", CovarianceFixedN(), killedBy: ["2.1b"]),
        mutant("step uses η = 0.05 whatever is given", AEStepFixedRate(), killedBy: ["2.5a"]),
        mutant("angles without clamping the cosines", AnglesUnclamped(), killedBy: ["2.6c"]),
        mutant("noise σ fixed at 0.3", NoiseFixedStd(), killedBy: ["2.7a"]),
    ]

    func testEveryCheckRejectsAMutantAndPassesTheReference() {
        assertGraderRejects(Self.mutants, module: 2)
    }
}
