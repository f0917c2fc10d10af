/// The four states of a graded check (plus a time-out): an untouched stub never looks like a
/// pass or like a bug.
public enum CheckStatus: String, Codable, Sendable {
    case passed
    case failed
    case notStarted = "not started"
    case crashed
    case timedOut = "timed out"
}

/// The outcome of one check, as every front end (XCTest, CLI, Gradescope) shows it.
public struct CheckResult: Codable, Sendable {
    public let checkID: String
    public let exerciseID: String
    public let title: String
    public let points: Double
    public let status: CheckStatus
    /// Expected, got, tolerance and hint for a failure; the stub's location when not started.
    public let message: String

    public var earned: Double { status == .passed ? points : 0 }

    public init(checkID: String, exerciseID: String, title: String, points: Double, status: CheckStatus, message: String) {
        self.checkID = checkID; self.exerciseID = exerciseID; self.title = title
        self.points = points; self.status = status; self.message = message
    }
}
