import Foundation

/// The resources a worker may use, set (`setrlimit`) in the worker before any student code runs.
///
/// Defaults: 4 GiB of memory (RLIMIT_DATA: heap and private writable mappings), CPU time = the exercise's time limit + 30 s, files up to
/// 256 MiB, 4,096 processes/threads of this user, 8 MiB of printed output, 64 MiB per reply (the largest honest answer is under 2 MiB).
/// `REPLEARN_LIMITS` changes them, e.g. `REPLEARN_LIMITS=memory=8G,output=32M` (`none` lifts one).
public struct WorkerLimits: Equatable, Sendable {
    /// Bytes of memory (RLIMIT_DATA: heap and private writable mappings); nil: unlimited.
    public var memory: Int? = 4 << 30
    /// CPU seconds (RLIMIT_CPU); nil: the time limit + 30 s.
    public var cpu: Int? = nil
    /// Largest file the worker may write (RLIMIT_FSIZE).
    public var fileSize: Int? = 256 << 20
    /// Processes and threads of this user (RLIMIT_NPROC; root is exempt).
    public var processes: Int? = 4096
    /// Bytes the worker may print (stdout and stderr together) before it is stopped.
    public var output: Int = 8 << 20
    /// Largest single reply.
    public var reply: Int = 64 << 20

    public init() {}

    /// Parses `memory=4G,cpu=90,files=64M,processes=512,output=8M,reply=64M`.
    public init(parsing text: String) throws {
        for item in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
            let kv = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard kv.count == 2 else { throw LimitsError("REPLEARN_LIMITS: \(item.debugDescription) is not name=value") }
            let value: Int?
            if kv[1] == "none" { value = nil } else {
                guard let v = Self.size(kv[1]) else { throw LimitsError("REPLEARN_LIMITS: \(kv[1].debugDescription) is not a size (e.g. 512M, 4G, none)") }
                value = v
            }
            switch kv[0] {
            case "memory": memory = value
            case "cpu": cpu = value
            case "files": fileSize = value
            case "processes": processes = value
            case "output": output = value ?? Int.max
            case "reply": reply = value ?? Int.max
            default: throw LimitsError("REPLEARN_LIMITS: unknown limit \(kv[0].debugDescription) (memory, cpu, files, processes, output, reply)")
            }
        }
    }

    /// The defaults changed by `REPLEARN_LIMITS`.
    public static func fromEnvironment() throws -> WorkerLimits {
        try WorkerLimits(parsing: ProcessInfo.processInfo.environment["REPLEARN_LIMITS"] ?? "")
    }

    /// "512M" → 536870912; plain numbers are taken as they are.
    static func size(_ s: String) -> Int? {
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        if let last = s.last, let u = units[Character(last.uppercased())] {
            guard let n = Double(s.dropLast()), n.isFinite, n >= 0, n * Double(u) < 9e18 else { return nil }
            return Int(n * Double(u))
        }
        guard let n = Int(s), n >= 0 else { return nil }
        return n
    }

    /// What the worker receives (`REPLEARN_WORKER_LIMITS`): the kernel limits, with CPU resolved.
    public func workerEnvironment(timeLimit: Double) -> String {
        let cpuSeconds = cpu ?? Int(min(timeLimit, 1e7).rounded(.up)) + 30
        func f(_ v: Int?) -> String { v.map(String.init) ?? "none" }
        return "memory=\(f(memory)),cpu=\(cpuSeconds),files=\(f(fileSize)),processes=\(f(processes))"
    }

    /// "4 GiB", "512 MiB".
    public static func describe(_ bytes: Int) -> String {
        bytes >= 1 << 30 && bytes % (1 << 30) == 0 ? "\(bytes >> 30) GiB"
            : bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : bytes >= 1 << 10 ? "\(bytes >> 10) KiB" : "\(bytes) bytes"
    }
}

public struct LimitsError: Error, CustomStringConvertible {
    public let description: String
    public init(_ d: String) { description = d }
}
