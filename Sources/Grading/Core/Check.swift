import Course
import Probes

/// A check as data: what it verifies, how many points, how close is close enough and why,
/// and a hint. `body` throws ``CheckFailure`` (or the student's own error) when the check fails.
public struct Check<Impl> {
    /// e.g. "1.3b": exercise 1.3, second check.
    public let id: String
    public let exerciseID: String
    /// What the check verifies, in one line.
    public let title: String
    public let points: Double
    /// The tolerance and the reason for it.
    public let tolerance: String
    public let body: (Impl) throws -> Void

    public init(_ id: String, exercise: String, _ title: String, points: Double = 1,
                tolerance: String, body: @escaping (Impl) throws -> Void) {
        self.id = id; self.exerciseID = exercise; self.title = title
        self.points = points; self.tolerance = tolerance; self.body = body
    }

    /// Runs the check against `impl`, classifying what happened.
    public func run(_ impl: Impl) -> CheckResult {
        let hint = Syllabus.exercise(exerciseID)?.hint ?? ""
        func result(_ status: CheckStatus, _ message: String) -> CheckResult {
            CheckResult(checkID: id, exerciseID: exerciseID, title: title, points: points, status: status, message: message)
        }
        do {
            try body(impl)
            return result(.passed, "")
        } catch let lost as WorkerFailure {
            return result(lost.kind == .timedOut ? .timedOut : .crashed, lost.description)
        } catch let stub as NotImplemented {
            return result(.notStarted, stub.description)
        } catch let failure as CheckFailure {
            let tol = failure.toleranceApplies ? "\n  tolerance: \(tolerance)" : ""
            return result(.failed, "\(failure.description)\(tol)\n  hint: \(hint)")
        } catch {
            return result(.failed, "your code threw: \(error)\n  hint: \(hint)")
        }
    }

    /// Forgets the module type by reading the module's implementation out of ``Implementations``.
    public func erased(_ pick: @escaping (Implementations) -> Impl) -> AnyCheck {
        AnyCheck(id: id, exerciseID: exerciseID, title: title, points: points, tolerance: tolerance) { run(pick($0)) }
    }
}

/// A check of any module, run against a set of implementations.
public struct AnyCheck {
    public let id: String
    public let exerciseID: String
    public let title: String
    public let points: Double
    public let tolerance: String
    public let run: (Implementations) -> CheckResult
}
