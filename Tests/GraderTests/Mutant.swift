import Course
import Grading
import Solutions
import XCTest

/// A deliberately wrong implementation and the checks that must reject it.
struct Mutant {
    let name: String
    /// Checks (ids) each of which must report `failed` on this mutant.
    let killedBy: [String]
    let impls: Implementations
}

/// Asserts that every mutant is rejected by the checks it names, that the reference passes
/// every check, and that no check of `module` goes without a mutant that makes it fail.
/// `questions`: the module's graded questions ("N.Q") instead of its exercises.
func assertGraderRejects(_ mutants: [Mutant], module: Int, questions: Bool = false, file: StaticString = #filePath, line: UInt = #line) {
    let moduleChecks = Catalog.checks.filter { $0.exerciseID.hasPrefix("\(module).") && $0.exerciseID.hasSuffix(".Q") == questions }
    XCTAssertFalse(moduleChecks.isEmpty, "module \(module) has no checks", file: file, line: line)
    for check in moduleChecks {
        let r = check.run(.reference)
        XCTAssertEqual(r.status, .passed, "reference fails \(check.id): \(r.message)", file: file, line: line)
    }
    for mutant in mutants {
        for id in mutant.killedBy {
            guard let check = moduleChecks.first(where: { $0.id == id }) else {
                XCTFail("mutant \(mutant.name) names unknown check \(id)", file: file, line: line)
                continue
            }
            let r = check.run(mutant.impls)
            XCTAssertEqual(r.status, .failed, "check \(id) did not reject mutant '\(mutant.name)'", file: file, line: line)
            if r.status == .failed { XCTAssertFalse(r.message.isEmpty, "check \(id) rejected '\(mutant.name)' without saying why", file: file, line: line) }
        }
    }
    let killing = Set(mutants.flatMap(\.killedBy))
    for check in moduleChecks where !killing.contains(check.id) {
        XCTFail("check \(check.id) (\(check.title)) has no mutant it rejects: a check that cannot fail is a defect",
                file: file, line: line)
    }
}
