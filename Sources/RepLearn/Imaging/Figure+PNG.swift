import Foundation

extension Figure {
    /// The figure rasterised (lines and dots only; text is left to the SVG).
    public func raster(width: Int = 480, height: Int = 480) -> Image {
        var img = Image(width: width, height: height, channels: 3, fill: 255)
        let pad = 8.0
        let map = transform(left: pad, top: pad, width: Double(width) - 2 * pad, height: Double(height) - 2 * pad)
        for l in lines {
            for (a, b) in zip(l.points, l.points.dropFirst()) where a.0.isFinite && a.1.isFinite && b.0.isFinite && b.1.isFinite {
                let (p, q) = (map(a.0, a.1), map(b.0, b.1))
                Self.segment(&img, p, q, l.color)
            }
        }
        for d in dots where d.x.isFinite && d.y.isFinite {
            let (x, y) = map(d.x, d.y)
            for dy in -2...2 { for dx in -2...2 where dx * dx + dy * dy <= 5 {
                img.set(Int(x.rounded()) + dx, Int(y.rounded()) + dy, d.color)
            } }
        }
        return img
    }

    public func writePNG(to url: URL, width: Int = 480, height: Int = 480) throws {
        try PNG.write(raster(width: width, height: height), to: url)
    }

    /// A 1-pixel line by DDA sampling (clipped by ``Image/set(_:_:_:)``).
    static func segment(_ img: inout Image, _ p: (Double, Double), _ q: (Double, Double), _ c: RGB) {
        let steps = Int(max(abs(q.0 - p.0), abs(q.1 - p.1)).rounded(.up))
        guard steps < 100_000 else { return }
        for s in 0...max(steps, 1) {
            let t = Double(s) / Double(max(steps, 1))
            img.set(Int((p.0 + t * (q.0 - p.0)).rounded()), Int((p.1 + t * (q.1 - p.1)).rounded()), c)
        }
    }
}
