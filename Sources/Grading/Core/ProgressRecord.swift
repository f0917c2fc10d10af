import Course
import Foundation
import RepLearn

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
        return try? decode(data)
    }

    static func decode(_ data: Data) throws -> ProgressRecord {
        let dec = JSONDecoder()
        dec.dateDecodingStrategy = .iso8601
        return try dec.decode(ProgressRecord.self, from: data)
    }

    /// The record at `url`, or nil when there is none yet. A file that cannot be read as a record
    /// is not silently replaced: it is moved aside (`progress.json.corrupt-<date>`) and `note`
    /// says so.
    public static func loadKeepingCorrupt(from url: URL) -> (record: ProgressRecord?, note: String?) {
        guard let data = try? Data(contentsOf: url) else { return (nil, nil) }
        do {
            return (try decode(data), nil)
        } catch {
            let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "-")
            let aside = url.deletingLastPathComponent().appendingPathComponent("\(url.lastPathComponent).corrupt-\(stamp)")
            let moved = (try? FileManager.default.moveItem(at: url, to: aside)) != nil
            return (nil, "Note: \(url.lastPathComponent) could not be read (\(data.count) bytes, not a progress record); "
                    + (moved ? "kept as \(aside.lastPathComponent), " : "") + "starting a new record.")
        }
    }

    public func save(to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys]
        enc.dateEncodingStrategy = .iso8601
        try AtomicFile.write(try enc.encode(self), to: url)
    }

    /// Lines like "1.3 L2 normalisation: failed → passed", in syllabus order.
    public func changes(since old: ProgressRecord) -> [String] {
        Syllabus.modules.flatMap(\.exercises).compactMap { ex in
            guard let now = states[ex.id], let before = old.states[ex.id], now != before else { return nil }
            return "\(ex.id) \(ex.title): \(before.rawValue) → \(now.rawValue)"
        }
    }
}
