import ArgumentParser
import RepLearn
import Course
import Exercises

@main
struct RepLearnCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replearn",
        abstract: "RepLearn — a course on representation learning, graded by numbers.",
        discussion: """
        Students: edit Exercises/, then `swift test` or `swift run replearn grade`; `swift run replearn hint 1.3` when stuck.
        Instructors: `swift run -c release replearn run layers` writes a lecture's figures and metrics.json.
        Self-learners: `swift run -c release replearn walk layers` reads the lecture and runs it, step by step.
        """,
        subcommands: [List.self, Hint.self, Grade.self, Run.self, Walk.self, Bench.self, Doctor.self, Release.self, Autograder.self])

    static func main() {
        Memory.tuneAllocator()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}

extension ImplementationChoice: ExpressibleByArgument {}
