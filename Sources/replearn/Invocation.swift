import Foundation

/// How to run this tool from where the user is, for the commands the CLI suggests: inside the
/// package (the binary under `.build/`, not on the PATH) that is `swift run replearn …`.
enum Invocation {
    static let insideBuildFolder: Bool = {
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        return me.contains("/.build/")
    }()

    /// e.g. `swift run replearn hint 1.3`; `release` for the commands that train (run, walk).
    static func command(_ arguments: String, release: Bool = false) -> String {
        insideBuildFolder ? "swift run \(release ? "-c release " : "")replearn \(arguments)" : "replearn \(arguments)"
    }
}

/// A mistake on the command line, said in one line (ArgumentParser prints "Error: …" without
/// the usage text that a `ValidationError` would add).
struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
