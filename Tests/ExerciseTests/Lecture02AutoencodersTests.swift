import XCTest

/// Lecture 2 — Autoencoders and PCA. One test per exercise (Exercises/02-Autoencoders/).
final class Lecture02AutoencodersTests: XCTestCase {
    func test_2_1_covariance() throws { try GradeExercise.run("2.1") }
    func test_2_2_principalComponents() throws { try GradeExercise.run("2.2") }
    func test_2_3_pcaCodec() throws { try GradeExercise.run("2.3") }
    func test_2_4_linearAutoencoderLoss() throws { try GradeExercise.run("2.4") }
    func test_2_5_linearAutoencoderStep() throws { try GradeExercise.run("2.5") }
    func test_2_6_principalAngles() throws { try GradeExercise.run("2.6") }
    func test_2_7_denoising() throws { try GradeExercise.run("2.7") }
    func test_2_Q_questions() throws { try GradeExercise.run("2.Q") }
}
