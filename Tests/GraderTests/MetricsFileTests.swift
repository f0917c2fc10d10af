import Course
import Foundation
import XCTest

/// metrics.json carries numbers as a reader wants them.
final class MetricsFileTests: XCTestCase {
    func testFloatsWithoutConversionNoise() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("replearn-metrics-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        let m = MetricsFile(url)
        let sigma: Float = 0.025
        try m.set("denoising", ["noise_std": Double(sigma), "curve": [Float(0.1), Float(0.3)], "n": 10_000] as [String: Any])
        try m.set("accuracy", 0.9033149171270718)
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertTrue(text.contains("0.025") && !text.contains("0.0250000003"), text)
        XCTAssertTrue(text.contains("0.1") && !text.contains("0.10000000149"), text)
        XCTAssertTrue(text.contains("0.9033149171270718"), "a genuine Double keeps its digits: \(text)")
        XCTAssertTrue(text.contains("10000"), text)
    }
}
