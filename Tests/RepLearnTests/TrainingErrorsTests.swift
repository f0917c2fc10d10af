import RepLearn
import XCTest

final class TrainingErrorsTests: XCTestCase {
    /// A NaN loss stops training with a message that names the run and the step.
    func testNonFiniteLossStopsTrainingWithAMessage() {
        var rng = SeededGenerator(seed: 1)
        var calls = 0
        XCTAssertThrowsError(try Minibatches.train(rows: 100, batch: 10, epochs: 3, label: "demo", rng: &rng, step: { _, _ in
            calls += 1
            return calls == 7 ? .nan : 1.0
        })) { error in
            XCTAssertTrue("\(error)".contains("demo: the loss became nan at step 7 of 30"), "\(error)")
        }
        XCTAssertEqual(calls, 7)
    }

    /// Every batch is a disjoint block of one permutation per epoch: each row once per epoch.
    func testMinibatchesCoverEveryRowOncePerEpoch() throws {
        var rng = SeededGenerator(seed: 2)
        var seen = [Int](repeating: 0, count: 23)
        try Minibatches.train(rows: 23, batch: 5, epochs: 2, label: "cover", rng: &rng, step: { idx, _ in
            for i in idx { seen[i] += 1 }
            return 0
        })
        XCTAssertEqual(seen, [Int](repeating: 2, count: 23))
    }

    func testMissingDatasetFileIsNamed() throws {
        XCTAssertThrowsError(try IDX.labels(URL(fileURLWithPath: "/nonexistent/labels.gz"))) {
            XCTAssertTrue("\($0)".contains("/nonexistent/labels.gz: file not found"), "\($0)")
        }
    }
}
