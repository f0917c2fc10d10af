import Course
import Grading
import XCTest

/// Every lecture-9 check must reject at least one plausible wrong implementation.
final class TransferGraderTests: XCTestCase {
    static func mutant(_ name: String, _ impl: any TransferExercises, killedBy: [String]) -> Mutant {
        Mutant(name: name, killedBy: killedBy, impls: .reference.with(transfer: impl))
    }

    // Rules (GradingConventions): 1 parameters at several values, 2 data that separates, 3 documented behaviour.
    static let mutants: [Mutant] = [
        mutant("bias penalised too", ProbeLossSlip(slip: .biasPenalised), killedBy: ["9.1a"]),
        mutant("penalty λ‖W‖² without the ½", ProbeLossSlip(slip: .penaltyWithoutHalf), killedBy: ["9.1a"]),
        mutant("loss summed over examples", ProbeLossSlip(slip: .summed), killedBy: ["9.1a"]),
        mutant("lecture 1's sign: softmax of −s", ProbeLossSlip(slip: .lectureOneSign), killedBy: ["9.1a"]),
        mutant("gradient without the penalty term", ProbeLossSlip(slip: .gradientWithoutPenalty), killedBy: ["9.1a"]),
        mutant("training ignores `steps`", TrainProbeSlip(slip: .ignoresSteps), killedBy: ["9.1b"]),
        mutant("training ignores λ", TrainProbeSlip(slip: .ignoresPenalty), killedBy: ["9.1b"]),
        mutant("one step short", TrainProbeSlip(slip: .oneStepShort), killedBy: ["9.1b"]),
        mutant("training from a random start", TrainProbeSlip(slip: .randomStart), killedBy: ["9.1b"]),
        mutant("frozen velocity still updated", GroupStepSlip(slip: .frozenVelocityUpdated), killedBy: ["9.2a"]),
        mutant("frozen parameter moves by momentum", GroupStepSlip(slip: .frozenMovesByMomentum), killedBy: ["9.2a"]),
        mutant("per-group scale ignored", GroupStepSlip(slip: .scaleIgnored), killedBy: ["9.2a"]),
        mutant("decoupled weight decay", GroupStepSlip(slip: .decoupledDecay), killedBy: ["9.2a"]),
        mutant("step with the old velocity", GroupStepSlip(slip: .stepWithOldVelocity), killedBy: ["9.2a"]),
        mutant("re-initialise the bottom k layers", ReinitSlip(slip: .bottomLayers), killedBy: ["9.3a"]),
        mutant("bound 1/√fan_out", ReinitSlip(slip: .fanOut), killedBy: ["9.3a"]),
        mutant("bias not re-initialised", ReinitSlip(slip: .biasKept), killedBy: ["9.3a"]),
        mutant("bias drawn before the weights", ReinitSlip(slip: .biasFirst), killedBy: ["9.3a"]),
        mutant("RDM from cosines (rows not centred)", RDMCosine(), killedBy: ["9.4a"]),
        mutant("RDM of Euclidean distances", RDMEuclidean(), killedBy: ["9.4a"]),
        mutant("RSA with the diagonal", RSASlip(slip: .diagonalIncluded), killedBy: ["9.4b"]),
        mutant("RSA by Pearson", RSASlip(slip: .pearson), killedBy: ["9.4b"]),
        mutant("RSA with ordinal ranks for ties", RSASlip(slip: .ordinalRanks), killedBy: ["9.4b"]),
        mutant("CKA without centring", CKASlip(slip: .noCentring), killedBy: ["9.4c"]),
        mutant("CKA numerator not squared", CKASlip(slip: .numeratorNotSquared), killedBy: ["9.4c"]),
        mutant("few labels drawn with replacement", FewLabelSlip(slip: .withReplacement), killedBy: ["9.5a"]),
        mutant("the first k of each class, unshuffled", FewLabelSlip(slip: .noShuffle), killedBy: ["9.5a"]),
        mutant("a full shuffle (other draws)", FewLabelSlip(slip: .fullShuffle), killedBy: ["9.5a"]),
        mutant("a class with fewer than k: no error", FewLabelSlip(slip: .noError), killedBy: ["9.5a"]),
        mutant("classes hard-coded to 4", FewLabelSlip(slip: .fourClasses), killedBy: ["9.5a"]),
    ]

    func testEveryCheckRejectsAMutantAndPassesTheReference() {
        assertGraderRejects(Self.mutants, module: 9)
    }
}
