/// Tiles many small images into one: the way to look at digits, reconstructions, k-means
/// centres or filters at a glance.
public enum ImageGrid {
    /// images: [n, h·w] (gray) or [n, h·w·3] (RGB), one image per row → one image with
    /// `columns` tiles per row, `padding` pixels between tiles, each pixel drawn `scale` times.
    ///
    /// `normalize`: `.global` maps the overall [min, max] to [0, 255] (keeps relative
    /// brightness), `.perImage` stretches each tile (shows the shape of signed filters),
    /// `.unit` clamps [0, 1].
    public enum Normalization: Sendable { case unit, global, perImage }

    public static func make(_ images: Tensor, height h: Int, width w: Int, channels: Int = 1, columns: Int = 10,
                            scale: Int = 2, padding: Int = 1, normalize: Normalization = .global) throws -> Image {
        try images.expectShape([-1, h * w * channels], "ImageGrid.make", name: "images")
        let n = images.rows
        guard n > 0 else { throw ShapeError(op: "ImageGrid.make", message: "no images to tile") }
        let cols = min(columns, n), rows = (n + cols - 1) / cols
        let tileW = w * scale + padding, tileH = h * scale + padding
        var out = Image(width: cols * tileW + padding, height: rows * tileH + padding, channels: channels, fill: 255)
        let d = h * w * channels
        let (gmin, gmax) = (images.data.min() ?? 0, images.data.max() ?? 1)
        for k in 0..<n {
            let base = k * d
            var (lo, hi): (Float, Float) = (0, 1)
            switch normalize {
            case .unit: break
            case .global: (lo, hi) = (gmin, gmax)
            case .perImage:
                let slice = images.data[base..<(base + d)]
                (lo, hi) = (slice.min() ?? 0, slice.max() ?? 1)
            }
            let span = hi - lo > 1e-12 ? hi - lo : 1
            let (ox, oy) = (padding + (k % cols) * tileW, padding + (k / cols) * tileH)
            for y in 0..<h { for x in 0..<w { for c in 0..<channels {
                let v = (images.data[base + (y * w + x) * channels + c] - lo) / span
                let byte = UInt8(max(0, min(255, (v * 255).rounded())))
                for sy in 0..<scale { for sx in 0..<scale {
                    out.pixels[((oy + y * scale + sy) * out.width + ox + x * scale + sx) * channels + c] = byte
                } }
            } } }
        }
        return out
    }
}
