import Foundation
import RepLearn
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

    /// The instructor's edition has Solutions/; the student's (`replearn release`) does not.
    static let instructorEdition = FileManager.default.fileExists(atPath: ProjectPaths.file("Solutions").path)

    /// In the student's edition, whatever needs the reference says in one line that it is not there.
    func assertNotInThisEdition(_ args: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let r = try replearn(args)
        XCTAssertNotEqual(r.status, 0, file: file, line: line)
        XCTAssertTrue(r.stderr.contains("not in this edition") || r.stderr.contains("already the student's edition")
                      || r.stderr.contains("instructor's edition"), r.stderr, file: file, line: line)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr, file: file, line: line)
    }

    func testReferenceGradeFits80ColumnsExitsZeroAndDrawsNoProgressInALog() throws {
        guard Self.instructorEdition else {
            for args in [["grade", "--impl", "reference"], ["list", "--impl", "reference"], ["run", "layers", "--impl", "reference"]] { try assertNotInThisEdition(args) }
            return
        }
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

    /// `replearn release`: the package without Solutions/ and the grader's own tests, switched
    /// to the student's edition. (Building and testing it is a CI step: .ci/run.)
    func testReleaseWritesTheStudentsEdition() throws {
        let out = tmp.appendingPathComponent("edition")
        guard Self.instructorEdition else { return try assertNotInThisEdition(["release", "--out", out.path]) }
        let r = try replearn(["release", "--out", out.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let fm = FileManager.default
        for gone in ["Solutions", "Tests/GraderTests", "Tests/HostileWorker", "Sources/Workers/Reference", ".build", ".git"] {
            XCTAssertFalse(fm.fileExists(atPath: out.appendingPathComponent(gone).path), "\(gone) is in the student's edition")
        }
        for kept in ["Exercises/01-Layers/Linear.swift", "Sources/Grading/Core/Check.swift", "Tests/ExerciseTests/GradeExercise.swift", "Lectures"] {
            XCTAssertTrue(fm.fileExists(atPath: out.appendingPathComponent(kept).path), "\(kept) is missing")
        }
        let manifest = try String(contentsOf: out.appendingPathComponent("Package.swift"), encoding: .utf8)
        XCTAssertTrue(manifest.contains("let instructorEdition = false") && !manifest.contains("let instructorEdition = true"))
        let again = try replearn(["release", "--out", out.path])
        XCTAssertNotEqual(again.status, 0)
        XCTAssertTrue(again.stderr.contains("not empty") && again.stderr.split(separator: "\n").count == 1, again.stderr)
    }

    /// `replearn autograder`: a zip with setup.sh and run_autograder at its root and the student's
    /// edition beside them; both scripts parse. (Grading the reference and the stubs from an unpacked
    /// bundle is a CI step: .ci/run.)
    func testAutograderBundle() throws {
        let zip = tmp.appendingPathComponent("autograder.zip")
        guard Self.instructorEdition else { return try assertNotInThisEdition(["autograder", "--out", zip.path]) }
        let r = try replearn(["autograder", "--out", zip.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let unzip = Process()
        unzip.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        unzip.arguments = ["-q", zip.path, "-d", tmp.appendingPathComponent("source").path]
        try unzip.run(); unzip.waitUntilExit()
        let source = tmp.appendingPathComponent("source")
        for name in ["setup.sh", "run_autograder"] {
            let script = source.appendingPathComponent(name)
            XCTAssertTrue(FileManager.default.isExecutableFile(atPath: script.path), "\(name) is not executable")
            let bash = Process()
            bash.executableURL = URL(fileURLWithPath: "/bin/bash")
            bash.arguments = ["-n", script.path]
            try bash.run(); bash.waitUntilExit()
            XCTAssertEqual(bash.terminationStatus, 0, "\(name) does not parse")
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: source.appendingPathComponent("replearn/Package.swift").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: source.appendingPathComponent("replearn/Solutions").path))
        let run = try String(contentsOf: source.appendingPathComponent("run_autograder"), encoding: .utf8)
        XCTAssertTrue(run.contains("REPLEARN_WORKER_USER=replearn-student") && run.contains("results.json"))
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
