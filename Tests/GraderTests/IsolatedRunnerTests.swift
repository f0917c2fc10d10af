import Course
import Foundation
import Grading
import XCTest

/// The CLI's per-exercise processes: a crash or a hang is reported, results before it are kept.
final class IsolatedRunnerTests: XCTestCase {
    func result(_ check: AnyCheck, _ status: CheckStatus) throws -> String {
        let r = CheckResult(checkID: check.id, exerciseID: check.exerciseID, title: check.title,
                            points: check.points, status: status, message: "")
        return IsolatedRunner.workerMarker + String(decoding: try JSONEncoder().encode(r), as: UTF8.self)
    }

    func testCrashKeepsEarlierResultsAndReportsTheRest() throws {
        let checks = Catalog.checks(forExercise: "1.1")
        let line = try result(checks[0], .passed)
        let runner = IsolatedRunner(executable: URL(fileURLWithPath: "/bin/sh"), timeLimit: 10) { _ in
            ["-c", "echo '\(line)'; echo 'Fatal error: Index out of range' >&2; kill -SEGV $$"]
        }
        let rs = runner.grade(exercise: "1.1")
        XCTAssertEqual(rs.map(\.status), [.passed] + Array(repeating: .crashed, count: checks.count - 1))
        XCTAssertTrue(rs[1].message.contains("Index out of range"), rs[1].message)
        XCTAssertTrue(rs[1].message.contains("Exercises/01-Layers/Linear.swift"), rs[1].message)
    }

    /// A worker that never finishes is reported as timed out, and its whole process group
    /// (here a shell and its `sleep` child) is gone afterwards.
    func testEndlessLoopTimesOutAndIsKilled() throws {
        let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent("replearn-loop-\(UUID().uuidString)")
        let runner = IsolatedRunner(executable: URL(fileURLWithPath: "/bin/sh"), timeLimit: 0.5) { _ in
            ["-c", "sleep 30 & echo $! > '\(pidFile.path)'; wait"]
        }
        let rs = runner.grade(exercise: "1.2")
        XCTAssertTrue(rs.allSatisfy { $0.status == .timedOut }, "\(rs.map(\.status))")
        XCTAssertTrue(rs[0].message.contains("Exercises/01-Layers/ReLU.swift"), rs[0].message)
        let pid = Int32(try String(contentsOf: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines))!
        // SIGKILL is delivered asynchronously: give the child a moment to finish dying. Dead means
        // gone, or a zombie waiting for init to reap it ("Z" in /proc/PID/stat).
        func state() -> String {
            if kill(pid, 0) == -1 { return "gone" }
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            return stat.split(separator: ")").last?.split(separator: " ").first.map(String.init) ?? "gone"
        }
        var s = state()
        for _ in 0..<100 where s != "gone" && s != "Z" { usleep(20_000); s = state() }
        XCTAssertTrue(s == "gone" || s == "Z", "the worker's child \(pid) survived the time-out (state \(s))")
        try? FileManager.default.removeItem(at: pidFile)
    }
}
