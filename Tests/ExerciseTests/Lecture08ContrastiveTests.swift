import XCTest

/// Lecture 8 — Contrastive learning and NCE. One test per exercise (Exercises/08-Contrastive/).
final class Lecture08ContrastiveTests: XCTestCase {
    func test_8_1_nce() throws { try GradeExercise.run("8.1") }
    func test_8_2_ntXent() throws { try GradeExercise.run("8.2") }
    func test_8_3_alignmentUniformity() throws { try GradeExercise.run("8.3") }
    func test_8_4_views() throws { try GradeExercise.run("8.4") }
    func test_8_5_rotation() throws { try GradeExercise.run("8.5") }
}
