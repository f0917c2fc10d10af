import Foundation

/// Pictures in a table with a title, column titles and row labels: an SVG that embeds each
/// picture as a PNG (base64), so that one file opens anywhere with its text.
public struct ImagePanels {
    public var title: String
    public var columnTitles: [String]
    public var rows: [(label: String, images: [Image])] = []
    /// Each picture is drawn this many times its size.
    public var scale: Double = 1

    public init(title: String, columnTitles: [String], scale: Double = 1) {
        self.title = title; self.columnTitles = columnTitles; self.scale = scale
    }

    public mutating func row(_ label: String, _ images: [Image]) { rows.append((label, images)) }

    /// Writes the SVG atomically.
    public func writeSVG(to url: URL) throws {
        let columns = max(columnTitles.count, rows.map(\.images.count).max() ?? 0)
        let cellW = (0..<columns).map { c in rows.compactMap { c < $0.images.count ? Double($0.images[c].width) * scale : nil }.max() ?? 60 }
        let labelW = rows.contains { !$0.label.isEmpty } ? 110.0 : 0, gap = 8.0, top = 56.0
        let rowH = rows.map { ($0.images.map(\.height).max()).map { Double($0) * scale } ?? 40 }
        let width = max(labelW + cellW.reduce(0, +) + gap * Double(columns + 1), Double(title.count) * 9 + 20)
        let height = top + rowH.reduce(0, +) + gap * Double(rows.count + 1)
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" font-family="sans-serif">
        <rect width="100%" height="100%" fill="white"/>
        <text x="\(width / 2)" y="22" text-anchor="middle" font-size="16" font-weight="bold">\(Self.escape(title))</text>

        """
        var x = labelW + gap
        for (c, t) in columnTitles.enumerated() {
            svg += "<text x=\"\(x + cellW[c] / 2)\" y=\"46\" text-anchor=\"middle\" font-size=\"12\">\(Self.escape(t))</text>\n"
            x += cellW[c] + gap
        }
        var y = top + gap
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("replearn-panel-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: scratch) }
        for (r, row) in rows.enumerated() {
            svg += "<text x=\"\(labelW)\" y=\"\(y + rowH[r] / 2)\" text-anchor=\"end\" font-size=\"12\">\(Self.escape(row.label))</text>\n"
            var x = labelW + gap
            for (c, img) in row.images.enumerated() {
                try PNG.write(img, to: scratch)
                let b64 = try Data(contentsOf: scratch).base64EncodedString()
                svg += "<image x=\"\(x)\" y=\"\(y)\" width=\"\(Double(img.width) * scale)\" height=\"\(Double(img.height) * scale)\" "
                    + "style=\"image-rendering:pixelated\" href=\"data:image/png;base64,\(b64)\"/>\n"
                x += cellW[c] + gap
            }
            y += rowH[r] + gap
        }
        svg += "</svg>\n"
        try Data(svg.utf8).write(to: url, options: .atomic)
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
