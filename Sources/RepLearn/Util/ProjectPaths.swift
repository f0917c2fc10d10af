import Foundation

/// Where the package's own files are at run time (lectures, datasets), found without a download:
/// `REPLEARN_ROOT` if set, else the nearest folder at or above the working directory (then
/// above the executable) that holds `Package.swift` and `datasets/`.
public enum ProjectPaths {
    public static let root: URL = {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["REPLEARN_ROOT"], !env.isEmpty {
            return URL(fileURLWithPath: env, isDirectory: true)
        }
        let starts = [URL(fileURLWithPath: fm.currentDirectoryPath, isDirectory: true),
                      URL(fileURLWithPath: CommandLine.arguments.first ?? ".").deletingLastPathComponent()]
        for start in starts {
            var dir = start.standardizedFileURL
            for _ in 0..<8 {
                if fm.fileExists(atPath: dir.appendingPathComponent("Package.swift").path),
                   fm.fileExists(atPath: dir.appendingPathComponent("datasets").path) {
                    return dir
                }
                dir = dir.deletingLastPathComponent()
            }
        }
        return URL(fileURLWithPath: fm.currentDirectoryPath, isDirectory: true)
    }()

    /// A path relative to the package root.
    public static func file(_ relative: String) -> URL { root.appendingPathComponent(relative) }
}
