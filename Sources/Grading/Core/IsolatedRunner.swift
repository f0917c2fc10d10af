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
        let process = Process()
        process.executableURL = executable
        process.arguments = workerArguments(id)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice

        // Drain both pipes concurrently so a chatty child never blocks on a full pipe.
        let group = DispatchGroup()
        final class Sink: @unchecked Sendable { var data = Data() }
        let (outSink, errSink) = (Sink(), Sink())
        for (pipe, sink) in [(out, outSink), (err, errSink)] {
            group.enter()
            DispatchQueue.global().async {
                sink.data = pipe.fileHandleForReading.readDataToEndOfFile()
                group.leave()
            }
        }
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do { try process.run() } catch {
            return checks.map { crashed($0, .crashed, "could not start the grader process: \(error)") }
        }
        var timedOut = false
        if exited.wait(timeout: .now() + timeLimit) == .timedOut {
            timedOut = true
            process.terminate()
            if exited.wait(timeout: .now() + 2) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                exited.wait()
            }
        }
        group.wait()

        var results: [String: CheckResult] = [:]
        for line in String(decoding: outSink.data, as: UTF8.self).split(separator: "\n") where line.hasPrefix(Self.workerMarker) {
            if let r = try? JSONDecoder().decode(CheckResult.self, from: Data(line.dropFirst(Self.workerMarker.count).utf8)) {
                results[r.checkID] = r
            }
        }
        let stderrTail = String(decoding: errSink.data, as: UTF8.self)
            .split(separator: "\n").suffix(6).joined(separator: "\n")
        return checks.map { check in
            if let r = results[check.id] { return r }
            if timedOut {
                return crashed(check, .timedOut, "no result within \(Int(timeLimit)) s — an endless loop? "
                               + "(\(Syllabus.fileOf(id)))")
            }
            let how = process.terminationReason == .uncaughtSignal ? "signal \(process.terminationStatus)"
                                                                   : "exit code \(process.terminationStatus)"
            return crashed(check, .crashed, "the exercise crashed (\(how)) — \(Syllabus.fileOf(id))\n\(stderrTail)")
        }
    }

    private func crashed(_ check: AnyCheck, _ status: CheckStatus, _ message: String) -> CheckResult {
        CheckResult(checkID: check.id, exerciseID: check.exerciseID, title: check.title,
                    points: check.points, status: status, message: message)
    }
}

import Course
extension Syllabus {
    static func fileOf(_ id: String) -> String { exercise(id)?.file ?? "Exercises/" }
}
