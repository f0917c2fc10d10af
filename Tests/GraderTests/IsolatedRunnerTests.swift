import Course
import Foundation
import Grading
import XCTest

/// Reading a crashed worker's backtrace.
final class IsolatedRunnerTests: XCTestCase {
    /// What Swift's backtracer prints for an index out of range in a student's ReLU (abridged).
    static let backtrace = """
    Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range

    *** Signal 4: Backtracing from 0x7f564a96df7f... done ***

    *** Program crashed: Illegal instruction at 0x00007f564a96df7f ***

    Thread 0 "replearn" crashed:

      0               0x00007f564a96df7f closure #1 in closure #1 in _assertionFailure(_:_:file:line:flags:) + 623 in libswiftCore.so
      1 [ra]          0x00007f564aaf961f _assertionFailure(_:_:file:line:flags:) + 302 in libswiftCore.so
      2 [ra]          0x00007f564afa7226 specialized Array.subscript.getter + 85 in libswiftSwiftOnoneSupport.so
      3 [ra]          0x000055b35337a17e StudentLayers.reluForward(_:) + 461 in replearn at /home/me/RepLearn/Exercises/01-Layers/ReLU.swift:9:56
      4 [ra] [thunk]  0x000055b35337b40f protocol witness for LayersExercises.reluForward(_:) in conformance StudentLayers + 14 in replearn at //<compiler-generated>
      5 [ra]          0x000055b3533b8680 closure #1 in variable initialization expression of static LayersChecks.relu + 319 in replearn at /home/me/RepLearn/Sources/Grading/01-Layers/LayersChecks.swift:61:30
    """

    func testCrashSiteIsTheFirstFrameInTheStudentsCode() throws {
        let site = try XCTUnwrap(IsolatedRunner.crashSite(Self.backtrace))
        XCTAssertEqual(site, IsolatedRunner.CrashSite(file: "Exercises/01-Layers/ReLU.swift", line: 9, function: "StudentLayers.reluForward(_:)"))
        let report = IsolatedRunner.crashReport(Self.backtrace, file: "Exercises/01-Layers/ReLU.swift")
        XCTAssertTrue(report.hasPrefix("at Exercises/01-Layers/ReLU.swift:9 in StudentLayers.reluForward(_:)\nFatal error: Index out of range"), report)
        XCTAssertLessThanOrEqual(report.split(separator: "\n").count, 4, report)
        XCTAssertNil(IsolatedRunner.crashSite("Fatal error: Index out of range\n"))
    }
}
