import CProcess
import Course
import Foundation
import RepLearn
#if canImport(Glibc)
import Glibc
#endif

/// The process that runs student code (`replearn-worker`, or `replearn-worker-reference` for
/// Solutions/). It links the course's protocols and one implementation — never the grader's
/// oracles — and only answers calls: read a call on fd 3, run the function, write its outputs to
/// fd 4. Whatever the student's code prints goes to stdout/stderr, which the grader reads
/// separately (bounded), so a `print` cannot be mistaken for an answer.
public enum Worker {
    /// Calls arrive here …
    public static let callFD: Int32 = 3
    /// … and results leave here.
    public static let resultFD: Int32 = 4

    /// Sets up the process (dies with its parent, resource limits), then serves calls until the
    /// grader says bye or goes away. Nothing of `impls` runs before the limits are in force.
    public static func main(_ impls: Implementations) -> Never {
        let env = ProcessInfo.processInfo.environment
        // Started as root with REPLEARN_WORKER_USER (the autograder): run the student's code as
        // that unprivileged user. First, because a change of user clears the parent-death signal.
        if let name = env["REPLEARN_WORKER_USER"], !name.isEmpty, getuid() == 0 { dropPrivileges(to: name) }
        // Die with the grader, and refuse to start if it is already gone (the signal is only
        // armed from now on).
        _ = replearn_set_parent_death_signal(SIGKILL)
        if let parent = env["REPLEARN_WORKER_PARENT"].flatMap(Int32.init), getppid() != parent { exit(70) }
        guard fcntl(callFD, F_GETFD) != -1, fcntl(resultFD, F_GETFD) != -1 else {
            FileHandle.standardError.write(Data("replearn-worker: started by the grader only (it answers calls on fds 3 and 4)\n".utf8))
            exit(64)
        }
        // Programs the student's code starts must not inherit the channel.
        _ = fcntl(callFD, F_SETFD, FD_CLOEXEC)
        _ = fcntl(resultFD, F_SETFD, FD_CLOEXEC)
        applyLimits(env["REPLEARN_WORKER_LIMITS"] ?? "")
        setvbuf(stdout, nil, _IOLBF, 0)
        var channel = Channel()
        while true {
            guard let frame = channel.read() else { exit(0) }
            var r = WireReader(frame)
            guard let tag = try? r.u8() else { exit(65) }
            switch tag {
            case Frame.call:
                guard let seq = try? r.u32(), let raw = try? r.u32(), let method = Method(rawValue: raw) else { exit(65) }
                channel.answer(seq: seq, method: method, &r, impls)
            case Frame.bye: exit(0)
            default: exit(65)
            }
        }
    }

    static func dropPrivileges(to name: String) {
        guard let pw = getpwnam(name) else {
            FileHandle.standardError.write(Data("replearn-worker: no user \(name) to run the student's code as\n".utf8))
            exit(71)
        }
        guard setgroups(0, nil) == 0, setgid(pw.pointee.pw_gid) == 0, setuid(pw.pointee.pw_uid) == 0, getuid() != 0 else {
            FileHandle.standardError.write(Data("replearn-worker: cannot switch to user \(name): \(String(cString: strerror(errno)))\n".utf8))
            exit(71)
        }
    }

    static func applyLimits(_ text: String) {
        for item in text.split(separator: ",") {
            let kv = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard kv.count == 2 else { continue }
            // Memory is RLIMIT_DATA (heap and private writable mappings), not RLIMIT_AS: address space
            // that threads and malloc arenas only reserve would count against RLIMIT_AS on many-core machines.
            let which: Int32
            switch kv[0] { case "memory": which = 4; case "cpu": which = 1; case "files": which = 2; case "processes": which = 3; default: continue }
            let value = kv[1] == "none" ? -1 : Int64(kv[1]) ?? -1
            // Processes count every thread of the user: the limit is on top of those running now.
            let limit = which == 3 && value >= 0 ? value + Int64(tasksOfThisUser()) : value
            _ = replearn_set_limit(which, limit)
        }
    }

    /// Threads of this user now (what RLIMIT_NPROC counts).
    static func tasksOfThisUser() -> Int {
        let uid = getuid()
        var n = 0
        for pid in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] where pid.first?.isNumber == true {
            guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { continue }
            var owner: UInt32?, threads = 1
            for line in status.split(separator: "\n") {
                if line.hasPrefix("Uid:") { owner = line.split(separator: "\t").dropFirst().first.flatMap { UInt32($0) } }
                if line.hasPrefix("Threads:") { threads = Int(line.split(separator: "\t").last ?? "1") ?? 1 }
            }
            if owner == uid { n += threads }
        }
        return n
    }

    /// Blocking frame I/O on fds 3 and 4.
    struct Channel {
        func read() -> [UInt8]? {
            guard let head = readExactly(4) else { return nil }
            let n = Int(head[0]) | Int(head[1]) << 8 | Int(head[2]) << 16 | Int(head[3]) << 24
            return readExactly(n)
        }
        func readExactly(_ n: Int) -> [UInt8]? {
            var buf = [UInt8](repeating: 0, count: n)
            var got = 0
            while got < n {
                let k = buf.withUnsafeMutableBytes { Glibc.read(callFD, $0.baseAddress! + got, n - got) }
                if k < 0 && errno == EINTR { continue }
                if k <= 0 { return nil }
                got += k
            }
            return buf
        }
        func write(_ payload: [UInt8]) {
            var frame = WireWriter()
            frame.put(UInt32(payload.count))
            let bytes = frame.bytes + payload
            var sent = 0
            while sent < bytes.count {
                let k = bytes.withUnsafeBytes { Glibc.write(resultFD, $0.baseAddress! + sent, bytes.count - sent) }
                if k < 0 && errno == EINTR { continue }
                if k <= 0 { exit(0) }                    // the grader is gone
                sent += k
            }
        }

        /// Runs one call and writes its result (or the student's error).
        mutating func answer(seq: UInt32, method: Method, _ r: inout WireReader, _ impls: Implementations) {
            var out = WireWriter()
            out.put(Frame.result); out.put(seq)
            var outputs = WireWriter()
            let me = self
            do {
                try Dispatch.run(method, &r, &outputs, impls) { try me.callback($0) }
                out.put(Frame.ok)
                write(out.bytes + outputs.bytes)
                return
            } catch let stub as NotImplemented {
                out.put(Frame.notImplemented); out.put(String(stub.exercise.prefix(16))); out.put(String(stub.function.prefix(256)))
            } catch {
                out.put(Frame.threw); out.put(String(String(describing: error).prefix(Frame.maxText)))
            }
            write(out.bytes)
        }

        /// The student's code called a closure argument: the grader evaluates it.
        func callback(_ t: Tensor) throws -> Tensor {
            var w = WireWriter()
            w.put(Frame.callback); w.put(t)
            write(w.bytes)
            guard let frame = read() else { exit(0) }
            var r = WireReader(frame)
            guard (try? r.u8()) == Frame.callbackReply else { exit(65) }
            if try r.bool() { return try r.tensor() }
            throw StudentError(try r.string())
        }
    }
}
