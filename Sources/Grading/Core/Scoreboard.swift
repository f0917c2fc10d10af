import Course
import Foundation
import RepLearn

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

/// A table of module, exercise, state and points, with totals, fitted to a terminal width.
///
/// The current module (the first with an exercise not yet passed) is shown in full, with the
/// failures of its exercises; every other module is one summary line. `all` shows every module
/// in full.
public struct Scoreboard {
    public let results: [CheckResult]
    public init(_ results: [CheckResult]) { self.results = results }

    public var score: Double { results.reduce(0) { $0 + $1.earned } }
    public var maxScore: Double { results.reduce(0) { $0 + $1.points } }

    /// Checks that failed, crashed or timed out; with `strict`, also those not started.
    public func unsuccessful(strict: Bool = false) -> [CheckResult] {
        results.filter { r in r.status == .failed || r.status == .crashed || r.status == .timedOut || (strict && r.status == .notStarted) }
    }

    /// Exit status for `replearn grade`: 1 when any check failed, crashed or timed out (or, with
    /// `strict`, was not started), else 0.
    public func exitStatus(strict: Bool = false) -> Int32 { unsuccessful(strict: strict).isEmpty ? 0 : 1 }

    /// Each graded exercise of `module` with its results, in syllabus order.
    func graded(_ module: ModuleInfo) -> [(ExerciseInfo, [CheckResult])] {
        module.exercises.compactMap { ex in
            let rs = results.filter { $0.exerciseID == ex.id }
            return rs.isEmpty ? nil : (ex, rs)
        }
    }

    /// The module shown in full: the first with a graded exercise that has not passed.
    public var currentModule: ModuleInfo? {
        Syllabus.modules.first { m in graded(m).contains { ExerciseState($0.1) != .passed } }
    }

    static let stateWidth = 11, pointsWidth = 7

    /// Widest layout: beyond it the columns would drift apart on a wide terminal.
    static let maxWidth = 100

    public func render(verbose: Bool = true, width: Int = 80, all: Bool = false) -> String {
        let width = min(max(width, 40), Self.maxWidth)
        var lines: [String] = []
        let current = currentModule?.number
        for module in Syllabus.modules {
            let exercises = graded(module)
            guard !exercises.isEmpty else { continue }
            let rs = exercises.flatMap(\.1)
            let points = "\(fmt(rs.reduce(0) { $0 + $1.earned }))/\(fmt(rs.reduce(0) { $0 + $1.points }))"
            let name = "\(module.number) \(module.title)"
            guard all || module.number == current else {
                let summary = Self.summary(exercises.map { ExerciseState($0.1) })
                lines += TextLayout.justify(name, summary + "  " + points.leftPadded(Self.pointsWidth), width: width, minLeft: 16)
                continue
            }
            lines += TextLayout.justify(name, points.leftPadded(Self.pointsWidth), width: width)
            for (ex, rs) in exercises {
                let earned = "\(fmt(rs.reduce(0) { $0 + $1.earned }))/\(fmt(rs.reduce(0) { $0 + $1.points }))"
                let right = TextLayout.pad(ExerciseState(rs).rawValue, Self.stateWidth) + " " + earned.leftPadded(Self.pointsWidth)
                lines += TextLayout.justify("  \(ex.id) \(ex.title)", right, width: width)
                guard verbose else { continue }
                for r in rs where r.status != .passed && r.status != .notStarted {
                    lines += TextLayout.wrap("✗ \(r.checkID) \(r.status.rawValue): \(r.title)", width: width, indent: "    ", hanging: "      ")
                    for m in r.message.split(separator: "\n") {
                        lines += TextLayout.wrap(String(m).trimmingCharacters(in: .whitespaces), width: width, indent: "      ", hanging: "        ")
                    }
                }
            }
        }
        lines.append(String(repeating: "─", count: width))
        let count = { (s: CheckStatus) in results.filter { $0.status == s }.count }
        let tally = [CheckStatus.failed, .notStarted, .crashed, .timedOut].filter { count($0) > 0 }.map { "\(count($0)) \($0.rawValue)" }
        lines += TextLayout.wrap("total \(fmt(score))/\(fmt(maxScore)) points — checks: "
                                 + (["\(count(.passed)) passed"] + tally).joined(separator: ", "), width: width, hanging: "  ")
        return lines.joined(separator: "\n")
    }

    /// `replearn list`: modules and exercises with their state and file; the current module in
    /// full, the others one line each (`all`: every module in full).
    public func list(width: Int = 80, all: Bool = false, walkCommand: (ModuleInfo) -> String) -> String {
        let width = min(max(width, 40), Self.maxWidth)
        var lines: [String] = []
        let current = currentModule?.number
        for module in Syllabus.modules {
            let exercises = graded(module)
            guard !exercises.isEmpty else { continue }
            let name = "\(module.number) \(module.title)"
            guard all || module.number == current else {
                lines += TextLayout.justify(name, Self.summary(exercises.map { ExerciseState($0.1) }), width: width, minLeft: 16)
                continue
            }
            lines.append(TextLayout.truncate(name, width))
            let folder = (module.exercises.first?.file as NSString?)?.deletingLastPathComponent ?? "Exercises"
            lines += TextLayout.wrap("notes \(module.lecture) · code \(folder)/", width: width, indent: "  ", hanging: "    ")
            lines += TextLayout.wrap("walk: \(walkCommand(module))", width: width, indent: "  ", hanging: "    ")
            // The file column only when the titles fit beside it; else the folder above says where.
            let files = exercises.map { ($0.0.file as NSString).lastPathComponent }
            let titleWidth = exercises.map { 3 + $0.0.id.count + $0.0.title.count }.max() ?? 0
            let fileWidth = files.map(\.count).max() ?? 0
            let showFiles = titleWidth + 1 + Self.stateWidth + 1 + fileWidth <= width
            for ((ex, rs), file) in zip(exercises, files) {
                let state = ExerciseState(rs).rawValue
                let right = showFiles ? TextLayout.pad(state, Self.stateWidth) + " " + TextLayout.pad(file, fileWidth)
                    : TextLayout.pad(state, Self.stateWidth)
                lines += TextLayout.justify("  \(ex.id) \(ex.title)", right, width: width)
            }
        }
        return lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n")
    }

    /// "5 exercises: 2 passed, 3 not started".
    static func summary(_ states: [ExerciseState]) -> String {
        let order: [ExerciseState] = [.passed, .failed, .inProgress, .crashed, .timedOut, .notStarted]
        let parts = order.compactMap { s -> String? in
            let n = states.filter { $0 == s }.count
            return n == 0 ? nil : "\(n) \(s.rawValue)"
        }
        if parts.count == 1, states.count > 1, let only = states.first {
            return "\(states.count) exercises: " + (only == .notStarted ? "none started" : "all \(only.rawValue)")
        }
        return "\(states.count) exercise\(states.count == 1 ? "" : "s"): " + parts.joined(separator: ", ")
    }

    private func fmt(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(format: "%.1f", x) }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
