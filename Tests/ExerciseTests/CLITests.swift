import Foundation
import XCTest

/// The `replearn` binary end to end (built next to this bundle): widths, exit codes, one-line
/// errors, quiet progress in logs, and the progress record after `--only`.
final class CLITests: XCTestCase {
    struct Outcome { let status: Int32; let stdout: String; let stderr: String }

    func replearn(_ arguments: [String]) throws -> Outcome {
        let binary = try XCTUnwrap(GradeExercise.cli, "the replearn binary is not next to the test bundle")
        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["COLUMNS"] = nil                             // not a terminal: 80 columns
        p.environment = env
        let (out, err) = (Pipe(), Pipe())
        p.standardOutput = out; p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Outcome(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    var tmp: URL!
    override func setUpWithError() throws {
        tmp = FileManager.default.temporaryDirectory.appendingPathComponent("replearn-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: tmp) }

    func testReferenceGradeFits80ColumnsExitsZeroAndDrawsNoProgressInALog() throws {
        for args in [["grade", "--impl", "reference", "--only", "1"], ["list", "--impl", "reference", "--all"]] {
            let r = try replearn(args)
            XCTAssertEqual(r.status, 0, "\(args): \(r.stderr)")
            for line in r.stdout.split(separator: "\n") { XCTAssertLessThanOrEqual(line.count, 80, "\(args): \(line)") }
            XCTAssertFalse(r.stderr.contains("grading"), "progress drawn into a log: \(r.stderr)")
        }
    }

    /// The exit status follows the results: 1 when a check failed, crashed or timed out, and with
    /// --strict also when one is not started. The progress record after `--only` updates that
    /// exercise and keeps the others.
    func testExitStatusAndProgressRecordAfterOnly() throws {
        let record = tmp.appendingPathComponent("progress.json"), report = tmp.appendingPathComponent("r.json")
        for (id, strict) in [("1.1", true), ("1.2", false)] {
            let r = try replearn(["grade", "--only", id, "--timeout", "10", "--json", report.path, "--progress-file", record.path] + (strict ? ["--strict"] : []))
            let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any])
            let outputs = (json["tests"] as? [[String: Any]] ?? []).map { ($0["status"] as? String ?? "", $0["output"] as? String ?? "") }
            let bad = outputs.contains { $0.0 != "passed" && (strict || !$0.1.hasPrefix("not started")) }
            XCTAssertEqual(r.status, bad ? 1 : 0, "exercise \(id), strict \(strict): \(r.stdout)")
            XCTAssertTrue(r.stdout.contains("swift run replearn hint") || !r.stdout.contains("Next:"), r.stdout)
        }
        let states = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: record)) as? [String: Any])["states"] as? [String: String]
        XCTAssertEqual(Set(states?.keys.map { $0 } ?? []), ["1.1", "1.2"], "the record after two --only runs")
    }

    /// Four graders at once on one progress record and one results.json: every file is whole
    /// JSON afterwards, and no temporary is left behind.
    func testFourGradersAtOnceLeaveWholeFiles() throws {
        let binary = try XCTUnwrap(GradeExercise.cli)
        let record = tmp.appendingPathComponent("progress.json"), report = tmp.appendingPathComponent("r.json")
        let ps = (0..<4).map { i -> Process in
            let p = Process()
            p.executableURL = binary
            p.arguments = ["grade", "--only", ["1.1", "1.2", "1.3", "1.4"][i], "--json", report.path, "--progress-file", record.path, "--brief"]
            p.standardOutput = FileHandle.nullDevice; p.standardError = FileHandle.nullDevice
            return p
        }
        for p in ps { try p.run() }
        for p in ps { p.waitUntilExit() }
        for url in [record, report] {
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(contentsOf: url)), url.lastPathComponent)
        }
        let states = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: record)) as? [String: Any])["states"] as? [String: String]
        XCTAssertEqual(Set(states?.keys.map { $0 } ?? []), ["1.1", "1.2", "1.3", "1.4"], "the lock lets each grader add its exercise")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: tmp.path).filter { $0.contains(".tmp-") }, [])
    }

    func testUnknownModuleOrWorkloadIsOneLine() throws {
        for (args, word) in [(["run", "nosuchmodule"], "nosuchmodule"), (["bench", "nosuch"], "nosuch"), (["walk", "nosuch"], "nosuch"),
                            (["bench", "--runs", "0"], "0"), (["bench", "--runs=-1"], "-1"), (["bench", "sgemm", "nosuch"], "nosuch"),
                            (["grade", "--json", "/proc/nope/r.json"], "/proc/nope"), (["run", "layers", "--out", "/proc/nope"], "/proc/nope"),
                            (["grade", "--timeout", "nan"], "nan"), (["grade", "--timeout", "0"], "0"), (["grade", "--timeout=-1"], "-1")] {
            let r = try replearn(args)
            XCTAssertNotEqual(r.status, 0, "\(args)")
            let lines = (r.stdout + r.stderr).split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            XCTAssertEqual(lines.count, 1, "\(args): \(lines)")
            XCTAssertTrue(lines.first?.contains(word) == true && lines.first?.contains("[") == false, "\(args): \(lines)")
        }
    }
}
