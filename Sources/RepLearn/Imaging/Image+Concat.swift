extension Image {
    /// Places RGB images side by side on white, `gap` pixels apart (heights may differ).
    public static func row(_ images: [Image], gap: Int = 8) -> Image {
        let h = images.map(\.height).max() ?? 1
        let w = images.reduce(0) { $0 + $1.width } + gap * max(images.count - 1, 0)
        var out = Image(width: max(w, 1), height: h, channels: 3, fill: 255)
        var x0 = 0
        for img in images {
            for y in 0..<img.height { for x in 0..<img.width {
                let i = (y * img.width + x) * img.channels
                let rgb = img.channels == 3 ? RGB(img.pixels[i], img.pixels[i + 1], img.pixels[i + 2])
                                            : RGB(img.pixels[i], img.pixels[i], img.pixels[i])
                out.set(x0 + x, y, rgb)
            } }
            x0 += img.width + gap
        }
        return out
    }
}
