import Foundation

/// An SVG page around a tiled PNG (from `ImageGrid.make`) that says what the tiles show: a
/// title, a label for every row of tiles and, optionally, for every column. The PNG is linked
/// by file name, so the SVG must stay in the same folder as the PNG it labels.
public struct LabelledGrid {
    public var title: String
    /// One label per row of tiles, top to bottom.
    public var rowLabels: [String]
    /// One label per column of tiles, left to right (empty: none).
    public var columnLabels: [String]

    public init(title: String, rowLabels: [String], columnLabels: [String] = []) {
        self.title = title; self.rowLabels = rowLabels; self.columnLabels = columnLabels
    }

    /// grid: the image as written to `png`, with `rowLabels.count` rows and `columns` columns of
    /// tiles → `<png name without extension>.svg` beside it; returns that URL.
    @discardableResult
    public func writeSVG(beside png: URL, grid: Image, columns: Int) throws -> URL {
        let rows = max(rowLabels.count, 1)
        let labelWidth = Double(max(rowLabels.map(\.count).max() ?? 0, 4)) * 6.6 + 16
        let top = 34.0 + (columnLabels.isEmpty ? 0 : 18)
        let (w, h) = (labelWidth + Double(grid.width) + 12, top + Double(grid.height) + 12)
        let tileH = Double(grid.height) / Double(rows), tileW = Double(grid.width) / Double(max(columns, 1))
        var s = """
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="\(Int(w))" height="\(Int(h))" font-family="sans-serif">
        <rect width="100%" height="100%" fill="white"/>
        <text x="\(Int(w / 2))" y="22" text-anchor="middle" font-size="15">\(Self.escape(title))</text>
        <image x="\(Self.f(labelWidth))" y="\(Self.f(top))" width="\(grid.width)" height="\(grid.height)" href="\(png.lastPathComponent)" xlink:href="\(png.lastPathComponent)" style="image-rendering:pixelated"/>

        """
        for (r, label) in rowLabels.enumerated() {
            let y = top + (Double(r) + 0.5) * tileH + 4
            s += "<text x=\"\(Self.f(labelWidth - 8))\" y=\"\(Self.f(y))\" text-anchor=\"end\" font-size=\"11\">\(Self.escape(label))</text>\n"
        }
        for (c, label) in columnLabels.enumerated() {
            let x = labelWidth + (Double(c) + 0.5) * tileW
            s += "<text x=\"\(Self.f(x))\" y=\"\(Self.f(top - 6))\" text-anchor=\"middle\" font-size=\"11\">\(Self.escape(label))</text>\n"
        }
        let url = png.deletingPathExtension().appendingPathExtension("svg")
        try (s + "</svg>\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    static func f(_ v: Double) -> String { String(format: "%.1f", v) }

    static func escape(_ t: String) -> String {
        t.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
