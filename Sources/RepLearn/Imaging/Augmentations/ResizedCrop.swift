/// A rectangle of pixels inside an image: rows top..<top+height, columns left..<left+width.
public struct CropBox: Equatable, Sendable, CustomStringConvertible {
    public var top: Int, left: Int, height: Int, width: Int
    public init(top: Int, left: Int, height: Int, width: Int) {
        self.top = top; self.left = left; self.height = height; self.width = width
    }
    public var description: String { "CropBox(top: \(top), left: \(left), \(height)×\(width))" }
}

/// Crop-then-resize with bilinear interpolation, the deterministic half of ``RandomResizedCrop``
/// (and a centre crop for evaluation).
public enum ResizedCrop {
    /// x: [N, C, H, W], one box per image → [N, C, height, width]: box i of image i resampled.
    ///
    /// Output pixel (oy, ox) reads the box at source coordinates (pixel centres, as
    /// `align_corners = false` in PyTorch's interpolate)
    ///
    ///     sy = (oy + ½) · box.height / height − ½,   sx = (ox + ½) · box.width / width − ½,
    ///
    /// clamped below at 0; y0 = ⌊sy⌋, y1 = min(y0 + 1, box.height − 1) (same for x), and
    ///
    ///     out = (1 − fy)((1 − fx) v[y0, x0] + fx v[y0, x1]) + fy((1 − fx) v[y1, x0] + fx v[y1, x1]),
    ///
    /// fy = sy − y0, fx = sx − x0. Only pixels inside the box are read. A box of the output size
    /// is copied exactly. No antialiasing: shrinking by more than 2× skips pixels.
    public static func apply(_ x: Tensor, boxes: [CropBox], height: Int, width: Int) throws -> Tensor {
        let op = "ResizedCrop"
        let (n, c, h, w) = try ImageBatch.dims(x, op)
        guard height > 0, width > 0 else { throw ShapeError(op: op, message: "output size \(height)×\(width) must be positive") }
        guard boxes.count == n else { throw ShapeError(op: op, message: "\(boxes.count) boxes for \(n) images of shape \(x.shape)") }
        for (i, b) in boxes.enumerated() where b.top < 0 || b.left < 0 || b.height < 1 || b.width < 1
            || b.top + b.height > h || b.left + b.width > w {
            throw ShapeError(op: op, message: "box \(i) \(b) is not inside a \(h)×\(w) image")
        }
        var out = Tensor.zeros([n, c, height, width])
        x.data.withUnsafeBufferPointer { src in
            out.data.withUnsafeMutableBufferPointer { dst in
                ImageBatch.forEach(n, elementsPerImage: c * height * width) { i in
                    resample(src, image: i, c: c, h: h, w: w, box: boxes[i], into: dst, height: height, width: width)
                }
            }
        }
        return out
    }

    /// Source taps along one axis: for each output index, (first index, second index, weight of the second).
    static func taps(outputs: Int, span: Int, offset: Int) -> [(Int, Int, Float)] {
        let step = Double(span) / Double(outputs)
        return (0..<outputs).map { o in
            let s = max(0, (Double(o) + 0.5) * step - 0.5)
            let i0 = min(Int(s), span - 1)
            let i1 = min(i0 + 1, span - 1)
            return (offset + i0, offset + i1, Float(s - Double(i0)))
        }
    }

    private static func resample(_ src: UnsafeBufferPointer<Float>, image i: Int, c: Int, h: Int, w: Int, box: CropBox,
                                 into dst: UnsafeMutableBufferPointer<Float>, height: Int, width: Int) {
        let (inPlane, outPlane) = (h * w, height * width)
        if box.height == height && box.width == width {
            for ch in 0..<c {
                let s = (i * c + ch) * inPlane, d = (i * c + ch) * outPlane
                for y in 0..<height {
                    for x in 0..<width { dst[d + y * width + x] = src[s + (box.top + y) * w + box.left + x] }
                }
            }
            return
        }
        let rows = taps(outputs: height, span: box.height, offset: box.top)    // one small array per image
        let cols = taps(outputs: width, span: box.width, offset: box.left)
        for ch in 0..<c {
            let s = (i * c + ch) * inPlane, d = (i * c + ch) * outPlane
            for (oy, (y0, y1, fy)) in rows.enumerated() {
                for (ox, (x0, x1, fx)) in cols.enumerated() {
                    let top = (1 - fx) * src[s + y0 * w + x0] + fx * src[s + y0 * w + x1]
                    let bottom = (1 - fx) * src[s + y1 * w + x0] + fx * src[s + y1 * w + x1]
                    dst[d + oy * width + ox] = (1 - fy) * top + fy * bottom
                }
            }
        }
    }

    /// The largest centred box of aspect ratio `aspect` = width / height (1: square) in an
    /// h×w image: the evaluation-time counterpart of a random crop.
    public static func centerBox(imageHeight h: Int, imageWidth w: Int, aspect: Double = 1) -> CropBox {
        var bw = w, bh = Int((Double(w) / aspect).rounded(.toNearestOrEven))
        if bh > h { bh = h; bw = min(w, Int((Double(h) * aspect).rounded(.toNearestOrEven))) }
        return CropBox(top: (h - bh) / 2, left: (w - bw) / 2, height: max(bh, 1), width: max(bw, 1))
    }
}
