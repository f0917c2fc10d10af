import Course
import Foundation

/// Graded questions as checks: the student's answer string is parsed and judged here; an empty
/// answer is "not started", like a stub.
public enum QuestionCheck {
    public typealias Impl = any QuestionExercises

    /// The student's answer to `id` (lecture = the id's prefix), or NotImplemented when empty.
    static func answer(_ impl: Impl, _ id: String) throws -> String {
        let lecture = Int(id.prefix { $0 != "." }) ?? 0
        let a = (try impl.answers(lecture: lecture)[id] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if a.isEmpty { throw NotImplemented("\(lecture).Q") }
        return a
    }

    /// "0.25", "1e-3", "3/4", "75%" → a number; anything else → nil.
    static func number(_ s: String) -> Double? {
        let t = s.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: ",", with: ".")
        if t.hasSuffix("%"), let v = Double(t.dropLast()) { return v / 100 }
        let parts = t.split(separator: "/")
        if parts.count == 2, let a = Double(parts[0]), let b = Double(parts[1]), b != 0 { return a / b }
        return Double(t)
    }

    /// A numeric question: `expected` comes from a closed form in the grader; within ±`tolerance`.
    public static func numeric(_ id: String, _ title: String, expected: @escaping () -> Double, tolerance: Double,
                               why: String, see: String) -> Check<Impl> {
        Check(id, exercise: String(id.prefix { $0 != "." }) + ".Q", title, tolerance: "±\(Expect.fmt(tolerance)): \(why)") { impl in
            let a = try answer(impl, id)
            guard let got = number(a) else {
                throw CheckFailure("\(id): the answer must be a number", expected: "a number such as 0.25, 1e-3 or 3/4", got: "\"\(a)\"", toleranceApplies: false)
            }
            let want = expected()
            try Expect.that(abs(got - want) <= tolerance, "\(id) — look again: \(see)", expected: Expect.fmt(want, vs: got), got: Expect.fmt(got, vs: want))
        }
    }

    /// A multiple-choice question: `options` the accepted spellings, `answer` the right one.
    public static func choice(_ id: String, _ title: String, options: [String], answer right: String, see: String) -> Check<Impl> {
        Check(id, exercise: String(id.prefix { $0 != "." }) + ".Q", title, tolerance: "exact: one of \(options.joined(separator: ", "))") { impl in
            let a = try answer(impl, id).lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "().").union(.whitespaces))
            guard options.contains(a) else {
                throw CheckFailure("\(id): answer one of \(options.joined(separator: ", "))", expected: options.joined(separator: " | "), got: "\"\(a)\"", toleranceApplies: false)
            }
            try Expect.that(a == right, "\(id) — look again: \(see)", expected: "the right option (not \(a))", got: a, exact: true)
        }
    }
}
