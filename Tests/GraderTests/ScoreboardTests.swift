import Course
import Foundation
import Grading
import RepLearn
import XCTest

/// The scoreboard and `replearn list` fit the terminal, show the current module in full and the
/// others one line each, and decide `replearn grade`'s exit status.
final class ScoreboardTests: XCTestCase {
    /// Every check of the course: lecture 1 passed, 2.1 failed with a long message, 2.2 crashed,
    /// the rest not started.
    func results() -> [CheckResult] {
        Catalog.checks.map { c in
            let status: CheckStatus = c.exerciseID.hasPrefix("1.") ? .passed : c.exerciseID == "2.1" ? .failed
                : c.exerciseID == "2.2" ? .crashed : .notStarted
            let message = status == .failed
                ? "mean: element [3] is off\n  expected: 0.123456789 at [3] " + String(repeating: "and a long explanation ", count: 8) + "\n  hint: "
                    + String(repeating: "x", count: 130)
                : ""
            return CheckResult(checkID: c.id, exerciseID: c.exerciseID, title: c.title, points: c.points, status: status, message: message)
        }
    }

    func testFitsTheWidthCurrentModuleInFullOthersOneLine() throws {
        let board = Scoreboard(results())
        XCTAssertEqual(board.currentModule?.number, 2)
        for width in [80, 60, 40] {
            let text = board.render(width: width)
            for line in text.split(separator: "\n") {
                XCTAssertLessThanOrEqual(TextLayout.visibleWidth(String(line)), width, "wider than \(width): \(line)")
            }
            let lines = text.split(separator: "\n").map(String.init)
            // Module 2 in full: a row per exercise; modules 1, 3, 4, 7 one line each.
            for ex in Syllabus.modules[1].exercises { XCTAssertTrue(lines.contains { $0.hasPrefix("  \(ex.id) ") }, "\(ex.id) missing at \(width)") }
            for m in Syllabus.modules where m.number != 2 && !m.exercises.isEmpty {      // a module without exercises yet has no row
                XCTAssertEqual(lines.filter { $0.hasPrefix("\(m.number) ") }.count, 1, "module \(m.number) at \(width)")
                XCTAssertFalse(lines.contains { $0.hasPrefix("  \(m.number).") }, "module \(m.number) should be one line at \(width)")
            }
            XCTAssertTrue(text.contains("2.2a crashed"), text)
        }
        let all = board.render(width: 80, all: true)
        for ex in Syllabus.modules.flatMap(\.exercises) { XCTAssertTrue(all.contains("\n  \(ex.id) "), "--all: \(ex.id) missing") }
        XCTAssertTrue(board.render(width: 80).contains("\(Syllabus.modules[0].exercises.count) exercises: all passed"), board.render(width: 80))
    }

    func testListFitsTheWidth() {
        let board = Scoreboard(results())
        for width in [80, 50] {
            for all in [false, true] {
                let text = board.list(width: width, all: all) { "swift run -c release replearn walk \($0.slug)" }
                for line in text.split(separator: "\n") {
                    XCTAssertLessThanOrEqual(TextLayout.visibleWidth(String(line)), width, "wider than \(width): \(line)")
                }
                XCTAssertEqual(text.contains("  3.1 "), all, "all = \(all)")
            }
        }
    }

    func testExitStatus() {
        func board(_ s: [CheckStatus]) -> Scoreboard {
            Scoreboard(s.enumerated().map { CheckResult(checkID: "1.1\($0.offset)", exerciseID: "1.1", title: "t", points: 1, status: $0.element, message: "") })
        }
        XCTAssertEqual(board([.passed, .passed]).exitStatus(), 0)
        XCTAssertEqual(board([.passed, .notStarted]).exitStatus(), 0, "not started does not fail the run")
        XCTAssertEqual(board([.passed, .notStarted]).exitStatus(strict: true), 1, "unless --strict")
        for bad in [CheckStatus.failed, .crashed, .timedOut] { XCTAssertEqual(board([.passed, bad]).exitStatus(), 1, "\(bad)") }
    }

    func testWrapKeepsWordsAndWidth() {
        let lines = TextLayout.wrap("alpha beta gamma delta " + String(repeating: "z", count: 25), width: 12, indent: "  ", hanging: "    ")
        XCTAssertEqual(lines.first, "  alpha beta")
        XCTAssertTrue(lines.allSatisfy { $0.count <= 12 }, "\(lines)")
        XCTAssertEqual(lines.joined().filter { $0 == "z" }.count, 25)
    }
}
