import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Files written whole or not at all: the bytes go to a temporary file in the same folder, are
/// flushed, and the temporary is renamed over the target (rename is atomic on one file system),
/// so a reader — or a second grader running at the same time — never sees half a file.
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL) throws {
        let dir = url.deletingLastPathComponent()
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let fd = open(tmp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw InputError("cannot write \(url.path): \(String(cString: strerror(errno)))") }
        var ok = true
        data.withUnsafeBytes { b in
            var sent = 0
            while sent < b.count {
                let k = Glibc.write(fd, b.baseAddress! + sent, b.count - sent)
                if k < 0 && errno == EINTR { continue }
                if k <= 0 { ok = false; break }
                sent += k
            }
        }
        let err = errno
        ok = ok && fsync(fd) == 0
        close(fd)
        guard ok, rename(tmp.path, url.path) == 0 else {
            let why = String(cString: strerror(ok ? errno : err))
            unlink(tmp.path)
            throw InputError("cannot write \(url.path): \(why)")
        }
    }

    /// Throws a one-line error unless a file could be written at `url` (its folder is created
    /// if missing): checked before long work, so the work is not lost to a bad path.
    public static func checkWritable(_ url: URL, what: String) throws {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), isDir.boolValue {
            throw InputError("\(what) \(url.path) is a folder, not a file")
        }
        try checkWritableFolder(url.deletingLastPathComponent(), what: what)
    }

    /// Throws a one-line error unless files can be created in `dir` (created if missing).
    public static func checkWritableFolder(_ dir: URL, what: String) throws {
        // mkdir -p by hand, so that a failure says why in the system's words.
        var path = ""
        for part in dir.standardizedFileURL.path.split(separator: "/") {
            path += "/" + part
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
                guard isDir.boolValue else { throw InputError("\(what): \(path) is a file, not a folder") }
                continue
            }
            guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
                throw InputError("\(what): cannot create the folder \(path) (\(String(cString: strerror(errno))))")
            }
        }
        guard access(dir.path, W_OK | X_OK) == 0 else {
            throw InputError("\(what): the folder \(dir.path) is not writable (\(String(cString: strerror(errno))))")
        }
    }
}

/// An exclusive lock on a folder (`flock` on `DIR/.lock`), held while `body` runs: two graders
/// updating `.replearn/progress.json` at once take turns instead of interleaving.
public enum FolderLock {
    public static func withLock<T>(_ dir: URL, _ body: () throws -> T) throws -> T {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let fd = open(dir.appendingPathComponent(".lock").path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw InputError("cannot lock \(dir.path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 { guard errno == EINTR else { throw InputError("cannot lock \(dir.path): \(String(cString: strerror(errno)))") } }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
