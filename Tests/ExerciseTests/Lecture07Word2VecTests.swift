import XCTest

/// Lecture 7 — word2vec. One test per exercise (Exercises/07-Word2Vec/).
final class Lecture07Word2VecTests: XCTestCase {
    func test_7_1_vocabulary() throws { try GradeExercise.run("7.1") }
    func test_7_2_sampling() throws { try GradeExercise.run("7.2") }
    func test_7_3_loss() throws { try GradeExercise.run("7.3") }
    func test_7_4_training() throws { try GradeExercise.run("7.4") }
    func test_7_5_similarity() throws { try GradeExercise.run("7.5") }
    func test_7_6_spearman() throws { try GradeExercise.run("7.6") }
    func test_7_Q_questions() throws { try GradeExercise.run("7.Q") }
}
