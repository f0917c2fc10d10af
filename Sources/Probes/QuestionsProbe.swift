import Course
import RepLearn

/// The questions' answers over the wire: a lecture number in, id/answer pairs out.
enum QuestionsProbe {
    static func serve(_ m: Method, _ r: inout WireReader, _ w: inout WireWriter, _ impl: any QuestionExercises) throws {
        switch m {
        case .answers:
            let a = try impl.answers(lecture: try r.int())
            let ids = a.keys.sorted()
            w.put(ids); w.put(ids.map { a[$0] ?? "" })
        default: throw WireError("\(m) is not a questions function")
        }
    }
}

/// The questions, answered by a worker.
public struct RemoteQuestions: QuestionExercises {
    let link: any Link
    public init(link: any Link) { self.link = link }

    public func answers(lecture: Int) throws -> [String: String] {
        try link.invoke(.answers, { $0.put(lecture) }) { r in
            let ids = try r.strings("question ids"), answers = try r.strings("answers")
            guard ids.count == answers.count else { throw WireError("\(ids.count) question ids but \(answers.count) answers") }
            return Dictionary(zip(ids, answers), uniquingKeysWith: { a, _ in a })
        }
    }
}
