import Foundation
import RepLearn
import XCTest

/// The student's code cannot reach the reference or the grader: `import Solutions` in an
/// Exercises/ file does not build (Exercises does not depend on Solutions, and CI builds with
/// `--explicit-target-dependency-import-check error`), and the worker that runs it links neither.
final class PackageBoundaryTests: XCTestCase {
    /// target → its declared dependencies (targets and products by name), read from Package.swift.
    static func graph() throws -> [String: [String]] {
        let text = try String(contentsOf: ProjectPaths.file("Package.swift"), encoding: .utf8)
        let decl = try NSRegularExpression(pattern: #"\.(?:target|executableTarget|testTarget)\(name:\s*"([^"]+)"(?:,\s*dependencies:\s*\[([^\]]*)\])?"#)
        let quoted = try NSRegularExpression(pattern: #""([^"]+)""#)
        var g: [String: [String]] = [:]
        let ns = text as NSString
        for m in decl.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let name = ns.substring(with: m.range(at: 1))
            let deps = m.range(at: 2).location == NSNotFound ? "" : ns.substring(with: m.range(at: 2))
            let dns = deps as NSString
            g[name] = quoted.matches(in: deps, range: NSRange(location: 0, length: dns.length)).map { dns.substring(with: $0.range(at: 1)) }
        }
        return g
    }

    static func closure(_ target: String, _ g: [String: [String]]) -> Set<String> {
        var seen: Set<String> = [], todo = [target]
        while let t = todo.popLast() { for d in g[t] ?? [] where seen.insert(d).inserted { todo.append(d) } }
        return seen
    }

    func testTheStudentsWorkerAndExercisesCannotReachSolutionsOrTheGrader() throws {
        let g = try Self.graph()
        XCTAssertNotNil(g["replearn-worker"], "no replearn-worker target in Package.swift")
        let worker = Self.closure("replearn-worker", g)
        XCTAssertTrue(worker.contains("Exercises"), "\(worker)")
        for forbidden in ["Solutions", "Grading", "replearn"] {
            XCTAssertFalse(worker.contains(forbidden), "replearn-worker reaches \(forbidden): \(worker.sorted())")
            XCTAssertFalse(Self.closure("Exercises", g).contains(forbidden), "Exercises reaches \(forbidden)")
        }
        XCTAssertFalse(Self.closure("replearn-worker-reference", g).contains("Exercises"))
        XCTAssertFalse(Self.closure("Grading", g).contains("Solutions"), "the grader's oracles must not lean on the reference")
        XCTAssertFalse(Self.closure("Probes", g).contains("Solutions") || Self.closure("Probes", g).contains("Exercises"))
    }

    /// The built worker holds no type of Solutions/ or of the grader.
    func testTheBuiltStudentWorkerContainsNoReferenceCode() throws {
        let folder = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
        let url = folder.appendingPathComponent("replearn-worker")
        try XCTSkipUnless(FileManager.default.fileExists(atPath: url.path), "replearn-worker not built")
        let binary = try Data(contentsOf: url)
        XCTAssertNotNil(binary.range(of: Data("StudentLayers".utf8)))
        for name in ["ReferenceLayers", "ReferenceKMeans", "LayerOracle", "PCAOracle"] {
            XCTAssertNil(binary.range(of: Data(name.utf8)), "replearn-worker contains \(name)")
        }
    }
}
