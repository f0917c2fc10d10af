import Foundation

extension Figure {
    /// The figure as a standalone SVG document.
    public func svg(width: Int = 640, height: Int = 480) -> String {
        let (left, top, right, bottom) = (axes ? 64.0 : 16.0, 36.0, 16.0, axes ? 48.0 : 16.0)
        let (pw, ph) = (Double(width) - left - right, Double(height) - top - bottom)
        let map = transform(left: left, top: top, width: pw, height: ph)
        var s = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" font-family="sans-serif">
        <rect width="100%" height="100%" fill="white"/>
        <text x="\(width / 2)" y="22" text-anchor="middle" font-size="15">\(escape(title))</text>

        """
        if axes {
            let b = bounds
            s += "<rect x=\(q(left)) y=\(q(top)) width=\(q(pw)) height=\(q(ph)) fill=\"none\" stroke=\"#444\"/>\n"
            for t in Figure.ticks(b.x0, b.x1) {
                let (x, _) = map(t, b.y0)
                s += "<line x1=\(q(x)) y1=\(q(top + ph)) x2=\(q(x)) y2=\(q(top + ph + 5)) stroke=\"#444\"/>"
                s += "<text x=\(q(x)) y=\(q(top + ph + 18)) text-anchor=\"middle\" font-size=\"11\">\(num(t))</text>\n"
            }
            for t in Figure.ticks(b.y0, b.y1) {
                let (_, y) = map(b.x0, t)
                s += "<line x1=\(q(left - 5)) y1=\(q(y)) x2=\(q(left)) y2=\(q(y)) stroke=\"#444\"/>"
                s += "<text x=\(q(left - 8)) y=\(q(y + 4)) text-anchor=\"end\" font-size=\"11\">\(num(t))</text>\n"
            }
            s += "<text x=\(q(left + pw / 2)) y=\(q(Double(height) - 8)) text-anchor=\"middle\" font-size=\"12\">\(escape(xLabel))</text>\n"
            s += "<text transform=\"translate(14 \(String(format: "%.1f", top + ph / 2))) rotate(-90)\" text-anchor=\"middle\" font-size=\"12\">\(escape(yLabel))</text>\n"
        }
        for l in lines where l.points.count > 1 {
            let pts = l.points.filter { $0.0.isFinite && $0.1.isFinite }.map { p -> String in
                let (x, y) = map(p.0, p.1)
                return String(format: "%.1f,%.1f", x, y)
            }
            s += "<polyline fill=\"none\" stroke=\"\(l.color.hex)\" stroke-width=\"\(l.width)\" points=\"\(pts.joined(separator: " "))\"/>\n"
        }
        for d in dots where d.x.isFinite && d.y.isFinite {
            let (x, y) = map(d.x, d.y)
            s += "<circle cx=\(q(x)) cy=\(q(y)) r=\"2.6\" fill=\"\(d.color.hex)\" fill-opacity=\"0.8\"/>\n"
        }
        for t in labels where t.x.isFinite && t.y.isFinite {
            let (x, y) = map(t.x, t.y)
            s += "<circle cx=\(q(x)) cy=\(q(y)) r=\"2\" fill=\"#333\"/><text x=\(q(x + 4)) y=\(q(y - 4)) font-size=\"11\">\(escape(t.text))</text>\n"
        }
        let legend = lines.compactMap { l in l.label.map { ($0, l.color) } }
        // Wide enough for the longest entry (about 6.2 px per character at 11 px), inside the plot's right edge.
        let box = min(pw - 10, 34 + 6.2 * Double(legend.map(\.0.count).max() ?? 0))
        if !legend.isEmpty {
            s += "<rect x=\(q(left + pw - box - 6)) y=\(q(top + 4)) width=\(q(box + 2)) height=\(q(Double(legend.count) * 16 + 6)) fill=\"white\" fill-opacity=\"0.8\"/>\n"
        }
        for (i, (name, color)) in legend.enumerated() {
            let y = top + 14 + Double(i) * 16
            s += "<line x1=\(q(left + pw - box)) y1=\(q(y - 4)) x2=\(q(left + pw - box + 20)) y2=\(q(y - 4)) stroke=\"\(color.hex)\" stroke-width=\"2\"/>"
            s += "<text x=\(q(left + pw - box + 25)) y=\(q(y)) font-size=\"11\">\(escape(name))</text>\n"
        }
        return s + "</svg>\n"
    }

    /// Writes the SVG, creating the folder if needed.
    public func writeSVG(to url: URL, width: Int = 640, height: Int = 480) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try svg(width: width, height: height).write(to: url, atomically: true, encoding: .utf8)
    }

    /// An attribute value, quoted: `"12.5"`.
    private func q(_ v: Double) -> String { String(format: "\"%.1f\"", v) }
    private func num(_ v: Double) -> String { abs(v) < 1e-12 ? "0" : String(format: "%g", v) }
    private func escape(_ t: String) -> String {
        t.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
