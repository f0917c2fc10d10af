import Course
import Foundation

/// The state of one exercise, summarised from its checks.
public enum ExerciseState: String, Codable, Sendable {
    case passed, failed, notStarted = "not started", inProgress = "in progress", crashed, timedOut = "timed out"

    public init(_ results: [CheckResult]) {
        let s = results.map(\.status)
        if s.contains(.timedOut) { self = .timedOut }
        else if s.contains(.crashed) { self = .crashed }
        else if s.contains(.failed) { self = .failed }
        else if s.allSatisfy({ $0 == .passed }) { self = .passed }
        else if s.allSatisfy({ $0 == .notStarted }) { self = .notStarted }
        else { self = .inProgress }
    }
}

/// A table of module, exercise, state and points, with totals.
public struct Scoreboard {
    public let results: [CheckResult]
    public init(_ results: [CheckResult]) { self.results = results }

    public var score: Double { results.reduce(0) { $0 + $1.earned } }
    public var maxScore: Double { results.reduce(0) { $0 + $1.points } }

    public func render(verbose: Bool = true) -> String {
        var lines: [String] = []
        let width = Syllabus.modules.flatMap(\.exercises).map { $0.id.count + 1 + $0.title.count }.max() ?? 46
        let moduleWidth = Syllabus.modules.map { "\($0.number) \($0.title)".count }.max() ?? 28
        let header = "module".padding(toLength: moduleWidth, withPad: " ", startingAt: 0) + " "
            + "exercise".padding(toLength: width, withPad: " ", startingAt: 0) + " state          points"
        lines.append(header)
        lines.append(String(repeating: "─", count: header.count))
        for module in Syllabus.modules {
            for ex in module.exercises {
                let rs = results.filter { $0.exerciseID == ex.id }
                guard !rs.isEmpty else { continue }
                let earned = rs.reduce(0) { $0 + $1.earned }, total = rs.reduce(0) { $0 + $1.points }
                let name = "\(module.number) \(module.title)".padding(toLength: moduleWidth, withPad: " ", startingAt: 0)
                let exName = "\(ex.id) \(ex.title)".padding(toLength: width, withPad: " ", startingAt: 0)
                let state = ExerciseState(rs).rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)
                lines.append("\(name) \(exName) \(state) \(fmt(earned))/\(fmt(total))")
                if verbose {
                    for r in rs where r.status != .passed && r.status != .notStarted {
                        lines.append("    ✗ \(r.checkID) \(r.status.rawValue): \(r.title)")
                        lines.append(contentsOf: r.message.split(separator: "\n").map { "      " + $0 })
                    }
                }
            }
        }
        lines.append(String(repeating: "─", count: header.count))
        let count = { (s: CheckStatus) in results.filter { $0.status == s }.count }
        lines.append("total \(fmt(score))/\(fmt(maxScore)) points — checks: \(count(.passed)) passed, \(count(.failed)) failed, "
                     + "\(count(.notStarted)) not started, \(count(.crashed)) crashed, \(count(.timedOut)) timed out")
        return lines.joined(separator: "\n")
    }

    private func fmt(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(format: "%.1f", x) }
}
