/// What a student's stub throws until the exercise is written.
///
/// The grader reports it as "not started" (skipped), never as a failure or a pass:
/// `Exercise 1.3 not started — Exercises/01-Layers/L2Norm.swift`.
public struct NotImplemented: Error, CustomStringConvertible {
    public let exercise: String
    public let function: String
    public init(_ exercise: String, function: String = #function) {
        self.exercise = exercise
        self.function = function
    }
    public var description: String {
        let file = Syllabus.exercise(exercise)?.file ?? "Exercises/"
        return "Exercise \(exercise) not started — \(file) (\(function))"
    }
}
