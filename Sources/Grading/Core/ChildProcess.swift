import Foundation
import RepLearn
#if canImport(Glibc)
import Glibc
#endif

/// Starts a program in its own process group with its output captured, and stops the whole
/// group (SIGKILL) when it overruns its time limit. Foundation's `Process` is not used here:
/// on Linux its termination handler waits for every holder of the output pipes, so a
/// grandchild could hold the grader hostage.
enum ChildProcess {
    struct Outcome {
        let stdout: Data
        let stderr: Data
        let timedOut: Bool
        /// "exit code N" or "signal N".
        let how: String
    }

    /// Swift runtime backtracer options for graded children: text only, the crashed thread, no
    /// registers or image list, paths not sanitised, on stderr (stdout carries the results).
    static let backtraceSettings = "enable=yes,interactive=no,color=no,threads=crashed,registers=none,images=none,"
        + "limit=48,top=0,sanitize=no,demangle=yes,output-to=stderr"

    static func run(_ path: String, _ arguments: [String], timeLimit: TimeInterval) throws -> Outcome {
        var outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
        guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { throw InputError("pipe() failed: errno \(errno)") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        for fd in outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, fd) }
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attr, 0)

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        // The child's environment, with Swift's backtracer on but terse and non-interactive: it
        // symbolicates the crashed thread in the child (file:line per frame, on stderr), and the
        // grader keeps only the first frame in the graded code (see ``IsolatedRunner/crashReport(_:_:)``).
        var env = ProcessInfo.processInfo.environment
        env["SWIFT_BACKTRACE"] = backtraceSettings
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        let rc = posix_spawn(&pid, path, &actions, &attr, argv, envp)
        close(outPipe[1]); close(errPipe[1])
        guard rc == 0 else {
            close(outPipe[0]); close(errPipe[0])
            throw InputError("cannot start \(path): \(String(cString: strerror(rc)))")
        }

        // Read both pipes on their own threads until EOF.
        let group = DispatchGroup()
        final class Box: @unchecked Sendable { var data = Data() }
        let (out, err) = (Box(), Box())
        for (fd, box) in [(outPipe[0], out), (errPipe[0], err)] {
            group.enter()
            Thread {
                box.data = FileHandle(fileDescriptor: fd, closeOnDealloc: true).readDataToEndOfFile()
                group.leave()
            }.start()
        }

        var status: Int32 = 0
        var timedOut = false
        let deadline = Date().addingTimeInterval(timeLimit)
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() > deadline {
                timedOut = true
                kill(-pid, SIGKILL)                     // the whole process group
                waitpid(pid, &status, 0)
                break
            }
            usleep(5_000)
        }
        kill(-pid, SIGKILL)                             // leftovers of the group, if any
        _ = group.wait(timeout: .now() + 5)
        let signalled = (status & 0x7f) != 0
        let how = signalled ? "signal \(status & 0x7f)" : "exit code \((status >> 8) & 0xff)"
        return Outcome(stdout: out.data, stderr: err.data, timedOut: timedOut, how: how)
    }
}
