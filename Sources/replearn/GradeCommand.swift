import ArgumentParser
import Course
import Foundation
import Grading
import Probes
import RepLearn

/// Grades each exercise through a worker process (see ``IsolatedRunner``): `replearn-worker`
/// (Exercises/) or `replearn-worker-reference` (Solutions/), built next to this binary.
struct GradeRunner {
    let impl: ImplementationChoice
    let timeout: Double
    let limits: WorkerLimits

    /// The worker binary; a one-line error when it is not there (it is built with `replearn`).
    static func worker(_ impl: ImplementationChoice) throws -> URL {
        try impl.checkAvailable()
        let dir = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let url = IsolatedRunner.worker(impl, in: dir)
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw UsageError("the grader's worker \(url.lastPathComponent) is not next to replearn (\(dir.path)); `swift build` builds it")
        }
        return url
    }

    func grade(exercise id: String, worker: URL) -> [CheckResult] {
        IsolatedRunner(executable: worker, timeLimit: timeout, limits: limits).grade(exercise: id)
    }
}

extension GradeRunner {
    /// Grades `exercises` one after another. On a terminal (stderr) a "grading 1.3 …" line is
    /// redrawn in place; in a log nothing is drawn.
    func grade(_ exercises: [ExerciseInfo]) throws -> [CheckResult] {
        let worker = try Self.worker(impl)
        let live = isatty(STDERR_FILENO) != 0
        let width = TextLayout.width(of: STDERR_FILENO) - 1
        func draw(_ s: String) { FileHandle.standardError.write(Data(("\r" + TextLayout.pad(s, width) + "\r").utf8)) }
        var results: [CheckResult] = []
        for ex in exercises {
            if live { draw("grading \(ex.id) \(ex.title)…") }
            results += grade(exercise: ex.id, worker: worker)
        }
        if live { draw("") }
        return results
    }
}

struct Grade: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Grade every exercise (each in its own process, with a time limit) and print a scoreboard.",
        discussion: "Exits with status 1 when a check failed, crashed or timed out (with --strict also when one is not started).")

    @Option(help: "student (Exercises/) or reference (Solutions/).") var impl: ImplementationChoice = .student
    @Option(help: "Write Gradescope's results.json here.") var json: String?
    @Option(help: "Only this exercise (e.g. 1.3) or module (e.g. 1).") var only: String?
    @Option(help: "Seconds each exercise may run (default: REPLEARN_TIME_LIMIT, or 60).") var timeout: Double?
    @Flag(help: "Only the table, without failure details.") var brief = false
    @Flag(help: "Every module in full (default: the current module in full, the others one line each).") var all = false
    @Flag(help: "Exit with status 1 also when an exercise is not started.") var strict = false
    @Option(help: .hidden) var progressFile: String?

    func run() throws {
        let timeout = try self.timeout.map { try TimeLimit.validate($0, source: "--timeout") } ?? TimeLimit.fromEnvironment(default: 60)
        let limits: WorkerLimits
        do { limits = try WorkerLimits.fromEnvironment() } catch { throw UsageError("\(error)") }
        let runner = GradeRunner(impl: impl, timeout: timeout, limits: limits)
        let exercises = Syllabus.modules.flatMap(\.exercises).filter { ex in
            guard let only else { return true }
            return ex.id == only || ex.id.hasPrefix(only + ".")
        }
        guard !exercises.isEmpty else {
            throw UsageError("no exercise or module \(only ?? ""); `\(Invocation.command("list"))` shows them all")
        }
        if let json { try AtomicFile.checkWritable(URL(fileURLWithPath: json), what: "--json") }
        let record = progressFile.map { URL(fileURLWithPath: $0) } ?? ProjectPaths.file(".replearn/progress.json")
        if impl == .student { try AtomicFile.checkWritableFolder(record.deletingLastPathComponent(), what: "the progress record") }
        let results = try runner.grade(exercises)
        let width = TextLayout.width()
        let board = Scoreboard(results)
        print(board.render(verbose: !brief, width: width, all: all))
        if impl == .student {
            // Read, update and write the record under a lock on its folder: graders running at the
            // same time take turns, and each write is atomic.
            let (before, now, note) = try FolderLock.withLock(record.deletingLastPathComponent()) {
                let (before, note) = ProgressRecord.loadKeepingCorrupt(from: record)
                // `--only` grades part of the course: update those exercises, keep the others' states.
                let now = before.map { only == nil ? ProgressRecord(results) : $0.updating(with: results) } ?? ProgressRecord(results)
                try? now.save(to: record)
                return (before, now, note)
            }
            if let note { print(TextLayout.wrap(note, width: width, hanging: "  ").joined(separator: "\n")) }
            if let before {
                let changes = now.changes(since: before)
                print(changes.isEmpty ? "No change since the last grade." : "Since the last grade:")
                for c in changes { print(TextLayout.wrap(c, width: width, indent: "  ", hanging: "    ").joined(separator: "\n")) }
            }
            if let next = Syllabus.modules.flatMap(\.exercises).first(where: { now.states[$0.id] != .passed }) {
                let text = "Next: exercise \(next.id) — \(next.title) (\(next.file)); `\(Invocation.command("hint \(next.id)"))` if stuck."
                print(TextLayout.wrap(text, width: width, hanging: "  ").joined(separator: "\n"))
            }
        }
        if let json {
            try GradescopeReport(results).write(to: URL(fileURLWithPath: json))
            print("wrote \(json)")
        }
        let status = board.exitStatus(strict: strict)
        if status != 0 { throw ExitCode(status) }
    }
}
