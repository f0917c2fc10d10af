import ArgumentParser
import Course
import Foundation

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a lecture's experiment on the bundled data: figures and DIR/<module>/metrics.json.")

    @OptionGroup var options: ExperimentOptions

    func run() throws {
        let (_, experiment, context) = try options.resolve()
        try options.explainingStubs { try experiment.runAll(context) }
    }
}
