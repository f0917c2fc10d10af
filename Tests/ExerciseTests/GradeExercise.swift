import Course
import Exercises
import Foundation
import Grading
import Solutions
import XCTest

/// The thin XCTest shell around the grading checks.
///
/// By default it grades Exercises/ (the student's code): a stub is *skipped* ("not started"),
/// a wrong answer *fails* with expected, got, tolerance and hint, a right one passes.
/// With `REPLEARN_GRADE=solutions` it grades Solutions/, where every check must pass.
enum GradeExercise {
    static var gradingSolutions: Bool { ProcessInfo.processInfo.environment["REPLEARN_GRADE"] == "solutions" }

    /// Seconds an exercise may run before it is declared stuck (an endless loop in a stub);
    /// `REPLEARN_TIME_LIMIT` overrides it.
    static let timeLimit = Double(ProcessInfo.processInfo.environment["REPLEARN_TIME_LIMIT"] ?? "") ?? 60

    static func run(_ id: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let impls: Implementations = gradingSolutions ? .reference : .student
        guard let results = isolated(id, impls) ?? withWatchdog(id, { Catalog.grade(exercise: id, with: impls) }) else {
            let stub = Syllabus.exercise(id)?.file ?? "Exercises/"
            XCTFail("Exercise \(id) timed out after \(Int(timeLimit)) s — an endless loop? (\(stub))", file: file, line: line)
            return
        }
        for r in results { print("[\(impls.name)] \(r.checkID) \(r.status.rawValue): \(r.title)") }

        let started = results.filter { $0.status != .notStarted }
        let notStarted = results.filter { $0.status == .notStarted }
        if gradingSolutions, let first = notStarted.first {
            XCTFail("reference must not skip: \(first.checkID) — \(first.message)", file: file, line: line)
        }
        if let timedOut = results.first(where: { $0.status == .timedOut }) {
            XCTFail("Exercise \(id) timed out: \(timedOut.message)", file: file, line: line)
            return
        }
        for r in started where r.status != .passed {
            XCTFail("Check \(r.checkID) \(r.status.rawValue): \(r.title)\n  \(r.message)", file: file, line: line)
        }
        if !gradingSolutions, let first = notStarted.first {
            let which = notStarted.map(\.checkID).joined(separator: ", ")
            throw XCTSkip(started.isEmpty ? first.message : "\(first.message): checks \(which) still waiting")
        }
    }

    /// The CLI's grade-worker, built next to the test bundle (ExerciseTests depends on it).
    static let worker: URL? = {
        let dir = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
        let url = dir.appendingPathComponent("replearn")
        return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }()

    /// Grades exercise `id` in a child process, so a crash (a trap, an index out of range) fails
    /// only this exercise's test, with the message; nil when the worker binary is not there.
    static func isolated(_ id: String, _ impls: Implementations) -> [CheckResult]? {
        guard let worker, ProcessInfo.processInfo.environment["REPLEARN_IN_PROCESS"] == nil else { return nil }
        let choice = impls.name == "reference" ? "reference" : "student"
        return IsolatedRunner(executable: worker, timeLimit: timeLimit) { ["grade-worker", $0, "--impl", choice] }.grade(exercise: id)
    }

    /// Runs `body` on a worker thread and returns nil if it has not finished within ``timeLimit``.
    /// A thread stuck in a loop cannot be cancelled: it is left spinning (on one core) while the
    /// remaining exercises are graded, and ends with the test process.
    static func withWatchdog<T>(_ id: String, _ body: @escaping () -> T) -> T? {
        let done = DispatchSemaphore(value: 0)
        let box = Box<T>()
        let worker = Thread {
            box.value = body()
            done.signal()
        }
        worker.stackSize = 16 << 20
        worker.start()
        if done.wait(timeout: .now() + timeLimit) == .timedOut { return nil }
        return box.value
    }
}

/// Carries a worker thread's result back to the waiting test.
private final class Box<T>: @unchecked Sendable { var value: T? }
