import Course

/// The reference answers (one Questions.swift per lecture folder, mirroring Exercises/).
public struct ReferenceQuestions: QuestionExercises {
    public init() {}

    public func answers(lecture: Int) throws -> [String: String] {
        switch lecture {
        case 1: return lecture1Answers()
        case 2: return lecture2Answers()
        case 3: return lecture3Answers()
        case 4: return lecture4Answers()
        case 5: return lecture5Answers()
        case 7: return lecture7Answers()
        case 9: return lecture9Answers()
        default: return [:]
        }
    }
}
