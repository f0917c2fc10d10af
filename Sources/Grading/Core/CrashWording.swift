import Foundation
import Probes
#if canImport(Glibc)
import Glibc
#endif

/// How a worker ended, in words a student can act on: a signal number alone ("signal 11") says
/// nothing to most people.
enum CrashWording {
    /// e.g. "exit code 0", "signal 4: runtime trap (overflow, force-unwrap of nil, …)",
    /// "exceeded the memory limit (4 GiB)". `output` is the worker's last output.
    static func how(_ status: Int32, output: String, limits: WorkerLimits) -> String {
        let signal = status & 0x7f
        if signal == 0 { return "exit code \((status >> 8) & 0xff)" }
        let lower = output.lowercased()
        let outOfMemory = lower.contains("could not allocate") || lower.contains("cannot allocate") || lower.contains("out of memory")
            || lower.contains("failed to allocate")
        if outOfMemory {
            return "exceeded the memory limit" + (limits.memory.map { " (\(WorkerLimits.describe($0)))" } ?? "")
        }
        let hasMessage = output.contains("Fatal error") || output.contains("Precondition failed") || output.contains("Assertion failed")
        switch signal {
        case SIGXCPU: return "exceeded the CPU time limit"
        case SIGXFSZ: return "exceeded the file size limit" + (limits.fileSize.map { " (\(WorkerLimits.describe($0)))" } ?? "")
        case SIGSEGV, SIGBUS:
            if lower.contains("stack overflow") || !hasMessage { return "signal \(signal): stack overflow — unbounded recursion? (or a bad memory access)" }
            return "signal \(signal)"
        case SIGILL, SIGTRAP:
            return hasMessage ? "signal \(signal)" : "signal \(signal): runtime trap (overflow, force-unwrap of nil, …)"
        case SIGKILL: return "signal 9: killed (out of memory, or stopped from outside)"
        case SIGABRT: return "signal 6: aborted"
        default: return "signal \(signal)"
        }
    }
}

/// The time a worker may take for one exercise.
public enum TimeLimit {
    /// A finite, positive number of seconds, or a one-line reason why not.
    public static func validate(_ seconds: Double, source: String) throws -> Double {
        guard seconds.isFinite, seconds > 0 else {
            throw LimitsError("\(source) must be a positive number of seconds, not \(seconds)")
        }
        return min(seconds, 1e6)
    }

    /// `REPLEARN_TIME_LIMIT` (validated), or `fallback`.
    public static func fromEnvironment(default fallback: Double) throws -> Double {
        guard let text = ProcessInfo.processInfo.environment["REPLEARN_TIME_LIMIT"], !text.isEmpty else { return fallback }
        guard let v = Double(text) else { throw LimitsError("REPLEARN_TIME_LIMIT must be a positive number of seconds, not \(text.debugDescription)") }
        return try validate(v, source: "REPLEARN_TIME_LIMIT")
    }

    /// "60 s", "0.5 s".
    static func describe(_ s: Double) -> String { s == s.rounded() ? "\(Int(s)) s" : "\(s) s" }
}
