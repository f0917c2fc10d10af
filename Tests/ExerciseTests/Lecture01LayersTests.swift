import XCTest

/// Lecture 1 — Layers as transformations. One test per exercise (Exercises/01-Layers/).
final class Lecture01LayersTests: XCTestCase {
    func test_1_1_linear() throws { try GradeExercise.run("1.1") }
    func test_1_2_relu() throws { try GradeExercise.run("1.2") }
    func test_1_3_l2Norm() throws { try GradeExercise.run("1.3") }
    func test_1_4_softmax() throws { try GradeExercise.run("1.4") }
    func test_1_5_backprop() throws { try GradeExercise.run("1.5") }
    func test_1_6_gradientCheck() throws { try GradeExercise.run("1.6") }
    func test_1_Q_questions() throws { try GradeExercise.run("1.Q") }
}
