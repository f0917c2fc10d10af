import Course
import Foundation
import RepLearn

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
        let why = Self.crashReport(String(decoding: child.stderr, as: UTF8.self), file: Syllabus.fileOf(id))
        var reported = false
        return checks.map { check in
            if let r = results[check.id] { return r }
            if child.timedOut {
                return crashed(check, .timedOut, "no result within \(Int(timeLimit)) s — an endless loop? "
                               + "(\(Syllabus.fileOf(id)))")
            }
            defer { reported = true }
            return crashed(check, .crashed, reported ? "not reached: the exercise crashed in an earlier check"
                           : "the exercise crashed (\(child.how)) \(why)")
        }
    }

    private func crashed(_ check: AnyCheck, _ status: CheckStatus, _ message: String) -> CheckResult {
        CheckResult(checkID: check.id, exerciseID: check.exerciseID, title: check.title,
                    points: check.points, status: status, message: message)
    }
}

extension IsolatedRunner {
    /// Where a crash happened in the graded code, read from the worker's stderr (Swift's
    /// backtracer symbolicates in the worker): the first frame in `Exercises/` or `Solutions/`.
    public struct CrashSite: Equatable {
        /// Relative to the package, e.g. "Exercises/01-Layers/ReLU.swift".
        public let file: String
        public let line: Int
        public let function: String
        public init(file: String, line: Int, function: String) { self.file = file; self.line = line; self.function = function }
    }

    /// The first backtrace frame whose source is under `Exercises/` or `Solutions/`, e.g. from
    /// `3 [ra] 0x… StudentLayers.reluForward(_:) + 461 in replearn at /…/Exercises/01-Layers/ReLU.swift:9:56`.
    public static func crashSite(_ stderr: String) -> CrashSite? {
        for line in stderr.split(separator: "\n") {
            guard let at = line.range(of: " at ", options: .backwards) else { continue }
            let location = line[at.upperBound...].trimmingCharacters(in: .whitespaces)
            guard let folder = ["/Exercises/", "/Solutions/"].compactMap({ location.range(of: $0) }).first else { continue }
            let parts = location[folder.lowerBound...].dropFirst().split(separator: ":")
            guard parts.count >= 2, let n = Int(parts[1]) else { continue }
            // "<frame> [flags] <address> <function> + <offset> in <image> at <file>"
            var function = String(line[..<at.lowerBound])
            if let inImage = function.range(of: " in ", options: .backwards) { function = String(function[..<inImage.lowerBound]) }
            if let plus = function.range(of: " + ", options: .backwards) { function = String(function[..<plus.lowerBound]) }
            if let address = function.range(of: "0x[0-9a-f]+ ", options: .regularExpression) { function = String(function[address.upperBound...]) }
            return CrashSite(file: String(parts[0]), line: n, function: function.trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    /// A few lines for a crashed worker: where (file:line and the source line, when the backtrace
    /// reaches the graded code) and Swift's message ("Fatal error: Index out of range").
    public static func crashReport(_ stderr: String, file: String) -> String {
        let lines = stderr.split(separator: "\n").map(String.init)
        let fatal = lines.filter { $0.contains("Fatal error") || $0.contains("error:") }
            .map { l in l.range(of: "Fatal error").map { String(l[$0.lowerBound...]) } ?? l }
        let message = fatal.isEmpty
            ? lines.filter { !$0.hasPrefix("***") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }.prefix(3).joined(separator: "\n")
            : fatal.prefix(2).joined(separator: "\n")
        guard let site = crashSite(stderr) else { return "— \(file)\n\(message)" }
        var report = "at \(site.file):\(site.line) in \(site.function)\n\(message)"
        let source = (try? String(contentsOf: ProjectPaths.file(site.file), encoding: .utf8))?
            .split(separator: "\n", omittingEmptySubsequences: false)
        if let source, site.line >= 1, site.line <= source.count {
            report += "\n  \(site.line)| " + source[site.line - 1].trimmingCharacters(in: .whitespaces)
        }
        return report
    }
}

extension Syllabus {
    static func fileOf(_ id: String) -> String { exercise(id)?.file ?? "Exercises/" }
}

