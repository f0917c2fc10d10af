import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import RepLearn
import XCTest

/// Figures must open: every SVG is well-formed XML, every PNG decodes.
final class FigureValidityTests: XCTestCase {
    /// Parses `svg` as XML; the parser's error (with its line and column) when it is not well formed.
    static func xmlError(_ svg: String) -> String? {
        let parser = XMLParser(data: Data(svg.utf8))
        // swift-corelibs-foundation's parse() can return true and still record an error.
        if parser.parse() && parser.parserError == nil { return nil }
        return "\(parser.parserError.map { "\($0)" } ?? "unknown error") at line \(parser.lineNumber), column \(parser.columnNumber)"
    }

    /// A figure with axes, both axis labels, a legend and text that needs escaping — the y-label
    /// (rotated with a `transform`) once nested quotes inside an attribute.
    func testSVGWithAxesAndLabelsIsWellFormedXML() throws {
        var f = Figure(title: "loss \"per\" epoch <train> & test")
        f.xLabel = "epoch"; f.yLabel = "loss \"MSE\""
        f.line([(0, 1), (1, 0.5), (2, 0.25)], color: .black, label: "train <a&b>")
        f.dot(1, 0.6, color: .black)
        f.label(2, 0.3, "word \"quoted\"")
        XCTAssertNil(Self.xmlError(f.svg()), f.svg())
        f.axes = false
        XCTAssertNil(Self.xmlError(f.svg()))
        XCTAssertNotNil(Self.xmlError("<svg><text transform=\"translate(14 \"234.0\")\"/></svg>"), "the parser must reject the old output")
    }

    func testRasterFigureIsADecodablePNG() throws {
        var f = Figure(title: "t")
        f.line([(0, 0), (1, 1)])
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("replearn-fig-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: url) }
        try f.writePNG(to: url, width: 40, height: 30)
        let img = try PNG.read(url)
        XCTAssertEqual([img.width, img.height], [40, 30])
    }
}
