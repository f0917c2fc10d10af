import XCTest

/// Lecture 3 — k-means as autoencoding. One test per exercise (Exercises/03-KMeans/).
final class Lecture03KMeansTests: XCTestCase {
    func test_3_1_assignment() throws { try GradeExercise.run("3.1") }
    func test_3_2_update() throws { try GradeExercise.run("3.2") }
    func test_3_3_objective() throws { try GradeExercise.run("3.3") }
    func test_3_4_kmeansPlusPlus() throws { try GradeExercise.run("3.4") }
    func test_3_5_loop() throws { try GradeExercise.run("3.5") }
    func test_3_6_autoencoder() throws { try GradeExercise.run("3.6") }
    func test_3_Q_questions() throws { try GradeExercise.run("3.Q") }
}
