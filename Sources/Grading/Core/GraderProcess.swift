import CProcess
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The grader's own process: what it must do so that no worker outlives it.
///
/// - It is a *child subreaper*: a process the student's code starts and detaches (double fork,
///   `setsid`) is reparented to the grader instead of init, so it can still be found and killed.
/// - SIGINT and SIGTERM kill every live worker's tree before the grader exits (workers run in their
///   own process group, so Ctrl-C at the terminal does not reach them); the workers also die with
///   the grader on their own (`PR_SET_PDEATHSIG`).
/// - SIGPIPE is ignored: a worker that closes its channel is an error to report, not a reason to die.
public enum GraderProcess {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var live: Set<pid_t> = []
    nonisolated(unsafe) private static var prepared = false
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func prepare() {
        lock.lock(); defer { lock.unlock() }
        guard !prepared else { return }
        prepared = true
        _ = replearn_set_child_subreaper()
        signal(SIGPIPE, SIG_IGN)
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                killAll()
                signal(sig, SIG_DFL)
                raise(sig)
            }
            source.resume()
            sources.append(source)
        }
    }

    static func register(_ pid: pid_t) { lock.lock(); live.insert(pid); lock.unlock() }
    static func unregister(_ pid: pid_t) { lock.lock(); live.remove(pid); lock.unlock() }

    /// Kills every live worker and its descendants (on SIGINT/SIGTERM).
    public static func killAll() {
        lock.lock(); let pids = live; lock.unlock()
        for pid in pids { killTree(pid, startedAfter: nil) }
    }

    /// SIGKILLs the worker's process group and every descendant of the worker — and, since the
    /// grader is a subreaper, every descendant of the grader started after the worker (orphans the
    /// worker left behind) — until none is left, then reaps the grader's own dead children.
    static func killTree(_ worker: pid_t, startedAfter: Date?) {
        guard worker > 0 else { return }
        kill(-worker, SIGKILL)
        let me = getpid()
        let since = startedAfter.map { ticksSinceBoot(of: $0) } ?? nil
        for _ in 0..<50 {
            let table = processTable()
            var victims = Set<pid_t>()
            func descendants(of root: pid_t) -> Set<pid_t> {
                var found: Set<pid_t> = [], frontier = [root]
                while let p = frontier.popLast() {
                    for (child, info) in table where info.parent == p && !found.contains(child) { found.insert(child); frontier.append(child) }
                }
                return found
            }
            victims.formUnion(descendants(of: worker))
            if table[worker] != nil && table[worker]?.state != "Z" { victims.insert(worker) }
            if let since {
                for (p, info) in table where info.parent == me && p != worker && info.start >= since && info.state != "Z" {
                    victims.insert(p); victims.formUnion(descendants(of: p))
                }
            }
            victims = victims.filter { table[$0]?.state != "Z" }
            if victims.isEmpty { break }
            for v in victims { kill(v, SIGKILL) }
            usleep(2_000)
            reapOrphans(except: worker, since: since, table: table)
        }
        reapOrphans(except: worker, since: since, table: processTable())
    }

    /// Waits for the grader's children that were the worker's orphans (never the worker itself:
    /// its session collects its status).
    private static func reapOrphans(except worker: pid_t, since: UInt64?, table: [pid_t: ProcInfo]) {
        guard let since else { return }
        let me = getpid()
        for (p, info) in table where info.parent == me && p != worker && info.start >= since {
            var s: Int32 = 0
            _ = waitpid(p, &s, WNOHANG)
        }
    }

    struct ProcInfo { let parent: pid_t; let start: UInt64; let state: String }

    /// pid → parent, start time (clock ticks since boot) and state, from /proc/PID/stat.
    static func processTable() -> [pid_t: ProcInfo] {
        var table: [pid_t: ProcInfo] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = pid_t(name), let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                  let close = stat.range(of: ")", options: .backwards) else { continue }
            let fields = stat[close.upperBound...].split(separator: " ")
            // After "pid (comm)": state, ppid, …, starttime is field 22 of the whole line (index 19 here).
            guard fields.count > 19, let ppid = pid_t(fields[1]), let start = UInt64(fields[19]) else { continue }
            table[pid] = ProcInfo(parent: ppid, start: start, state: String(fields[0]))
        }
        return table
    }

    /// `date` in the clock ticks since boot that /proc/PID/stat uses (rounded down a little).
    static func ticksSinceBoot(of date: Date) -> UInt64? {
        guard let uptime = try? String(contentsOfFile: "/proc/uptime", encoding: .utf8),
              let up = Double(uptime.split(separator: " ").first ?? "") else { return nil }
        let hz = Double(sysconf(Int32(_SC_CLK_TCK)))
        let bootAgo = up - date.timeIntervalSinceNow * -1
        return UInt64(max(0, (bootAgo - 0.05) * hz))
    }
}
