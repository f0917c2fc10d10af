import Course
import Foundation
import Grading
import Probes
import XCTest

/// A student's code that cheats or breaks things (Tests/HostileWorker, mode in REPLEARN_HOSTILE)
/// earns nothing, cannot stall or crash the grader, and leaves no process behind.
final class HostileWorkerTests: XCTestCase {
    static let folder = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
    static let hostile = folder.appendingPathComponent("replearn-hostile-worker")

    /// Grades exercise `id` with the hostile worker in `mode`.
    func grade(_ mode: String, _ id: String = "1.1", timeLimit: Double = 20, limits: WorkerLimits = WorkerLimits(),
               env extra: [String: String] = [:]) throws -> [CheckResult] {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: Self.hostile.path), "hostile worker not built")
        setenv("REPLEARN_HOSTILE", mode, 1)
        for (k, v) in extra { setenv(k, v, 1) }
        defer { unsetenv("REPLEARN_HOSTILE"); for k in extra.keys { unsetenv(k) } }
        return IsolatedRunner(executable: Self.hostile, timeLimit: timeLimit, limits: limits).grade(exercise: id)
    }

    func assertNothingEarned(_ rs: [CheckResult], _ status: CheckStatus, file: StaticString = #filePath, line: UInt = #line) {
        let catalogue = Catalog.checks(forExercise: "1.1")
        XCTAssertEqual(rs.map(\.checkID), catalogue.map(\.id), file: file, line: line)
        XCTAssertEqual(rs.map(\.points), catalogue.map(\.points), "points come from the catalogue", file: file, line: line)
        XCTAssertEqual(rs.map(\.title), catalogue.map(\.title), "titles come from the catalogue", file: file, line: line)
        XCTAssertEqual(rs.map(\.status), Array(repeating: status, count: rs.count), "\(rs.map(\.message))", file: file, line: line)
        XCTAssertEqual(Scoreboard(rs).score, 0, file: file, line: line)
    }

    func testTheHonestHostileWorkerPasses() throws {
        let rs = try grade("honest")
        XCTAssertEqual(rs.map(\.status), [.passed, .passed, .passed], "\(rs.map(\.message))")
    }

    /// What gave `score 59 / 59` before: passed result lines on stdout, `"points": 1000`, then exit(0).
    func testPrintedFakeResultsAndExitZeroEarnNothing() throws {
        let rs = try grade("fake-lines")
        assertNothingEarned(rs, .crashed)
        XCTAssertTrue(rs[0].message.contains("exit code 0") && rs[0].message.contains("before returning the outputs of linearForward"), rs[0].message)
        XCTAssertEqual(Scoreboard(rs).maxScore, 3)
    }

    func testForgedResultsOnTheChannelAreMalformed() throws {
        for mode in ["fake-points", "trailing-bytes", "wrong-shape-count"] {
            let rs = try grade(mode)
            assertNothingEarned(rs, .crashed)
            XCTAssertTrue(rs[0].message.contains("malformed"), "\(mode): \(rs[0].message)")
        }
        let rs = try grade("oversized")
        assertNothingEarned(rs, .crashed)
        XCTAssertTrue(rs[0].message.contains("too large"), rs[0].message)
    }

    /// A well-formed forged answer is only an output: the grader judges it (and it is wrong).
    func testAForgedWellFormedAnswerIsJudgedLikeAnyOutput() throws {
        let rs = try grade("forge-wrong-answer")
        XCTAssertEqual(rs[0].status, .failed, rs[0].message)
        XCTAssertTrue(rs[0].message.contains("linearForward"), rs[0].message)
        XCTAssertEqual(Scoreboard(rs).score, Double(rs.dropFirst().filter { $0.status == .passed }.count))
    }

    func testTheGradersClosureIsCalledBackAcrossTheWire() throws {
        let rs = try grade("honest", "2.7")
        XCTAssertEqual(rs.map(\.status), [.notStarted, .passed], "\(rs.map(\.message))")
    }

    func testAWorkerThatCannotBeStartedIsAFailureNotASkip() throws {
        let rs = IsolatedRunner(executable: URL(fileURLWithPath: "/nonexistent/replearn-worker"), timeLimit: 5).grade(exercise: "1.1")
        XCTAssertEqual(rs.map(\.status), [.crashed, .crashed, .crashed])
        XCTAssertTrue(rs[0].message.contains("could not start"), rs[0].message)
    }
}
