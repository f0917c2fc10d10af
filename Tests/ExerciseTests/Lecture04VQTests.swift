import XCTest

/// Lecture 4 — Vector quantization. One test per exercise (Exercises/04-VQ/).
final class Lecture04VQTests: XCTestCase {
    func test_4_1_quantize() throws { try GradeExercise.run("4.1") }
    func test_4_2_losses() throws { try GradeExercise.run("4.2") }
    func test_4_3_backward() throws { try GradeExercise.run("4.3") }
    func test_4_4_usage() throws { try GradeExercise.run("4.4") }
    func test_4_5_deadCodes() throws { try GradeExercise.run("4.5") }
    func test_4_Q_questions() throws { try GradeExercise.run("4.Q") }
}
