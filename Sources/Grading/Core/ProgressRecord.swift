import Course
import Foundation

/// A student's progress between `replearn grade` runs: each exercise's state, kept in
/// `.replearn/progress.json` under the package (ignored by git), so the scoreboard can say
/// what changed since last time.
public struct ProgressRecord: Codable {
    public var states: [String: ExerciseState]
    public var date: Date

    public init(_ results: [CheckResult]) {
        var s: [String: ExerciseState] = [:]
        for id in Set(results.map(\.exerciseID)) { s[id] = ExerciseState(results.filter { $0.exerciseID == id }) }
        states = s
        date = Date()
    }

    /// This record with the exercises graded in `results` replaced (after `replearn grade --only`);
    /// every other exercise keeps its state.
    public func updating(with results: [CheckResult]) -> ProgressRecord {
        var r = self
        for (id, state) in ProgressRecord(results).states { r.states[id] = state }
        r.date = Date()
        return r
    }

    public static func load(from url: URL) -> ProgressRecord? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        let dec = JSONDecoder()
        dec.dateDecodingStrategy = .iso8601
        return try? dec.decode(ProgressRecord.self, from: data)
    }

    public func save(to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys]
        enc.dateEncodingStrategy = .iso8601
        try enc.encode(self).write(to: url)
    }

    /// Lines like "1.3 L2 normalisation: failed → passed", in syllabus order.
    public func changes(since old: ProgressRecord) -> [String] {
        Syllabus.modules.flatMap(\.exercises).compactMap { ex in
            guard let now = states[ex.id], let before = old.states[ex.id], now != before else { return nil }
            return "\(ex.id) \(ex.title): \(before.rawValue) → \(now.rawValue)"
        }
    }
}
