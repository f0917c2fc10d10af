import Course
import Foundation
import Grading
import XCTest

final class ProgressRecordTests: XCTestCase {
    func result(_ id: String, _ ex: String, _ status: CheckStatus) -> CheckResult {
        CheckResult(checkID: id, exerciseID: ex, title: "t", points: 1, status: status, message: "")
    }

    /// States per exercise survive a save/load, and only changed exercises are reported.
    func testChangesSinceLastGrade() throws {
        let before = ProgressRecord([result("1.1a", "1.1", .notStarted), result("1.2a", "1.2", .failed), result("1.2b", "1.2", .passed)])
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("replearn-progress-\(UUID().uuidString)/p.json")
        try before.save(to: url)
        let loaded = try XCTUnwrap(ProgressRecord.load(from: url))
        XCTAssertEqual(loaded.states["1.2"], .failed)
        let now = ProgressRecord([result("1.1a", "1.1", .notStarted), result("1.2a", "1.2", .passed), result("1.2b", "1.2", .passed)])
        let changes = now.changes(since: loaded)
        XCTAssertEqual(changes.count, 1)
        XCTAssertTrue(changes[0].hasPrefix("1.2 ") && changes[0].hasSuffix("failed → passed"), changes[0])
        try? FileManager.default.removeItem(at: url.deletingLastPathComponent())
    }

    /// A corrupt record used to be replaced silently: now it is kept aside and the grader says so.
    func testACorruptRecordIsKeptAsideAndReported() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("replearn-corrupt-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent("progress.json")
        try Data("{\"states\": {\"1.1\": \"pas".utf8).write(to: url)
        let (record, note) = ProgressRecord.loadKeepingCorrupt(from: url)
        XCTAssertNil(record)
        XCTAssertTrue(note?.contains("could not be read") == true && note?.contains("kept as progress.json.corrupt-") == true, note ?? "no note")
        let kept = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("progress.json.corrupt-") }
        XCTAssertEqual(kept.count, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path))
        XCTAssertNil(ProgressRecord.loadKeepingCorrupt(from: url).note, "no record yet is not corrupt")
    }

    /// `replearn grade --only 1.2` updates exercise 1.2 and keeps every other exercise's state.
    func testUpdatingAfterOnlyKeepsTheOthers() {
        let before = ProgressRecord([result("1.1a", "1.1", .passed), result("1.2a", "1.2", .failed), result("2.1a", "2.1", .notStarted)])
        let now = before.updating(with: [result("1.2a", "1.2", .passed)])
        XCTAssertEqual(now.states, ["1.1": .passed, "1.2": .passed, "2.1": .notStarted])
        XCTAssertEqual(now.changes(since: before).count, 1)
        XCTAssertEqual(now.updating(with: []).states, now.states)
    }
}
