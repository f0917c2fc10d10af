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

    /// What Swift's backtracer prints for an index out of range in a student's ReLU (abridged).
    static let backtrace = """
    Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range

    *** Signal 4: Backtracing from 0x7f564a96df7f... done ***

    *** Program crashed: Illegal instruction at 0x00007f564a96df7f ***

    Thread 0 "replearn" crashed:

      0               0x00007f564a96df7f closure #1 in closure #1 in _assertionFailure(_:_:file:line:flags:) + 623 in libswiftCore.so
      1 [ra]          0x00007f564aaf961f _assertionFailure(_:_:file:line:flags:) + 302 in libswiftCore.so
      2 [ra]          0x00007f564afa7226 specialized Array.subscript.getter + 85 in libswiftSwiftOnoneSupport.so
      3 [ra]          0x000055b35337a17e StudentLayers.reluForward(_:) + 461 in replearn at /home/me/RepLearn/Exercises/01-Layers/ReLU.swift:9:56
      4 [ra] [thunk]  0x000055b35337b40f protocol witness for LayersExercises.reluForward(_:) in conformance StudentLayers + 14 in replearn at //<compiler-generated>
      5 [ra]          0x000055b3533b8680 closure #1 in variable initialization expression of static LayersChecks.relu + 319 in replearn at /home/me/RepLearn/Sources/Grading/01-Layers/LayersChecks.swift:61:30
    """

    func testCrashSiteIsTheFirstFrameInTheStudentsCode() throws {
        let site = try XCTUnwrap(IsolatedRunner.crashSite(Self.backtrace))
        XCTAssertEqual(site, IsolatedRunner.CrashSite(file: "Exercises/01-Layers/ReLU.swift", line: 9, function: "StudentLayers.reluForward(_:)"))
        let report = IsolatedRunner.crashReport(Self.backtrace, file: "Exercises/01-Layers/ReLU.swift")
        XCTAssertTrue(report.hasPrefix("at Exercises/01-Layers/ReLU.swift:9 in StudentLayers.reluForward(_:)\nFatal error: Index out of range"), report)
        XCTAssertLessThanOrEqual(report.split(separator: "\n").count, 4, report)
        XCTAssertNil(IsolatedRunner.crashSite("Fatal error: Index out of range\n"))
    }

    /// A crashed worker's message names the file and line (the worker's backtrace is read from its stderr).
    func testCrashMessageNamesFileAndLine() throws {
        let trace = FileManager.default.temporaryDirectory.appendingPathComponent("replearn-trace-\(UUID().uuidString)")
        try Self.backtrace.write(to: trace, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: trace) }
        let runner = IsolatedRunner(executable: URL(fileURLWithPath: "/bin/sh"), timeLimit: 10) { _ in
            ["-c", "cat '\(trace.path)' >&2; kill -ILL $$"]
        }
        let rs = runner.grade(exercise: "1.2")
        XCTAssertEqual(rs[0].status, .crashed)
        XCTAssertTrue(rs[0].message.contains("at Exercises/01-Layers/ReLU.swift:9 in StudentLayers.reluForward(_:)"), rs[0].message)
        XCTAssertTrue(rs[0].message.contains("Index out of range"), rs[0].message)
    }

    /// Graded children run with Swift's backtracer on (it symbolicates in the child), terse and on stderr.
    func testWorkerRunsWithTheSymbolicatingBacktracer() throws {
        let runner = IsolatedRunner(executable: URL(fileURLWithPath: "/bin/sh"), timeLimit: 10) { _ in
            ["-c", "echo \"$SWIFT_BACKTRACE\" >&2; exit 3"]
        }
        let m = runner.grade(exercise: "1.2")[0].message
        XCTAssertTrue(m.contains("enable=yes") && m.contains("interactive=no") && m.contains("output-to=stderr"), m)
    }
}
