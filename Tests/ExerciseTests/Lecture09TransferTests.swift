import XCTest

/// Lecture 9 — Transfer learning and comparing representations. One test per exercise (Exercises/09-Transfer/).
final class Lecture09TransferTests: XCTestCase {
    func test_9_1_probe() throws { try GradeExercise.run("9.1") }
    func test_9_2_groupStep() throws { try GradeExercise.run("9.2") }
    func test_9_3_partialTransfer() throws { try GradeExercise.run("9.3") }
    func test_9_4_similarity() throws { try GradeExercise.run("9.4") }
    func test_9_5_fewLabels() throws { try GradeExercise.run("9.5") }
    func test_9_Q_questions() throws { try GradeExercise.run("9.Q") }
}
