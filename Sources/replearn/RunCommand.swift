import ArgumentParser
import Course
import Foundation

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a lecture's experiment on the bundled data: figures and DIR/<module>/metrics.json.")

    @Argument(help: "Module: \(Syllabus.modules.map(\.slug).joined(separator: ", ")).") var module: String
    @Option(help: "student (Exercises/) or reference (Solutions/).") var impl: ImplementationChoice = .reference
    @Option(help: "Output folder.") var out: String = "out"

    func run() throws {
        guard let m = Syllabus.module(module), let experiment = Experiments.named(m.slug) else {
            throw ValidationError("no experiment \(module); known: \(Experiments.all.map(\.slug).joined(separator: ", "))")
        }
        let context = ExperimentContext(impls: impl.implementations, outRoot: URL(fileURLWithPath: out), reporter: ConsoleReporter())
        try experiment.runAll(context)
    }
}
