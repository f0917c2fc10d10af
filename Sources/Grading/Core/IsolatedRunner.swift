import Course
import Foundation

/// Grades each exercise in its own process with a time limit, so a crash (a trap, an index out
/// of range) or an endless loop in one exercise is reported as "crashed" / "timed out" while
/// every other exercise is still graded.
///
/// The worker is this same executable, started with `workerArguments(exerciseID)`; it prints
/// one ``workerMarker`` line per finished check (JSON of a ``CheckResult``), so the checks that
/// finished before a crash keep their results.
public struct IsolatedRunner {
    public static let workerMarker = "REPLEARN-CHECK "

    public let executable: URL
    public let workerArguments: (String) -> [String]
    public let timeLimit: TimeInterval

    public init(executable: URL, timeLimit: TimeInterval, workerArguments: @escaping (String) -> [String]) {
        self.executable = executable; self.timeLimit = timeLimit; self.workerArguments = workerArguments
    }

    /// Prints one check result in the worker protocol.
    public static func emit(_ result: CheckResult) {
        let data = try! JSONEncoder().encode(result)
        print(workerMarker + String(decoding: data, as: UTF8.self))
        fflush(stdout)
    }

    /// Runs the checks of exercise `id` in a child process.
    public func grade(exercise id: String) -> [CheckResult] {
        let checks = Catalog.checks(forExercise: id)
        let child: ChildProcess.Outcome
        do {
            child = try ChildProcess.run(executable.path, workerArguments(id), timeLimit: timeLimit)
        } catch {
            return checks.map { crashed($0, .crashed, "could not start the grader process: \(error)") }
        }
        var results: [String: CheckResult] = [:]
        for line in String(decoding: child.stdout, as: UTF8.self).split(separator: "\n") where line.hasPrefix(Self.workerMarker) {
            if let r = try? JSONDecoder().decode(CheckResult.self, from: Data(line.dropFirst(Self.workerMarker.count).utf8)) {
                results[r.checkID] = r
            }
        }
        let stderrLines = String(decoding: child.stderr, as: UTF8.self).split(separator: "\n")
        let fatal = stderrLines.filter { $0.contains("Fatal error") || $0.contains("error:") }
        let why = (fatal.isEmpty ? Array(stderrLines.suffix(4)) : Array(fatal.prefix(3))).joined(separator: "\n")
        var reported = false
        return checks.map { check in
            if let r = results[check.id] { return r }
            if child.timedOut {
                return crashed(check, .timedOut, "no result within \(Int(timeLimit)) s — an endless loop? "
                               + "(\(Syllabus.fileOf(id)))")
            }
            defer { reported = true }
            return crashed(check, .crashed, reported ? "not reached: the exercise crashed in an earlier check"
                           : "the exercise crashed (\(child.how)) — \(Syllabus.fileOf(id))\n\(why)")
        }
    }

    private func crashed(_ check: AnyCheck, _ status: CheckStatus, _ message: String) -> CheckResult {
        CheckResult(checkID: check.id, exerciseID: check.exerciseID, title: check.title,
                    points: check.points, status: status, message: message)
    }
}

extension Syllabus {
    static func fileOf(_ id: String) -> String { exercise(id)?.file ?? "Exercises/" }
}

