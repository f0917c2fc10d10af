import Course
import Foundation
import Grading
import Probes
import RepLearn
import XCTest

/// The thin XCTest shell around the grading checks.
///
/// By default it grades Exercises/ (the student's code): a stub is *skipped* ("not started"),
/// a wrong answer *fails* with expected, got, tolerance and hint, a right one passes.
/// With `REPLEARN_GRADE=solutions` it grades Solutions/, where every check must pass.
///
/// The student's code runs only in the worker (`replearn-worker`, built next to this bundle);
/// the checks and their verdicts are made here. There is no in-process fallback: without the
/// worker the test fails.
enum GradeExercise {
    static var gradingSolutions: Bool { ProcessInfo.processInfo.environment["REPLEARN_GRADE"] == "solutions" }

    /// Seconds an exercise may run before it is declared stuck (an endless loop in a stub);
    /// `REPLEARN_TIME_LIMIT` overrides it (a positive number).
    static let timeLimit: Result<Double, Error> = Result { try TimeLimit.fromEnvironment(default: 60) }

    static func run(_ id: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let choice: ImplementationChoice = gradingSolutions ? .reference : .student
        let seconds: Double
        switch timeLimit {
        case .success(let s): seconds = s
        case .failure(let e): XCTFail("\(e)", file: file, line: line); return
        }
        let worker = IsolatedRunner.worker(choice, in: buildFolder)
        guard FileManager.default.isExecutableFile(atPath: worker.path) else {
            if choice == .reference && !FileManager.default.fileExists(atPath: ProjectPaths.file("Solutions").path) {
                XCTFail("REPLEARN_GRADE=solutions: the reference (Solutions/) is not in this edition of the course", file: file, line: line)
                return
            }
            XCTFail("the grader's worker \(worker.lastPathComponent) is not next to the test bundle (\(buildFolder.path)): build it with `swift build`",
                    file: file, line: line)
            return
        }
        let limits: WorkerLimits
        do { limits = try WorkerLimits.fromEnvironment() } catch { XCTFail("\(error)", file: file, line: line); return }
        let results = IsolatedRunner(executable: worker, timeLimit: seconds, limits: limits).grade(exercise: id)
        XCTAssertFalse(results.isEmpty, "exercise \(id) has no checks", file: file, line: line)
        for r in results { print("[\(choice.rawValue)] \(r.checkID) \(r.status.rawValue): \(r.title)") }

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

    /// Where SwiftPM put this bundle, the workers and the CLI.
    static let buildFolder = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()

    /// The CLI, built next to the test bundle (ExerciseTests depends on it).
    static let cli: URL? = {
        let url = buildFolder.appendingPathComponent("replearn")
        return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }()
}
