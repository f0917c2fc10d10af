import ArgumentParser
import Course
import Grading

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Modules and exercises, with the state of yours.")

    @Option(help: "Whose state to show: student or reference.") var impl: ImplementationChoice = .student

    func run() throws {
        let runner = GradeRunner(impl: impl, timeout: 60)
        let width = Syllabus.modules.flatMap(\.exercises).map(\.title.count).max() ?? 40
        for module in Syllabus.modules {
            print("\(module.number). \(module.title)   (replearn walk \(module.slug) · \(module.lecture))")
            for ex in module.exercises {
                let state = ExerciseState(runner.grade(exercise: ex.id))
                print("   \(ex.id)  \(ex.title.padding(toLength: width, withPad: " ", startingAt: 0)) \(state.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) \(ex.file)")
            }
        }
    }
}

struct Hint: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "A hint for one exercise, e.g. `replearn hint 1.3`.")

    @Argument(help: "Exercise id, e.g. 1.3.") var exercise: String

    func run() throws {
        guard let ex = Syllabus.exercise(exercise) else {
            throw ValidationError("no exercise \(exercise); `replearn list` shows them all")
        }
        print("Exercise \(ex.id) — \(ex.title)")
        print("File:    \(ex.file)")
        print("Lecture: \(Syllabus.module(ofExercise: ex.id)?.lecture ?? ""), section “\(ex.section)”")
        print("Hint:    \(ex.hint)")
        print("Checks:")
        for c in Catalog.checks(forExercise: ex.id) { print("  \(c.id) (\(Int(c.points)) pt) \(c.title)") }
    }
}
