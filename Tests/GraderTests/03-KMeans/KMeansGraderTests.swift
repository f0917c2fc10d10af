import Course
import Grading
import XCTest

/// Every lecture-3 check must reject at least one plausible wrong implementation.
final class KMeansGraderTests: XCTestCase {
    static func mutant(_ name: String, _ impl: any KMeansExercises, killedBy: [String]) -> Mutant {
        Mutant(name: name, killedBy: killedBy, impls: .reference.with(kmeans: impl))
    }

    static let mutants: [Mutant] = [
        mutant("distances without ‖c‖²", DistancesWithoutCenterNorm(), killedBy: ["3.1a"]),
        mutant("arg-max assignment", AssignArgmax(), killedBy: ["3.1b", "3.5a", "3.5b"]),
        mutant("assignment by dot product", AssignByDotProduct(), killedBy: ["3.1b"]),
        mutant("update with sum, not mean", UpdateWithSum(), killedBy: ["3.2a", "3.5b"]),
        mutant("empty cluster → NaN", UpdateEmptyIsNaN(), killedBy: ["3.2b"]),
        mutant("empty cluster → origin", UpdateEmptyIsZero(), killedBy: ["3.2b"]),
        mutant("objective averaged", ObjectiveMean(), killedBy: ["3.3a"]),
        mutant("objective without squares", ObjectiveUnsquared(), killedBy: ["3.3a"]),
        mutant("k-means++ uniform", PlusPlusUniform(), killedBy: ["3.4a"]),
        mutant("k-means++ ∝ D", PlusPlusProportionalToD(), killedBy: ["3.4a"]),
        mutant("k-means++ with stale distances", PlusPlusStaleDistances(), killedBy: ["3.4b"]),
        mutant("a single update, no loop", LoopSingleIteration(), killedBy: ["3.5a"]),
        mutant("one-hot off by one", OneHotOffByOne(), killedBy: ["3.6a", "3.6b"]),
        mutant("decode with centres transposed", DecodeTransposed(), killedBy: ["3.6b"]),
        // Issue 15: each closes one hole (rule 2: data that hid the bug; 1: parameters; 3: documented behaviour).
        mutant("ties to the highest index", AssignTiesHighest(), killedBy: ["3.1d"]),
        mutant("distances not clamped at 0", DistancesNoClamp(), killedBy: ["3.1c"]),
        mutant("update re-assigns instead of using the given assignment", UpdateReassigns(), killedBy: ["3.2a"]),
        mutant("objective of the nearest centres, not the given assignment", ObjectiveNearest(), killedBy: ["3.3a"]),
        mutant("k-means++ with ΣD² = 0 always picks the first row", PlusPlusDegenerate(pickLast: false), killedBy: ["3.4c"]),
        mutant("k-means++ with ΣD² = 0 always picks the last row", PlusPlusDegenerate(pickLast: true), killedBy: ["3.4c"]),
        mutant("loop ignores maxIterations", LoopBookkeeping(slip: .ignoresMaxIterations), killedBy: ["3.5c"]),
        mutant("objective recorded before the update", LoopBookkeeping(slip: .objectiveBeforeUpdate), killedBy: ["3.5c"]),
        mutant("iterations counts the assignments", LoopBookkeeping(slip: .countsAssignments), killedBy: ["3.5c"]),
        mutant("one update more than maxIterations", LoopBookkeeping(slip: .oneUpdateTooMany), killedBy: ["3.5c"]),
        mutant("one-hot width from the data, not k", OneHotColumnsFromData(), killedBy: ["3.6a"]),
    ]

    func testEveryCheckRejectsAMutantAndPassesTheReference() {
        assertGraderRejects(Self.mutants, module: 3)
    }
}
