import Course
import Foundation
import RepLearn
import XCTest

/// The lecture-notes parser behind `replearn walk`, and the notes themselves.
final class WalkthroughTests: XCTestCase {
    func testSectionsAndRunMarkers() {
        let w = Walkthrough(markdown: "# Title\nintro\n## A\ntext a\n<!-- run: first -->\nmore\n## B\n<!-- run: second -->\n")
        XCTAssertEqual(w.sections.map(\.title), ["Title", "A", "B"])
        guard case .run(let step) = w.sections[1].blocks[1] else { return XCTFail("no run block in section A") }
        XCTAssertEqual(step, "first")
    }

    /// Every lecture's notes exist, and every step its experiment defines is run somewhere in them.
    func testEveryLectureRunsEveryExperimentStep() throws {
        for module in Syllabus.modules {
            let url = ProjectPaths.file(module.lecture)
            let text = try String(contentsOf: url, encoding: .utf8)
            let markers = Walkthrough(markdown: text).sections.flatMap(\.blocks).compactMap { b -> String? in
                if case .run(let s) = b { return s } else { return nil }
            }
            guard let experiment = Experiments.named(module.slug) else { XCTFail("\(module.slug) has no experiment"); continue }
            XCTAssertEqual(markers, experiment.steps, "\(module.lecture): run markers vs the experiment's steps")
            for ex in module.exercises {
                XCTAssertTrue(FileManager.default.fileExists(atPath: ProjectPaths.file(ex.file).path), "\(ex.id): missing \(ex.file)")
            }
        }
    }

    /// Prose is reflowed to the width, list items hang, emphasis is rendered, not printed.
    func testProseIsWrappedAndEmphasisRendered() {
        let md = "A *mapping of space* that **bends** a grid, with `code` and a * b.\nSecond line of the same paragraph, which is long enough to wrap.\n\n- a list item that is long enough to wrap onto a second line\n"
        let plain = Terminal.prose(md, width: 30, styled: false)
        XCTAssertTrue(plain.allSatisfy { $0.count <= 30 }, "\(plain)")
        let text = plain.joined(separator: " ")
        XCTAssertTrue(text.contains("A mapping of space that bends a grid, with code and a * b."), text)
        XCTAssertFalse(text.contains("*mapping") || text.contains("`"), text)
        let item = plain.firstIndex { $0.hasPrefix("- a list") }!
        XCTAssertTrue(plain[item + 1].hasPrefix("  ") && !plain[item + 1].hasPrefix("   "), "hanging indent: \(plain)")
        let styled = Terminal.prose(md, width: 30, styled: true).joined(separator: "\n")
        XCTAssertTrue(styled.contains("\u{1B}[3mmapping") && styled.contains("\u{1B}[1mbends\u{1B}[0m"), styled)
        XCTAssertTrue(Terminal.prose(md, width: 30, styled: true).allSatisfy { TextLayout.visibleWidth($0) <= 30 })
    }

    /// The notes' "derive it" boxes (block quotes) are set off by a bar and reflowed inside it.
    func testBlockQuotesAreBarred() {
        let plain = Terminal.prose("Before.\n\n> **Derive it.** Find the\n> gradient.\n\nAfter.", width: 40, styled: false)
        XCTAssertEqual(plain, ["Before.", "", "│ Derive it. Find the gradient.", "", "After."])
    }

    /// Every exercise has the three hint levels: nudge, method, formula.
    func testEveryExerciseHasThreeHintLevels() {
        for ex in Syllabus.modules.flatMap(\.exercises) {
            XCTAssertEqual(ex.hints(upTo: 3).map(\.level), [1, 2, 3], "\(ex.id) lacks a hint level")
            XCTAssertNotEqual(ex.hint, ex.formula, "\(ex.id): the nudge gives the formula away")
        }
    }

    /// A screen of h rows holds h − 1 lines and a prompt; q stops, end of input stops pausing.
    func testPagerPausesWhenTheScreenIsFull() {
        var written: [String] = [], prompts = 0
        var keys: [PagerKey] = [.next, .quit]
        let pager = Pager(height: 5, write: { written.append($0) }, readKey: { _ in prompts += 1; return keys.removeFirst() })
        var shown = 0
        for i in 0..<20 { if pager.line("line \(i)") { shown += 1 } else { break } }
        XCTAssertEqual(prompts, 2)
        XCTAssertEqual(shown, 8, "two screens of 4 lines, then q")
        XCTAssertTrue(pager.quit)

        var count = 0
        let piped = Pager(height: 3, write: { _ in count += 1 }, readKey: { _ in .end })
        for i in 0..<10 { piped.line("\(i)") }
        XCTAssertEqual(count, 10, "no input: nothing pauses after the first prompt")
        XCTAssertTrue(piped.inputEnded)
    }
}
