import ArgumentParser
import Course
import Foundation
import RepLearn

struct Walk: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read a lecture in the terminal, section by section, running its experiment live.",
        discussion: "Text is wrapped to the terminal and paged: Enter or space goes on, q quits (single keys).")

    @OptionGroup var options: ExperimentOptions
    @Flag(help: "Do not wait for a key between sections and screens.") var noPause = false

    func run() throws {
        let (m, experiment, _) = try options.resolve()
        let url = ProjectPaths.file(m.lecture)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw UsageError("cannot read the lecture notes \(m.lecture) (looked in \(ProjectPaths.root.path))")
        }
        let width = min(TextLayout.width(), 100)
        let pausing = !noPause
        let pager = Pager(height: pausing && Terminal.isTTY ? Keyboard.height() : 0,
                          write: { print($0) }, readKey: { Keyboard.readKey(prompt: $0) })
        if pausing { Keyboard.quiet() }                          // keys pressed during a step are not echoed
        let context = ExperimentContext(impls: try options.impl.implementations(), outRoot: URL(fileURLWithPath: options.out),
                                        reporter: PagedReporter(pager: pager, width: width))
        let walk = Walkthrough(markdown: text)
        sections: for (i, section) in walk.sections.enumerated() {
            for line in Terminal.section(section.title, index: i + 1, of: walk.sections.count, width: width).split(separator: "\n", omittingEmptySubsequences: false) {
                guard pager.line(String(line)) else { break sections }
            }
            for block in section.blocks {
                switch block {
                case .text(let t):
                    for line in Terminal.prose(t, width: width) { guard pager.line(line) else { break sections } }
                case .run(let step):
                    guard pager.line(Terminal.running(step)) else { break sections }
                    try options.explainingStubs { try experiment.perform(step: step, context) }
                }
            }
            if pausing && i + 1 < walk.sections.count && !pager.pause("— Enter for the next section, q to quit —") { break }
        }
        print("\nFigures and metrics are in \(context.outDir(m.slug).relativePath)/")
    }
}

/// An experiment's messages during a walk: wrapped to the terminal and counted by the pager
/// (they are live output, so they never pause in the middle of a step).
struct PagedReporter: Reporter {
    let pager: Pager
    let width: Int
    func info(_ text: String) { emit(text) }
    func wrote(_ url: URL, _ what: String) { emit("  wrote \(url.relativePath)  — \(what)", hanging: "    ") }
    private func emit(_ text: String, hanging: String = "  ") {
        let lines = TextLayout.wrap(text, width: width, hanging: hanging)
        lines.forEach { print($0) }
        fflush(stdout)
        pager.wrote(rows: lines.count)
    }
}
