import CProcess
import Course
import Foundation
import Probes
import RepLearn
#if canImport(Glibc)
import Glibc
#endif

/// One worker process, seen from the grader: it is started, asked to run student functions
/// (``Link``), and stopped — with everything it started.
///
/// Nothing here waits on the worker without a deadline: every read and write polls, so a worker
/// that loops, floods its output, sends garbage or stops reading cannot stall the grader. The
/// results come from the call channel, not from pipe EOF, so a grandchild holding a pipe changes
/// nothing. The worker's own output (stdout, stderr) is read as it comes: only the last 16 KiB of
/// each are kept (stderr for crash reports), and past ``WorkerLimits/output`` in all the worker is stopped.
final class WorkerSession: Link {
    let executable: String
    let limits: WorkerLimits
    let timeLimit: TimeInterval
    let exerciseFile: String
    private(set) var pid: pid_t = 0
    private var callFD: Int32 = -1, resultFD: Int32 = -1
    /// The worker's stdout and stderr (-1 once closed).
    private var outputFDs: [Int32] = [-1, -1]
    private var deadline = Date()
    private var started = Date()
    private var seq: UInt32 = 0
    /// The last bytes the worker printed on stdout and on stderr, and how many in all.
    private var tails: [[UInt8]] = [[], []]
    private var printed = 0
    private var exitStatus: Int32?
    /// Set once the worker has failed: every later call throws it.
    private(set) var failure: WorkerFailure?

    static let tailBytes = 16 << 10

    /// Swift runtime backtracer options for graded children: text only, the crashed thread, no
    /// registers or image list, paths not sanitised, on stderr (stdout carries the results).
    static let backtraceSettings = "enable=yes,interactive=no,color=no,threads=crashed,registers=none,images=none,"
        + "limit=48,top=0,sanitize=no,demangle=yes,output-to=stderr"

    init(executable: String, timeLimit: TimeInterval, limits: WorkerLimits, exerciseFile: String) {
        self.executable = executable; self.timeLimit = timeLimit; self.limits = limits; self.exerciseFile = exerciseFile
    }

    // MARK: starting and stopping

    /// Starts the worker in its own process group, with the call channel on fds 3 and 4.
    func start() throws {
        GraderProcess.prepare()
        var callPipe: [Int32] = [0, 0], resultPipe: [Int32] = [0, 0], outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
        guard pipe(&callPipe) == 0, pipe(&resultPipe) == 0, pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { throw InputError("pipe() failed: errno \(errno)") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        posix_spawn_file_actions_adddup2(&actions, callPipe[0], Worker.callFD)
        posix_spawn_file_actions_adddup2(&actions, resultPipe[1], Worker.resultFD)
        for fd in callPipe + resultPipe + outPipe + errPipe where fd > Worker.resultFD { posix_spawn_file_actions_addclose(&actions, fd) }
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attr, 0)

        let argv = [strdup(executable)] + [nil]
        defer { argv.forEach { free($0) } }
        var env = ProcessInfo.processInfo.environment
        env["SWIFT_BACKTRACE"] = Self.backtraceSettings
        env["REPLEARN_WORKER_PARENT"] = String(getpid())
        env["REPLEARN_WORKER_LIMITS"] = limits.workerEnvironment(timeLimit: timeLimit)
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        started = Date()
        let rc = posix_spawn(&pid, executable, &actions, &attr, argv, envp)
        close(callPipe[0]); close(resultPipe[1]); close(outPipe[1]); close(errPipe[1])
        callFD = callPipe[1]; resultFD = resultPipe[0]; outputFDs = [outPipe[0], errPipe[0]]
        for fd in [callFD, resultFD] + outputFDs {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        guard rc == 0 else {
            closeAll()
            throw InputError("cannot start \(executable): \(String(cString: strerror(rc)))")
        }
        GraderProcess.register(pid)
        deadline = started.addingTimeInterval(timeLimit)
    }

    /// Says bye, gives the worker a moment to exit, then kills its process group and every
    /// process it started (found by parentage, wherever they moved).
    func stop() {
        guard pid > 0 else { return }
        if failure == nil, exitStatus == nil {
            var w = WireWriter(); w.put(Frame.bye)
            try? send(w.bytes, graceful: true)
            let until = Date().addingTimeInterval(1)
            while exitStatus == nil, Date() < until { reap(); if exitStatus == nil { drainOutput(timeoutMs: 10) } }
        }
        GraderProcess.killTree(pid, startedAfter: started)
        if exitStatus == nil { var s: Int32 = 0; if waitpid(pid, &s, 0) == pid { exitStatus = s } }
        GraderProcess.unregister(pid)
        closeAll()
        pid = 0
    }

    private func closeAll() {
        for fd in [callFD, resultFD] + outputFDs where fd >= 0 { close(fd) }
        callFD = -1; resultFD = -1; outputFDs = [-1, -1]
    }

    deinit { stop() }

    // MARK: Link

    func call(_ method: Method, _ arguments: WireWriter, callback: ((Tensor) throws -> Tensor)?) throws -> WireReader {
        if let failure { throw failure }
        seq &+= 1
        var w = WireWriter()
        w.put(Frame.call); w.put(seq); w.put(method.rawValue)
        try send(w.bytes + arguments.bytes)
        while true {
            var r = WireReader(try receive(method))
            do {
                let tag = try r.u8("tag")
                if tag == Frame.callback {
                    guard let callback else { throw WireError("a callback during \(method), which takes no closure") }
                    let input = try r.tensor("callback input")
                    try r.finish("the callback's input")
                    var reply = WireWriter()
                    reply.put(Frame.callbackReply)
                    do { let y = try callback(input); reply.put(true); reply.put(y) } catch { reply.put(false); reply.put("\(error)") }
                    try send(reply.bytes)
                    continue
                }
                guard tag == Frame.result else { throw WireError("message kind \(tag)") }
                let got = try r.u32("sequence number")
                guard got == seq else { throw WireError("the answer to call \(got) while call \(seq) was waiting") }
                switch try r.u8("status") {
                case Frame.ok: return r
                case Frame.notImplemented:
                    let ex = try r.string("exercise"), fn = try r.string("function")
                    try r.finish("a not-implemented result")
                    throw NotImplemented(String(ex.prefix(16)), function: String(fn.prefix(256)))
                case Frame.threw:
                    let message = try r.string("error")
                    try r.finish("an error result")
                    throw StudentError(String(message.prefix(Frame.maxText)))
                case let s: throw WireError("status \(s)")
                }
            } catch let e as WireError {
                throw reject(method, "\(e)")
            }
        }
    }

    func reject(_ method: Method, _ reason: String) -> WorkerFailure {
        fail(.crashed, "the exercise crashed: the worker's answer to \(method) is malformed (\(reason))")
    }

    // MARK: I/O with deadlines

    @discardableResult
    private func fail(_ kind: WorkerFailure.Kind, _ message: String) -> WorkerFailure {
        if let failure { return failure }
        let f = WorkerFailure(kind, message)
        failure = f
        GraderProcess.killTree(pid, startedAfter: started)
        return f
    }

    private func timedOut() -> WorkerFailure {
        fail(.timedOut, "no result within \(TimeLimit.describe(timeLimit)) — an endless loop? (\(exerciseFile))")
    }

    /// The worker ended (or broke a limit) while `what`: its exit status and last words.
    private func died(_ what: String) -> WorkerFailure {
        let until = Date().addingTimeInterval(2)
        while exitStatus == nil, Date() < until { drainOutput(timeoutMs: 10); reap() }
        drainOutput(timeoutMs: 0)
        let stderr = String(decoding: tails[1], as: UTF8.self)
        let how = exitStatus.map { CrashWording.how($0, output: stderr, limits: limits) } ?? "it closed its channel"
        return fail(.crashed, "the exercise crashed (\(how)\(what)) \(IsolatedRunner.crashReport(stderr, file: exerciseFile))")
    }

    private func reap() {
        guard exitStatus == nil, pid > 0 else { return }
        var s: Int32 = 0
        if waitpid(pid, &s, WNOHANG) == pid { exitStatus = s }
    }

    /// Reads what the worker printed, keeping the tails; stops it past the output limit.
    private func drainOutput(timeoutMs: Int32) {
        var fds = outputFDs.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        guard poll(&fds, 2, timeoutMs) > 0 else { return }
        for i in 0..<2 where fds[i].revents != 0 { readOutput(i) }
    }

    private func readOutput(_ i: Int) {
        var buf = [UInt8](repeating: 0, count: 65536)
        while outputFDs[i] >= 0 {
            let k = buf.withUnsafeMutableBytes { read(outputFDs[i], $0.baseAddress!, 65536) }
            if k <= 0 { if k == 0 { close(outputFDs[i]); outputFDs[i] = -1 }; return }
            printed += k
            tails[i].append(contentsOf: buf[0..<k])
            if tails[i].count > 2 * Self.tailBytes { tails[i].removeFirst(tails[i].count - Self.tailBytes) }
            if printed > limits.output {
                fail(.crashed, "output limit exceeded: the exercise printed more than \(WorkerLimits.describe(limits.output)) "
                     + "(an endless print loop?) and was stopped — \(exerciseFile)")
                return
            }
        }
    }

    /// Waits until `fd` is ready for `events`, reading the worker's output meanwhile.
    private func wait(_ fd: Int32, _ events: Int32, _ what: String) throws {
        while true {
            if let failure { throw failure }
            let ms = deadline.timeIntervalSinceNow * 1000
            if ms <= 0 { throw timedOut() }
            // A closed output fd is -1, which poll ignores.
            var fds = [pollfd(fd: fd, events: Int16(events), revents: 0)] + outputFDs.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let n = poll(&fds, 3, Int32(min(ms, 50)))
            if n < 0 && errno != EINTR { throw died(what) }
            for i in 0..<2 where fds[i + 1].revents != 0 { readOutput(i) }
            if let failure { throw failure }
            if fds[0].revents & Int16(events) != 0 { return }
            if fds[0].revents & Int16(POLLERR | POLLHUP | POLLNVAL) != 0 { throw died(what) }
            reap()
            if exitStatus != nil { throw died(what) }
        }
    }

    private func send(_ payload: [UInt8], graceful: Bool = false) throws {
        var frame = WireWriter()
        frame.put(UInt32(payload.count))
        let bytes = frame.bytes + payload
        var sent = 0
        while sent < bytes.count {
            if !graceful { try wait(callFD, POLLOUT, " while receiving its inputs") }
            let k = bytes.withUnsafeBytes { write(callFD, $0.baseAddress! + sent, bytes.count - sent) }
            if k < 0 && (errno == EAGAIN || errno == EINTR) { if graceful { return }; continue }
            if k <= 0 { if graceful { return }; throw died(" while receiving its inputs") }
            sent += k
        }
    }

    private func receive(_ method: Method) throws -> [UInt8] {
        let what = ", before returning the outputs of \(method)"
        let head = try readExactly(4, what)
        let n = Int(head[0]) | Int(head[1]) << 8 | Int(head[2]) << 16 | Int(head[3]) << 24
        guard n <= limits.reply else {
            throw fail(.crashed, "the exercise crashed: the worker's answer to \(method) is too large "
                       + "(\(WorkerLimits.describe(n)), the limit is \(WorkerLimits.describe(limits.reply)))")
        }
        return try readExactly(n, what)
    }

    private func readExactly(_ n: Int, _ what: String) throws -> [UInt8] {
        var buf = [UInt8](repeating: 0, count: n)
        var got = 0
        while got < n {
            try wait(resultFD, POLLIN, what)
            let k = buf.withUnsafeMutableBytes { read(resultFD, $0.baseAddress! + got, n - got) }
            if k < 0 && (errno == EAGAIN || errno == EINTR) { continue }
            if k <= 0 { throw died(what) }
            got += k
        }
        return buf
    }
}
