import CPNG
import Foundation

/// PNG read and write through libpng's simplified API (png_image_*).
public enum PNG {
    // png.h's format macros (PNG_FORMAT_GRAY, PNG_FORMAT_RGB) are not imported into Swift.
    private static let formatGray: UInt32 = 0
    private static let formatRGB: UInt32 = 2
    private static let imageVersion: UInt32 = 1

    /// Reads an 8-bit gray or RGB PNG (any PNG is converted: alpha dropped, 16 bit reduced).
    public static func read(_ url: URL, channels: Int = 3) throws -> Image {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw InputError("PNG \(url.path): file not found")
        }
        var image = png_image()
        image.version = imageVersion
        guard png_image_begin_read_from_file(&image, url.path) != 0 else {
            throw InputError("PNG \(url.path): not a readable PNG (\(message(&image)))")
        }
        image.format = channels == 1 ? formatGray : formatRGB
        let (w, h) = (Int(image.width), Int(image.height))
        var buffer = [UInt8](repeating: 0, count: w * h * channels)
        let ok = buffer.withUnsafeMutableBytes { png_image_finish_read(&image, nil, $0.baseAddress, 0, nil) }
        guard ok != 0 else {
            let m = message(&image)
            png_image_free(&image)
            throw InputError("PNG \(url.path): corrupt or truncated (\(m))")
        }
        return try Image(width: w, height: h, channels: channels, pixels: buffer)
    }

    /// Writes `image` as a PNG, creating the folder if needed.
    public static func write(_ image: Image, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        var png = png_image()
        png.version = imageVersion
        png.width = UInt32(image.width)
        png.height = UInt32(image.height)
        png.format = image.channels == 1 ? formatGray : formatRGB
        let ok = image.pixels.withUnsafeBytes { png_image_write_to_file(&png, url.path, 0, $0.baseAddress, 0, nil) }
        guard ok != 0 else { throw InputError("PNG \(url.path): cannot write (\(message(&png)))") }
    }

    private static func message(_ image: inout png_image) -> String {
        withUnsafeBytes(of: &image.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
