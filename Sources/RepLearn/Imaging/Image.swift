/// An 8-bit image, row-major, `channels` interleaved values per pixel (1 = gray, 3 = RGB).
public struct Image: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public let channels: Int
    public var pixels: [UInt8]

    public init(width: Int, height: Int, channels: Int, fill: UInt8 = 0) {
        precondition(width > 0 && height > 0 && (channels == 1 || channels == 3),
                     "Image: \(width)×\(height)×\(channels) is not a gray or RGB image size")
        self.width = width; self.height = height; self.channels = channels
        self.pixels = [UInt8](repeating: fill, count: width * height * channels)
    }

    public init(width: Int, height: Int, channels: Int, pixels: [UInt8]) throws {
        guard width > 0, height > 0, channels == 1 || channels == 3, pixels.count == width * height * channels else {
            throw ShapeError(op: "Image", message: "\(pixels.count) bytes do not make a \(width)×\(height)×\(channels) image")
        }
        self.width = width; self.height = height; self.channels = channels; self.pixels = pixels
    }

    /// Sets pixel (x, y) to `rgb` (gray images take the mean); ignores points outside.
    @inline(__always)
    public mutating func set(_ x: Int, _ y: Int, _ rgb: RGB) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let i = (y * width + x) * channels
        if channels == 1 { pixels[i] = UInt8((Int(rgb.r) + Int(rgb.g) + Int(rgb.b)) / 3) }
        else { pixels[i] = rgb.r; pixels[i + 1] = rgb.g; pixels[i + 2] = rgb.b }
    }

    /// The image as Float32 in [0, 1]: [height, width, channels].
    public var tensor: Tensor {
        try! Tensor(shape: [height, width, channels], data: pixels.map { Float($0) / 255 })
    }
}

/// A colour.
public struct RGB: Equatable, Sendable {
    public var r, g, b: UInt8
    public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) { self.r = r; self.g = g; self.b = b }

    public init(hex: String) {
        let v = UInt32(hex.dropFirst(hex.hasPrefix("#") ? 1 : 0), radix: 16) ?? 0
        self.init(UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF))
    }

    public var hex: String {
        "#" + [r, g, b].map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    public static let white = RGB(255, 255, 255), black = RGB(0, 0, 0), gray = RGB(170, 170, 170)

    /// A qualitative palette (Tableau 10) for class labels.
    public static let palette: [RGB] = ["1f77b4", "ff7f0e", "2ca02c", "d62728", "9467bd",
                                        "8c564b", "e377c2", "7f7f7f", "bcbd22", "17becf"].map { RGB(hex: $0) }
    public static func label(_ i: Int) -> RGB { palette[((i % palette.count) + palette.count) % palette.count] }
}
