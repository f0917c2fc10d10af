import XCTest

/// Lecture 5 — Colorization. One test per exercise (Exercises/05-Colorization/).
final class Lecture05ColorizationTests: XCTestCase {
    func test_5_1_lab() throws { try GradeExercise.run("5.1") }
    func test_5_2_inGamutBins() throws { try GradeExercise.run("5.2") }
    func test_5_3_softEncode() throws { try GradeExercise.run("5.3") }
    func test_5_4_rebalancing() throws { try GradeExercise.run("5.4") }
    func test_5_5_crossEntropy() throws { try GradeExercise.run("5.5") }
    func test_5_6_annealedMean() throws { try GradeExercise.run("5.6") }
    func test_5_7_l2Loss() throws { try GradeExercise.run("5.7") }
    func test_5_Q_questions() throws { try GradeExercise.run("5.Q") }
}
