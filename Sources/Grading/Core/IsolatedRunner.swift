import Course
import Foundation
import Probes
import RepLearn

/// Grades each exercise with the student's code in its own worker process, with a time limit and
/// resource limits, so a crash (a trap, an index out of range), an endless loop or a flood of
/// output in one exercise is reported as "crashed" / "timed out" while every other exercise is
/// still graded.
///
/// The checks run here, in the grader; the worker (``Probes/Worker``) only runs the student
/// functions the checks call, on the inputs the checks give, and returns their outputs. The
/// verdicts, expected values, points and titles never come from the worker.
public struct IsolatedRunner {
    public let executable: URL
    public let timeLimit: TimeInterval
    public let limits: WorkerLimits

    public init(executable: URL, timeLimit: TimeInterval, limits: WorkerLimits = WorkerLimits()) {
        self.executable = executable; self.timeLimit = timeLimit; self.limits = limits
    }

    /// The worker for `choice` in `directory` (the build folder): `replearn-worker` runs
    /// Exercises/, `replearn-worker-reference` runs Solutions/.
    public static func worker(_ choice: ImplementationChoice, in directory: URL) -> URL {
        directory.appendingPathComponent(choice == .reference ? "replearn-worker-reference" : "replearn-worker")
    }

    /// Runs the checks of exercise `id` against a fresh worker.
    public func grade(exercise id: String) -> [CheckResult] {
        let checks = Catalog.checks(forExercise: id)
        let session = WorkerSession(executable: executable.path, timeLimit: timeLimit, limits: limits, exerciseFile: Syllabus.fileOf(id))
        do {
            try session.start()
        } catch {
            return checks.map { crashed($0, .crashed, "could not start the grader's worker: \(error)") }
        }
        defer { session.stop() }
        let impls = Implementations.remote(session, name: executable.lastPathComponent)
        return checks.map { check in
            if let failure = session.failure {
                return failure.kind == .timedOut ? crashed(check, .timedOut, failure.description)
                    : crashed(check, .crashed, "not reached: the exercise crashed in an earlier check")
            }
            return check.run(impls)
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

