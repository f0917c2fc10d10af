import Foundation

/// A 2-D figure as data — polylines, points, text labels — drawn by two back ends:
/// SVG (axes, ticks, labels; for reading) and PNG (raster, no text; for a quick look).
/// Used for the lecture's "mapping" pictures (a deformed grid with the data on it), curves
/// and embeddings.
public struct Figure {
    public struct Line { public var points: [(Double, Double)]; public var color: RGB; public var width: Double; public var label: String? }
    public struct Dot { public var x, y: Double; public var color: RGB }
    public struct Label { public var x, y: Double; public var text: String }

    public var title: String
    public var xLabel = "", yLabel = ""
    public var lines: [Line] = []
    public var dots: [Dot] = []
    public var labels: [Label] = []
    /// Draw axes with ticks (for curves); off for mapping pictures, where the grid is the axis.
    public var axes = true
    /// Keep one unit the same length on both axes (for geometry).
    public var equalAspect = false

    public init(title: String) { self.title = title }

    public mutating func line(_ points: [(Double, Double)], color: RGB = .black, width: Double = 1.5, label: String? = nil) {
        lines.append(Line(points: points, color: color, width: width, label: label))
    }
    public mutating func dot(_ x: Double, _ y: Double, color: RGB) { dots.append(Dot(x: x, y: y, color: color)) }
    public mutating func label(_ x: Double, _ y: Double, _ text: String) { labels.append(Label(x: x, y: y, text: text)) }

    /// Data bounds with a 5% margin (a degenerate range is widened to 1).
    public var bounds: (x0: Double, x1: Double, y0: Double, y1: Double) {
        let xs = lines.flatMap { $0.points.map(\.0) } + dots.map(\.x) + labels.map(\.x)
        let ys = lines.flatMap { $0.points.map(\.1) } + dots.map(\.y) + labels.map(\.y)
        let fx = xs.filter(\.isFinite), fy = ys.filter(\.isFinite)
        var (x0, x1) = (fx.min() ?? 0, fx.max() ?? 1), (y0, y1) = (fy.min() ?? 0, fy.max() ?? 1)
        if x1 - x0 < 1e-12 { x0 -= 0.5; x1 += 0.5 }
        if y1 - y0 < 1e-12 { y0 -= 0.5; y1 += 0.5 }
        if equalAspect {
            let (cx, cy, r) = ((x0 + x1) / 2, (y0 + y1) / 2, max(x1 - x0, y1 - y0) / 2)
            (x0, x1, y0, y1) = (cx - r, cx + r, cy - r, cy + r)
        }
        let (mx, my) = ((x1 - x0) * 0.05, (y1 - y0) * 0.05)
        return (x0 - mx, x1 + mx, y0 - my, y1 + my)
    }

    /// Maps data coordinates into a plot area of the given pixel box (y grows downwards).
    func transform(left: Double, top: Double, width: Double, height: Double) -> (Double, Double) -> (Double, Double) {
        let b = bounds
        return { x, y in (left + (x - b.x0) / (b.x1 - b.x0) * width, top + (b.y1 - y) / (b.y1 - b.y0) * height) }
    }

    /// "Nice" tick positions (1, 2, 5 × 10ᵏ) covering [lo, hi].
    static func ticks(_ lo: Double, _ hi: Double, count: Int = 5) -> [Double] {
        let raw = (hi - lo) / Double(count)
        let mag = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 5, 10].map { $0 * mag }.first { $0 >= raw } ?? 10 * mag
        return stride(from: ceil(lo / step) * step, through: hi, by: step).map { $0 }
    }
}
