import ArgumentParser
import Foundation
import RepLearn

/// The student's edition: this package without the reference and the grader's own tests.
enum StudentEdition {
    /// Paths (relative to the package) left out: build products and local state, the reference,
    /// its worker, the mutants and the hostile worker (they show the answers), and CI, which grades Solutions/.
    static let excluded: Set<String> = [".build", ".git", ".replearn", ".swiftpm", "out", "results.json", ".ci",
                                        "Solutions", "Sources/Workers/Reference", "Tests/GraderTests", "Tests/HostileWorker"]

    static func isExcluded(_ relative: String) -> Bool {
        let name = (relative as NSString).lastPathComponent
        return excluded.contains(relative) || name.hasPrefix(".build-") || name.hasPrefix(".build_") || name == ".DS_Store"
            || name.hasSuffix(".swp") || name.hasPrefix(".") && name.contains(".tmp-")
    }

    /// Copies the package at `root` to `dest` (which must be new or empty), leaving out
    /// ``excluded`` and `extra`, and switches Package.swift to the student's edition.
    static func write(from root: URL, to dest: URL, alsoExcluding extra: Set<String> = []) throws {
        let fm = FileManager.default
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        let destPath = dest.standardizedFileURL.path
        guard destPath != rootPath, !(destPath + "/").hasPrefix(rootPath + "/") else {
            throw UsageError("--out \(dest.path) is inside the package; choose a folder outside it")
        }
        if fm.fileExists(atPath: destPath), !((try? fm.contentsOfDirectory(atPath: destPath)) ?? []).isEmpty {
            throw UsageError("--out \(dest.path) exists and is not empty")
        }
        try AtomicFile.checkWritableFolder(dest, what: "--out")
        guard let walker = fm.enumerator(atPath: rootPath) else { throw UsageError("cannot read \(rootPath)") }
        while let relative = walker.nextObject() as? String {
            let source = rootPath + "/" + relative
            var isDir: ObjCBool = false
            _ = fm.fileExists(atPath: source, isDirectory: &isDir)
            if isExcluded(relative) || extra.contains(relative) { if isDir.boolValue { walker.skipDescendants() }; continue }
            let target = destPath + "/" + relative
            if isDir.boolValue {
                try fm.createDirectory(atPath: target, withIntermediateDirectories: true)
            } else {
                try fm.copyItem(atPath: source, toPath: target)
            }
        }
        let manifest = URL(fileURLWithPath: destPath + "/Package.swift")
        let text = try String(contentsOf: manifest, encoding: .utf8)
        let marker = "let instructorEdition = true"
        guard text.components(separatedBy: marker).count == 2 else {
            throw UsageError("Package.swift has no single `\(marker)` line to switch to the student's edition")
        }
        try AtomicFile.write(Data(text.replacingOccurrences(of: marker, with: "let instructorEdition = false").utf8), to: manifest)
    }
}

struct Release: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the student's edition of the course: this package without Solutions/ and the grader's own tests.",
        discussion: "It builds, tests (stubs skipped) and grades like this one; `--impl reference` says the reference is not in it.")

    @Option(help: "A new (or empty) folder outside the package.") var out: String

    func run() throws {
        guard Edition.hasReference else { throw UsageError("this is already the student's edition (it has no Solutions/)") }
        try StudentEdition.write(from: ProjectPaths.root, to: URL(fileURLWithPath: out))
        print("wrote the student's edition to \(out): no Solutions/, no mutants; `swift test` there skips every stub as not started")
    }
}

struct Autograder: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a Gradescope autograder bundle (setup.sh, run_autograder and the student's edition of the package).",
        discussion: """
        setup.sh installs Swift and the system libraries on Gradescope's Ubuntu image and builds the package;
        run_autograder copies the submitted Exercises/ files into it, grades them as an unprivileged user, and
        writes /autograder/results/results.json. REPLEARN_AUTOGRADER_ROOT (default /autograder) moves the
        layout for a local trial.
        """)

    @Option(help: "The zip to write.") var out: String = "autograder.zip"
    @Option(help: "Swift toolchain version setup.sh installs.") var swiftVersion: String = "6.1.2"

    func run() throws {
        guard Edition.hasReference else { throw UsageError("the autograder bundle is written from the instructor's edition") }
        let zipTool = "/usr/bin/zip"
        guard FileManager.default.isExecutableFile(atPath: zipTool) else { throw UsageError("writing the bundle needs zip (apt-get install zip)") }
        let zip = URL(fileURLWithPath: out).standardizedFileURL
        try AtomicFile.checkWritable(zip, what: "--out")
        let stage = FileManager.default.temporaryDirectory.appendingPathComponent("replearn-autograder-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: stage) }
        // The bundled datasets are for the experiments; grading uses none of them.
        try StudentEdition.write(from: ProjectPaths.root, to: stage.appendingPathComponent("replearn"), alsoExcluding: ["datasets"])
        for (name, text) in [("setup.sh", AutograderScripts.setup(swiftVersion: swiftVersion)), ("run_autograder", AutograderScripts.run)] {
            let url = stage.appendingPathComponent(name)
            try AtomicFile.write(Data(text.utf8), to: url)
            chmod(url.path, 0o755)
        }
        let tmpZip = zip.deletingLastPathComponent().appendingPathComponent(".\(zip.lastPathComponent).tmp-\(getpid())")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: zipTool)
        p.currentDirectoryURL = stage
        p.arguments = ["-q", "-r", "-X", tmpZip.path, "setup.sh", "run_autograder", "replearn"]
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0, rename(tmpZip.path, zip.path) == 0 else {
            unlink(tmpZip.path)
            throw UsageError("zip failed (status \(p.terminationStatus))")
        }
        print("wrote \(out): upload it as the autograder (Ubuntu 22.04 base image); submissions are the Exercises/ files")
    }
}
