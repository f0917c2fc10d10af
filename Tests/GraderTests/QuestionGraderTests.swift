import Course
import Grading
import Solutions
import XCTest

/// Answers the reference gives, except for the ones a test overrides.
struct AnswersOverride: QuestionExercises {
    let override: [String: String]
    func answers(lecture: Int) throws -> [String: String] {
        try ReferenceQuestions().answers(lecture: lecture).merging(override) { _, new in new }
    }
}

/// Every question rejects the plausible wrong answer (a confusion the notes warn about), accepts
/// other spellings of the right one, and an empty answer is "not started".
final class QuestionGraderTests: XCTestCase {
    /// Question → a plausible wrong answer.
    static let wrong: [String: String] = [
        "1.Qa": "1/7", "1.Qb": "0.693", "1.Qc": "1", "1.Qd": "c", "1.Qe": "c",
        "2.Qa": "141.6", "2.Qb": "3.54", "2.Qc": "0.5", "2.Qd": "a", "2.Qe": "a",
        "3.Qa": "0", "3.Qb": "0.25", "3.Qc": "16", "3.Qd": "yes",
        "4.Qa": "4", "4.Qb": "64", "4.Qc": "c", "4.Qd": "0.5",
        "7.Qa": "0.684", "7.Qb": "0.00065", "7.Qc": "0.4", "7.Qd": "2", "7.Qe": "yes",
        "5.Qa": "116", "5.Qb": "8", "5.Qc": "5", "5.Qd": "0.38", "5.Qe": "60", "9.Qa": "0.25", "9.Qb": "0.05", "9.Qc": "0", "9.Qd": "b", "9.Qe": "2",
    ]

    func testEveryQuestionRejectsItsWrongAnswerAndPassesTheReference() {
        for module in [1, 2, 3, 4, 5, 7, 9] {
            let mutants = Self.wrong.filter { $0.key.hasPrefix("\(module).") }.sorted { $0.key < $1.key }.map { id, answer in
                Mutant(name: "\(id) answered \(answer)", killedBy: [id], impls: Implementations.reference.with(questions: AnswersOverride(override: [id: answer])))
            }
            assertGraderRejects(mutants, module: module, questions: true)
        }
    }

    func testOtherSpellingsOfTheRightAnswerPass() {
        let spellings: [String: String] = ["1.Qa": "4/7", "2.Qc": "78.6%", "1.Qd": "(b)", "3.Qd": " No ", "7.Qa": "0,4162"]
        for (id, a) in spellings {
            let r = Catalog.checks.first { $0.id == id }!.run(Implementations.reference.with(questions: AnswersOverride(override: [id: a])))
            XCTAssertEqual(r.status, .passed, "\(id) = \(a): \(r.message)")
        }
    }

    func testEmptyAnswerIsNotStarted() {
        let r = Catalog.checks.first { $0.id == "2.Qa" }!.run(Implementations.reference.with(questions: AnswersOverride(override: ["2.Qa": " "])))
        XCTAssertEqual(r.status, .notStarted)
    }
}
