import ArgumentParser
import Course
import Foundation
import RepLearn

struct Walk: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read a lecture in the terminal, section by section, running its experiment live.")

    @OptionGroup var options: ExperimentOptions
    @Flag(help: "Do not wait for Enter between sections.") var noPause = false

    func run() throws {
        let (m, experiment, context) = try options.resolve()
        let url = ProjectPaths.file(m.lecture)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw UsageError("cannot read the lecture notes \(m.lecture) (looked in \(ProjectPaths.root.path))")
        }
        let walk = Walkthrough(markdown: text)
        var pausing = !noPause
        for (i, section) in walk.sections.enumerated() {
            print(Terminal.section(section.title, index: i + 1, of: walk.sections.count))
            for block in section.blocks {
                switch block {
                case .text(let t): print(Terminal.prose(t))
                case .run(let step):
                    print(Terminal.running(step))
                    try options.explainingStubs { try experiment.perform(step: step, context) }
                }
            }
            if pausing && i + 1 < walk.sections.count {
                print(Terminal.dim("— Enter for the next section, q to quit —"), terminator: "")
                fflush(stdout)
                guard let line = readLine() else { pausing = false; print(); continue }   // no input: stop pausing
                if line.lowercased().hasPrefix("q") { break }
            }
        }
        print("\nFigures and metrics are in \(context.outDir(m.slug).relativePath)/")
    }
}
