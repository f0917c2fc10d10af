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
}
