import Foundation
import RepLearn

/// Gradescope's autograder `results.json`: score, max_score and one entry per check.
public struct GradescopeReport: Codable {
    public struct Test: Codable {
        public let name: String
        public let number: String
        public let score: Double
        public let max_score: Double
        /// "passed" or "failed" (Gradescope's two states; not started, crashed and timed out are failed).
        public let status: String
        public let output: String
    }

    public let score: Double
    public let max_score: Double
    public let output: String
    public let tests: [Test]

    public init(_ results: [CheckResult]) {
        let board = Scoreboard(results)
        score = board.score
        max_score = board.maxScore
        output = "RepLearn autograder: \(board.score)/\(board.maxScore)"
        tests = results.map { r in
            Test(name: "\(r.checkID) \(r.title)", number: r.checkID, score: r.earned, max_score: r.points,
                 status: r.status == .passed ? "passed" : "failed",
                 output: r.status == .passed ? "passed" : "\(r.status.rawValue): \(r.message)")
        }
    }

    public func write(to url: URL) throws {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(try enc.encode(self), to: url)
    }
}
