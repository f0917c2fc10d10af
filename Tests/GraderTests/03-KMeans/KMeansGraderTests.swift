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
    ]

    func testEveryCheckRejectsAMutantAndPassesTheReference() {
        assertGraderRejects(Self.mutants, module: 3)
    }
}
