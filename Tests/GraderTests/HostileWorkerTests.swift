import Course
import Foundation
import Grading
import Probes
import RepLearn
import Solutions
import XCTest

/// A student's code that cheats or breaks things (Tests/HostileWorker, mode in REPLEARN_HOSTILE)
/// earns nothing, cannot stall or crash the grader, and leaves no process behind.
final class HostileWorkerTests: XCTestCase {
    static let folder = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
    static let hostile = folder.appendingPathComponent("replearn-hostile-worker")

    /// Grades exercise `id` with the hostile worker in `mode`.
    func grade(_ mode: String, _ id: String = "1.1", timeLimit: Double = 20, limits: WorkerLimits = WorkerLimits(),
               env extra: [String: String] = [:]) throws -> [CheckResult] {
        try Self.grade(mode, id, timeLimit: timeLimit, limits: limits, env: extra)
    }

    static func grade(_ mode: String, _ id: String = "1.1", timeLimit: Double = 20, limits: WorkerLimits = WorkerLimits(),
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

    /// An honest mistake reads the same through the worker as in process: the wire carries the
    /// outputs exactly (bit patterns), and the message is made by the same check.
    func testAWrongAnswerReadsTheSameAsInProcess() throws {
        /// The hostile worker's "no-bias" mode, in process: only 1.1a runs, so only linearForward matters.
        struct NoBias: DelegatingLayers {
            func linearForward(_ x: Tensor, weight: Tensor, bias: Tensor) throws -> Tensor { try Tensor.matmul(x, try weight.transposed()) }
        }
        let check = try XCTUnwrap(Catalog.checks(forExercise: "1.1").first)
        let local = check.run(Implementations.reference.with(layers: NoBias()))
        let remote = try grade("no-bias")[0]
        XCTAssertEqual(remote.status, .failed)
        XCTAssertEqual(remote.message, local.message)
        XCTAssertTrue(remote.message.contains("expected:") && remote.message.contains("hint:"), remote.message)
    }

    func testTheGradersClosureIsCalledBackAcrossTheWire() throws {
        let rs = try grade("honest", "2.7")
        XCTAssertEqual(rs.map(\.status), [.notStarted, .passed], "\(rs.map(\.message))")
    }

    /// The autograder runs the student's code as an unprivileged user (REPLEARN_WORKER_USER).
    func testTheWorkerRunsAsTheUnprivilegedUserWhenAsked() throws {
        guard getuid() == 0, getpwnam("nobody") != nil else { print("not root or no user 'nobody': nothing to switch to"); return }
        let rs = try grade("uid", env: ["REPLEARN_WORKER_USER": "nobody"])
        let nobody = getpwnam("nobody")!.pointee.pw_uid
        XCTAssertTrue(rs[0].message.contains("uid=\(nobody)"), rs[0].message)
    }

    func testAWorkerThatCannotBeStartedIsAFailureNotASkip() throws {
        let rs = IsolatedRunner(executable: URL(fileURLWithPath: "/nonexistent/replearn-worker"), timeLimit: 5).grade(exercise: "1.1")
        XCTAssertEqual(rs.map(\.status), [.crashed, .crashed, .crashed])
        XCTAssertTrue(rs[0].message.contains("could not start"), rs[0].message)
    }
}

/// The machine survives the student: memory, CPU, files and output are bounded, stuck and
/// crashed workers are reported in words, and nothing the worker started outlives the grading.
final class WorkerLimitTests: XCTestCase {

    static func residentMiB() -> Double {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return (Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
    }
    static func childrenMaxRSSMiB() -> Double {
        var u = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &u)
        return Double(u.ru_maxrss) / 1024
    }

    /// The forgotten `i += 1` grew to 1.3 GB in 5 s; now the worker stops at its address-space limit.
    func testAnAllocationLoopStopsAtTheMemoryLimit() throws {
        var limits = WorkerLimits()
        limits.memory = 1 << 30
        let start = Date()
        let rs = try HostileWorkerTests.grade("alloc", limits: limits)
        XCTAssertEqual(rs[0].status, .crashed)
        XCTAssertTrue(rs[0].message.contains("exceeded the memory limit (1 GiB)"), rs[0].message)
        print("memory: the allocation loop stopped after \(String(format: "%.1f", Date().timeIntervalSince(start))) s; "
              + "largest worker resident size \(Int(Self.childrenMaxRSSMiB())) MiB (limit: 1 GiB of data)")
    }

    /// An endless print loop took the grader to 2 GB in 6 s; now the grader keeps the last 16 KiB
    /// and stops the worker past the output limit.
    func testEndlessPrintingIsStoppedAndTheGraderStaysSmall() throws {
        let before = Self.residentMiB(), start = Date()
        let rs = try HostileWorkerTests.grade("print-forever")
        let grew = Self.residentMiB() - before
        XCTAssertEqual(rs[0].status, .crashed)
        XCTAssertTrue(rs[0].message.contains("output limit exceeded"), rs[0].message)
        XCTAssertLessThan(grew, 64, "the grader grew by \(grew) MiB")
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
        print("output: stopped after \(String(format: "%.2f", Date().timeIntervalSince(start))) s at the 8 MiB limit; "
              + "the grader's resident size grew by \(String(format: "%.1f", max(grew, 0))) MiB")
    }

    func testAnEndlessLoopTimesOut() throws {
        let rs = try HostileWorkerTests.grade("spin", timeLimit: 1)
        XCTAssertEqual(rs.map(\.status), [.timedOut, .timedOut, .timedOut])
        XCTAssertTrue(rs[0].message.contains("no result within 1 s — an endless loop? (Exercises/01-Layers/Linear.swift)"), rs[0].message)
    }

    func testCPUAndFileSizeLimitsAreReportedInWords() throws {
        var limits = WorkerLimits()
        limits.cpu = 1
        let cpu = try HostileWorkerTests.grade("spin", timeLimit: 30, limits: limits)
        XCTAssertTrue(cpu[0].status == .crashed && cpu[0].message.contains("exceeded the CPU time limit"), cpu[0].message)

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("replearn-big-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        limits = WorkerLimits()
        limits.fileSize = 8 << 20
        let big = try HostileWorkerTests.grade("big-file", limits: limits, env: ["REPLEARN_MARKER": file.path])
        XCTAssertTrue(big[0].status == .crashed && big[0].message.contains("exceeded the file size limit (8 MiB)"), big[0].message)
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        XCTAssertLessThanOrEqual(size ?? 0, 8 << 20)
    }

    /// Crashes that print no message used to show only "signal 4" / "signal 11".
    func testSilentCrashesAreNamed() throws {
        let trap = try HostileWorkerTests.grade("overflow")
        XCTAssertTrue(trap[0].status == .crashed && trap[0].message.contains("runtime trap (overflow, force-unwrap of nil, …)"), trap[0].message)
        let deep = try HostileWorkerTests.grade("recursion")
        XCTAssertTrue(deep[0].status == .crashed && deep[0].message.contains("stack overflow — unbounded recursion?"), deep[0].message)
    }

    /// Grandchildren started with Process, or detached with setsid, no longer hold the results
    /// hostage, and none survives the grading.
    func testGrandchildrenNeitherHoldTheResultsNorSurvive() throws {
        let marker = "replearn-grandchild-\(UUID().uuidString.prefix(8))"
        let rs = try HostileWorkerTests.grade("grandchildren", env: ["REPLEARN_MARKER": marker])
        XCTAssertEqual(rs.map(\.status), [.passed, .passed, .passed], "\(rs.map(\.message))")
        var alive: [String] = []
        for _ in 0..<50 {
            alive = Self.processes(containing: marker)
            if alive.isEmpty { break }
            usleep(20_000)
        }
        XCTAssertEqual(alive, [], "processes the worker started are still running")
    }

    /// Command lines of live (not zombie) processes that contain `marker`.
    static func processes(containing marker: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { pid in
            guard pid.first?.isNumber == true,
                  let cmd = try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline")), !cmd.isEmpty else { return nil }
            let line = String(decoding: cmd.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            let state = stat.split(separator: ")").last?.split(separator: " ").first ?? "?"
            return line.contains(marker) && state != "Z" ? "\(pid): \(line)" : nil
        }
    }

    /// Not a test on its own: the grader process that testSignals… starts and then signals.
    func testHelperGradesAWorkerThatHangs() throws {
        guard let pidFile = ProcessInfo.processInfo.environment["REPLEARN_HELPER_PIDFILE"] else { return }
        _ = try HostileWorkerTests.grade("hang", timeLimit: 120, env: ["REPLEARN_MARKER": pidFile])
    }

    /// Ctrl-C or SIGTERM on the grader used to leave the worker spinning forever. Now the grader
    /// kills it before exiting, and a worker whose grader is SIGKILLed dies with it.
    func testSignalsOnTheGraderKillTheWorker() throws {
        let bundle = URL(fileURLWithPath: CommandLine.arguments.first ?? "")
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: bundle.path), "not run from the test bundle")
        for sig in [SIGINT, SIGTERM, SIGKILL] {
            let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent("replearn-helper-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: pidFile) }
            let p = Process()
            p.executableURL = bundle
            p.arguments = ["GraderTests.WorkerLimitTests/testHelperGradesAWorkerThatHangs"]
            var env = ProcessInfo.processInfo.environment
            env["REPLEARN_HELPER_PIDFILE"] = pidFile.path
            p.environment = env
            p.standardOutput = FileHandle.nullDevice; p.standardError = FileHandle.nullDevice
            try p.run()
            var worker: pid_t?
            for _ in 0..<500 where worker == nil {
                worker = (try? String(contentsOf: pidFile, encoding: .utf8)).flatMap { pid_t($0) }
                usleep(10_000)
            }
            let w = try XCTUnwrap(worker, "the helper's worker did not start")
            kill(p.processIdentifier, sig)
            p.waitUntilExit()
            var gone = false
            for _ in 0..<200 where !gone {
                let stat = (try? String(contentsOfFile: "/proc/\(w)/stat", encoding: .utf8)) ?? ""
                gone = stat.isEmpty || stat.split(separator: ")").last?.split(separator: " ").first == "Z"
                if !gone { usleep(10_000) }
            }
            XCTAssertTrue(gone, "signal \(sig): the worker \(w) outlived its grader")
            if !gone { kill(w, SIGKILL) }
        }
    }
}

/// `--timeout nan` hung forever and `--timeout 0` timed out everything.
final class TimeLimitTests: XCTestCase {
    func testOnlyFinitePositiveTimeLimits() throws {
        for bad in [Double.nan, 0, -1, .infinity, -.infinity] {
            XCTAssertThrowsError(try TimeLimit.validate(bad, source: "--timeout"), "\(bad)")
        }
        XCTAssertEqual(try TimeLimit.validate(0.5, source: "--timeout"), 0.5)
        for bad in ["nan", "0", "-1", "inf", "abc"] {
            setenv("REPLEARN_TIME_LIMIT", bad, 1)
            XCTAssertThrowsError(try TimeLimit.fromEnvironment(default: 60), bad)
        }
        setenv("REPLEARN_TIME_LIMIT", "12", 1)
        XCTAssertEqual(try TimeLimit.fromEnvironment(default: 60), 12)
        unsetenv("REPLEARN_TIME_LIMIT")
        XCTAssertThrowsError(try WorkerLimits(parsing: "memory=lots"))
        XCTAssertEqual(try WorkerLimits(parsing: "memory=2G,output=1M").memory, 2 << 30)
    }
}
