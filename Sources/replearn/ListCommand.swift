import ArgumentParser
import Course
import Grading
import Probes
import RepLearn

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Modules and exercises, with the state of yours.")

    @Option(help: "Whose state to show: student or reference.") var impl: ImplementationChoice = .student
    @Flag(help: "Every module in full (default: the current module in full, the others one line each).") var all = false

    func run() throws {
        let results = try GradeRunner(impl: impl, timeout: try TimeLimit.fromEnvironment(default: 60), limits: try WorkerLimits.fromEnvironment()).grade(Syllabus.modules.flatMap(\.exercises))
        print(Scoreboard(results).list(width: TextLayout.width(), all: all) { m in
            Invocation.command("walk \(m.slug)", release: true)
        })
    }
}

struct Hint: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "A hint for one exercise, e.g. `swift run replearn hint 1.3`.")

    @Argument(help: "Exercise id, e.g. 1.3.") var exercise: String

    func run() throws {
        guard let ex = Syllabus.exercise(exercise) else {
            throw UsageError("no exercise \(exercise); `\(Invocation.command("list"))` shows them all")
        }
        print("Exercise \(ex.id) — \(ex.title)")
        print("File:    \(ex.file)")
        print("Lecture: \(Syllabus.module(ofExercise: ex.id)?.lecture ?? ""), section “\(ex.section)”")
        print("Hint:    \(ex.hint)")
        print("Checks:")
        for c in Catalog.checks(forExercise: ex.id) { print("  \(c.id) (\(Int(c.points)) pt) \(c.title)") }
    }
}
