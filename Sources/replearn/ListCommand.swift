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
    static let configuration = CommandConfiguration(
        abstract: "A hint for one exercise, e.g. `swift run replearn hint 1.3`.",
        discussion: "Hints come in three levels: 1 a nudge (what a failing check shows), 2 the method, 3 the formula — "
            + "the answers to the notes' \"derive it\" boxes. Ask for the lowest level that gets you going.")

    @Argument(help: "Exercise id, e.g. 1.3.") var exercise: String
    @Option(help: "1 (a nudge, the default), 2 (the method) or 3 (the formula).") var level: Int = 1

    func validate() throws {
        guard (1...3).contains(level) else { throw ValidationError("--level is 1, 2 or 3 (got \(level))") }
    }

    func run() throws {
        guard let ex = Syllabus.exercise(exercise) else {
            throw UsageError("no exercise \(exercise); `\(Invocation.command("list"))` shows them all")
        }
        print("Exercise \(ex.id) — \(ex.title)")
        print("File:    \(ex.file)")
        print("Lecture: \(Syllabus.module(ofExercise: ex.id)?.lecture ?? ""), section “\(ex.section)”")
        let names = [1: "Hint", 2: "Method", 3: "Formula"]
        let hints = ex.hints(upTo: level)
        for h in hints {
            let label = (names[h.level] ?? "Hint") + ":"
            let line = label.padding(toLength: 9, withPad: " ", startingAt: 0) + h.text
            print(TextLayout.wrap(line, width: TextLayout.width(), hanging: "         ").joined(separator: "\n"))
        }
        if hints.last?.level ?? 0 < level { print("(no level-\(level) hint for this exercise)") }
        else if level < 3 { print("More: `\(Invocation.command("hint \(ex.id) --level \(level + 1)"))`") }
        print("Checks:")
        for c in Catalog.checks(forExercise: ex.id) { print("  \(c.id) (\(Int(c.points)) pt) \(c.title)") }
    }
}
