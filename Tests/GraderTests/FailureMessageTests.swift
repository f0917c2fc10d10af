import Course
import Foundation
import Grading
import RepLearn
import XCTest

/// Failure messages point at the bug: the worst entries with their indices, enough digits to
/// see the difference, and the tolerance only where it was used.
final class FailureMessageTests: XCTestCase {
    func failure(_ body: () throws -> Void) -> CheckFailure? {
        do { try body(); return nil } catch { return error as? CheckFailure }
    }

    /// A batch bug that leaves row 0 right: the first entries agree, so the message must show
    /// the entries that differ (in row 1), with their indices.
    func testGradientShowsTheWorstEntriesWithIndices() throws {
        let truth = DMatrix(rows: 3, cols: 4, data: (0..<12).map { 0.1 * Double($0 + 1) })
        var wrong = truth.data.map(Float.init)
        for j in 0..<4 { wrong[4 + j] *= 2 }                     // row 1 doubled
        wrong[8] += 0.05                                          // and a small slip in row 2
        let f = try XCTUnwrap(failure { try Expect.gradient(try Tensor(shape: [3, 4], data: wrong), truth, "∂L/∂W") })
        XCTAssertNotEqual(f.expected, f.got)
        XCTAssertTrue(f.expected.contains("[1, 3]") && f.got.contains("[1, 3]"), f.description)
        XCTAssertFalse(f.expected.contains("[0, "), "row 0 agrees and is not among the worst: \(f.description)")
        XCTAssertTrue(f.description.contains("5 of 12 entries differ"), f.description)
        XCTAssertTrue(f.description.contains("first difference at [1, 0]"), f.description)
    }

    func testCloseNamesWorstAndFirstOffEntry() throws {
        let truth = DMatrix(rows: 2, cols: 3, data: [1, 2, 3, 4, 5, 6])
        let f = try XCTUnwrap(failure { try Expect.close(try Tensor(shape: [2, 3], data: [1, 2.01, 3, 4, 5, 7]), truth, abs: 1e-5, rel: 1e-5, "y") })
        XCTAssertTrue(f.what.contains("[1, 2]"), f.description)
        XCTAssertTrue(f.description.contains("2 of 6 entries are off; the first is [0, 1]"), f.description)
    }

    func testEnoughDigitsToShowTheDifference() {
        let (e, g) = Expect.pair(3.389250, Double(Float(3.3892503)))
        XCTAssertNotEqual(e, g)
        XCTAssertEqual(Expect.pair(0.5, 0.25).0, "0.5")
        XCTAssertEqual(Expect.fmt(2, vs: 2), "2")
    }

    /// The check's tolerance is printed with a numerical failure, not with a shape or an exact one.
    func testToleranceOnlyWhereItIsUsed() {
        func message(_ body: @escaping (Int) throws -> Void) -> String {
            Check<Int>("9.9a", exercise: "1.1", "t", tolerance: "TOLERANCE", body: body).run(0).message
        }
        XCTAssertFalse(message { _ in try Expect.shape(Tensor.zeros([2, 3]), [3, 2], "y") }.contains("TOLERANCE"))
        XCTAssertFalse(message { _ in try Expect.that(1 == 2, "count", expected: "1", got: "2", exact: true) }.contains("TOLERANCE"))
        XCTAssertFalse(message { _ in try Expect.equal([1, 2], [1, 3], "indices") }.contains("TOLERANCE"))
        XCTAssertTrue(message { _ in try Expect.that(false, "loss", expected: "1", got: "2") }.contains("tolerance: TOLERANCE"))
        XCTAssertTrue(message { _ in
            try Expect.close(Tensor(vector: [1]), DMatrix(rows: 1, cols: 1, data: [2], vector: true), abs: 1e-5, rel: 1e-5, "y")
        }.contains("tolerance: TOLERANCE"))
    }
}
