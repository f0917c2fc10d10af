import Course
import Grading
import XCTest

/// Every lecture-5 check must reject at least one plausible wrong implementation.
final class ColorizationGraderTests: XCTestCase {
    static func mutant(_ name: String, _ impl: any ColorizationExercises, killedBy: [String]) -> Mutant {
        Mutant(name: name, killedBy: killedBy, impls: .reference.with(colorization: impl))
    }

    static let mutants: [Mutant] = [
        mutant("no gamma linearisation", LabNoGamma(), killedBy: ["5.1a", "5.1c"]),
        mutant("sRGB gamma without its linear segment", LabNoLinearSegment(), killedBy: ["5.1a"]),
        mutant("D50 white point", LabWhiteD50(), killedBy: ["5.1a", "5.1c"]),
        mutant("no white point (Xn = Zn = 1)", LabNoWhite(), killedBy: ["5.1a"]),
        mutant("f(t) = cube root everywhere (no linear branch near 0)", LabNoLinearF(), killedBy: ["5.1a", "5.1c"]),
        mutant("inverse without gamma encoding", SRGBNoGamma(), killedBy: ["5.1b", "5.1c"]),
        mutant("inverse with the D50 white", SRGBWhiteD50(), killedBy: ["5.1b", "5.1c"]),
        mutant("f⁻¹ = cube everywhere", SRGBNoLinearFInverse(), killedBy: ["5.1b", "5.1c"]),
        mutant("inverse clamped to [0, 1]", SRGBClamped(), killedBy: ["5.1b"]),
        mutant("bins by floor, not round", BinsFloor(), killedBy: ["5.2a"]),
        mutant("sweep divides by levels (never reaches 1)", BinsSweepMissesOne(), killedBy: ["5.2a"]),
        mutant("grid size hard-coded 10", BinsGridTen(), killedBy: ["5.2a"]),
        mutant("sweep levels ignored", BinsLevelsIgnored(), killedBy: ["5.2a"]),
        mutant("bins sorted by b first", BinsSortedByB(), killedBy: ["5.2b"]),
        mutant("bins repeated", BinsDuplicates(), killedBy: ["5.2b"]),
        mutant("k hard-coded 5", EncodeKIsFive(), killedBy: ["5.3a"]),
        mutant("σ hard-coded 5", EncodeSigmaIsFive(), killedBy: ["5.3a"]),
        mutant("kernel over all bins (k ignored)", EncodeAllBins(), killedBy: ["5.3a"]),
        mutant("soft encoding not normalised", EncodeUnnormalised(), killedBy: ["5.3a"]),
        mutant("Gaussian of the distance, not its square", EncodeDistanceNotSquared(), killedBy: ["5.3a"]),
        mutant("ties to the higher bin", EncodeTiesHigh(), killedBy: ["5.3b"]),
        mutant("exponent not shifted (0/0 far away)", EncodeNoShift(), killedBy: ["5.3c"]),
        mutant("no smoothing", RebalanceNoSmoothing(), killedBy: ["5.4a"]),
        mutant("σ in ab units", RebalanceSigmaInABUnits(), killedBy: ["5.4a"]),
        mutant("σ hard-coded 5", RebalanceSigmaIsFive(), killedBy: ["5.4a"]),
        mutant("smoothing divided by the kernel mass per bin", RebalanceEdgeNormalised(), killedBy: ["5.4a"]),
        mutant("λ ignored", RebalanceLambdaIgnored(), killedBy: ["5.4b"]),
        mutant("weights not normalised", RebalanceNotNormalised(), killedBy: ["5.4b"]),
        mutant("weights normalised to a plain mean of 1", RebalancePlainMeanOne(), killedBy: ["5.4b"]),
        mutant("weights from the raw prior", RebalanceRawPriorInWeights(), killedBy: ["5.4b"]),
        mutant("no weights", CEUnweighted(), killedBy: ["5.5a", "5.5b"]),
        mutant("weight of the predicted bin", CEWeightOfPredictedBin(), killedBy: ["5.5a"]),
        mutant("weight averaged over the soft target", CEWeightAveragedOverTargets(), killedBy: ["5.5a"]),
        mutant("mean over all P·Q entries", CEMeanOverEntries(), killedBy: ["5.5a", "5.5b"]),
        mutant("gradient without weights", CEGradientUnweighted(), killedBy: ["5.5b"]),
        mutant("tied target bins: the highest", CETiesHigh(), killedBy: ["5.5c"]),
        mutant("no max-subtraction", CENoShift(), killedBy: ["5.5d"]),
        mutant("softmax(z/T) instead of softmax(log z / T)", AnnealSoftmaxOfProbabilities(), killedBy: ["5.6a"]),
        mutant("T inverted (log z · T)", AnnealTemperatureInverted(), killedBy: ["5.6a"]),
        mutant("T hard-coded 0.38", AnnealTemperatureFixed(), killedBy: ["5.6a"]),
        mutant("annealed mean without max-subtraction", AnnealNoShift(), killedBy: ["5.6b"]),
        mutant("zero probabilities floored at 1e-4", AnnealZerosFloored(), killedBy: ["5.6a"]),
        mutant("L2 averaged over the 2P entries", L2MeanOverEntries(), killedBy: ["5.7a", "5.7b"]),
        mutant("L2 summed over positions", L2Summed(), killedBy: ["5.7a", "5.7b"]),
        mutant("L2 of the distance, not its square", L2Root(), killedBy: ["5.7a"]),
        mutant("gradient without the 2", L2GradientWithoutTwo(), killedBy: ["5.7b"]),
        mutant("gradient with the wrong sign", L2GradientSign(), killedBy: ["5.7b"]),
    ]

    func testEveryCheckRejectsAMutantAndPassesTheReference() {
        assertGraderRejects(Self.mutants, module: 5)
    }
}
