import XCTest

/// Lecture 6 — Masked autoencoders. One test per exercise (Exercises/06-MAE/).
final class Lecture06MAETests: XCTestCase {
    func test_6_1_patches() throws { try GradeExercise.run("6.1") }
    func test_6_2_masking() throws { try GradeExercise.run("6.2") }
    func test_6_3_positions() throws { try GradeExercise.run("6.3") }
    func test_6_4_loss() throws { try GradeExercise.run("6.4") }
    func test_6_5_attention() throws { try GradeExercise.run("6.5") }
    func test_6_6_bertCorruption() throws { try GradeExercise.run("6.6") }
}
