import ArgumentParser
import Course
import Foundation
import Grading
import RepLearn

/// Grades each exercise in a child process (see ``IsolatedRunner``).
struct GradeRunner {
    let impl: ImplementationChoice
    let timeout: Double

    func grade(exercise id: String) -> [CheckResult] {
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let runner = IsolatedRunner(executable: me, timeLimit: timeout) { ["grade-worker", $0, "--impl", impl.rawValue] }
        return runner.grade(exercise: id)
    }
}

struct Grade: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Grade every exercise (each in its own process, with a time limit) and print a scoreboard.")

    @Option(help: "student (Exercises/) or reference (Solutions/).") var impl: ImplementationChoice = .student
    @Option(help: "Write Gradescope's results.json here.") var json: String?
    @Option(help: "Only this exercise (e.g. 1.3) or module (e.g. 1).") var only: String?
    @Option(help: "Seconds each exercise may run.") var timeout: Double = 60
    @Flag(help: "Only the table, without failure details.") var brief = false

    func run() throws {
        let runner = GradeRunner(impl: impl, timeout: timeout)
        let exercises = Syllabus.modules.flatMap(\.exercises).filter { ex in
            guard let only else { return true }
            return ex.id == only || ex.id.hasPrefix(only + ".")
        }
        guard !exercises.isEmpty else { throw ValidationError("no exercise matches \(only ?? "")") }
        var results: [CheckResult] = []
        for ex in exercises {
            FileHandle.standardError.write(Data("grading \(ex.id) \(ex.title)…\r".utf8))
            results += runner.grade(exercise: ex.id)
        }
        FileHandle.standardError.write(Data(String(repeating: " ", count: 70).appending("\r").utf8))
        print(Scoreboard(results).render(verbose: !brief))
        if impl == .student && only == nil {
            let url = ProjectPaths.file(".replearn/progress.json")
            let now = ProgressRecord(results)
            if let before = ProgressRecord.load(from: url) {
                let changes = now.changes(since: before)
                print(changes.isEmpty ? "No change since the last grade." : "Since the last grade:\n  " + changes.joined(separator: "\n  "))
            }
            try? now.save(to: url)
            if let next = Syllabus.modules.flatMap(\.exercises).first(where: { now.states[$0.id] != .passed }) {
                print("Next: exercise \(next.id) — \(next.title) (\(next.file)); `replearn hint \(next.id)` if stuck.")
            }
        }
        if let json {
            try GradescopeReport(results).write(to: URL(fileURLWithPath: json))
            print("wrote \(json)")
        }
    }
}

/// Internal: grades one exercise in this process and prints results in the worker protocol.
struct GradeWorker: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "grade-worker", shouldDisplay: false)

    @Argument var exercise: String
    @Option var impl: ImplementationChoice = .student

    func run() throws {
        let impls = impl.implementations
        for check in Catalog.checks(forExercise: exercise) { IsolatedRunner.emit(check.run(impls)) }
    }
}
