import Foundation

/// A small random rotation, translation and zoom about the image centre, bilinear, zero fill.
///
/// x: [N, C, H, W] → [N, C, H, W].
///
/// Draws per image, four nextDouble in this order (always all four):
///
///     θ  = U(degrees) in degrees, positive = counter-clockwise as displayed (y points down)
///     tx = U(−translate.x, translate.x) · W,   ty = U(−translate.y, translate.y) · H   (pixels, not rounded)
///     s  = U(scale)
///
/// The forward map takes p to c + t + s·R(θ)(p − c), with c = ((W − 1)/2, (H − 1)/2) and
/// R(θ) = [cos θ, sin θ; −sin θ, cos θ] in (x, y) pixel coordinates. Each output pixel p reads
/// the input at q = c + R(θ)ᵀ (p − c − t) / s, bilinearly; neighbours outside the image count as 0
/// (so borders darken where the image is rotated away). Identity: degrees 0…0, translate (0, 0),
/// scale 1…1 (copied exactly).
public struct RandomAffine: Augmentation {
    public var degrees: ClosedRange<Double>
    public var translate: (x: Double, y: Double)
    public var scale: ClosedRange<Double>

    /// degrees: e.g. −10…10; translate: largest shift as a fraction of width and height.
    public init(degrees: ClosedRange<Double>, translate: (x: Double, y: Double) = (0, 0), scale: ClosedRange<Double> = 1...1) {
        precondition(translate.x >= 0 && translate.y >= 0, "RandomAffine: translate \(translate) must be ≥ 0")
        precondition(scale.lowerBound > 0, "RandomAffine: scale \(scale) must be positive")
        self.degrees = degrees; self.translate = translate; self.scale = scale
    }

    /// One image's parameters: angle in degrees, shift in pixels, zoom.
    public struct Parameters: Equatable, Sendable {
        public var degrees: Double, tx: Double, ty: Double, scale: Double
        public init(degrees: Double = 0, tx: Double = 0, ty: Double = 0, scale: Double = 1) {
            self.degrees = degrees; self.tx = tx; self.ty = ty; self.scale = scale
        }
        var isIdentity: Bool { degrees == 0 && tx == 0 && ty == 0 && scale == 1 }
    }

    /// One image's parameters, with the four draws described above.
    public func drawParameters(imageHeight h: Int, imageWidth w: Int, using rng: inout SeededGenerator) -> Parameters {
        let angle = ImageBatch.uniform(degrees, &rng)
        let tx = ImageBatch.uniform(-translate.x...translate.x, &rng) * Double(w)
        let ty = ImageBatch.uniform(-translate.y...translate.y, &rng) * Double(h)
        let s = ImageBatch.uniform(scale, &rng)
        return Parameters(degrees: angle, tx: tx, ty: ty, scale: s)
    }

    public func apply(_ x: Tensor, using rng: inout SeededGenerator) throws -> Tensor {
        let (n, _, h, w) = try ImageBatch.dims(x, "RandomAffine")
        var params = [Parameters]()
        params.reserveCapacity(n)
        for _ in 0..<n { params.append(drawParameters(imageHeight: h, imageWidth: w, using: &rng)) }
        return try Self.warp(x, params)
    }

    /// x: [N, C, H, W] with one parameter set per image → the warped batch (the deterministic half).
    public static func warp(_ x: Tensor, _ params: [Parameters]) throws -> Tensor {
        let (n, c, h, w) = try ImageBatch.dims(x, "RandomAffine.warp")
        guard params.count == n else {
            throw ShapeError(op: "RandomAffine.warp", message: "\(params.count) parameter sets for \(n) images of shape \(x.shape)")
        }
        var out = x
        let plane = h * w
        let (cx, cy) = (Double(w - 1) / 2, Double(h - 1) / 2)
        x.data.withUnsafeBufferPointer { src in
            out.data.withUnsafeMutableBufferPointer { dst in
                ImageBatch.forEach(n, elementsPerImage: c * plane) { i in
                    let p = params[i]
                    guard !p.isIdentity else { return }
                    let theta = p.degrees * Double.pi / 180
                    let (co, si) = (cos(theta) / p.scale, sin(theta) / p.scale)
                    for y in 0..<h {
                        for xx in 0..<w {
                            let (dx, dy) = (Double(xx) - cx - p.tx, Double(y) - cy - p.ty)
                            let qx = cx + co * dx - si * dy, qy = cy + si * dx + co * dy
                            let (x0, y0) = (Int(floor(qx)), Int(floor(qy)))
                            let (fx, fy) = (Float(qx - Double(x0)), Float(qy - Double(y0)))
                            for ch in 0..<c {
                                let base = (i * c + ch) * plane
                                @inline(__always) func v(_ yy: Int, _ xv: Int) -> Float {
                                    (yy >= 0 && yy < h && xv >= 0 && xv < w) ? src[base + yy * w + xv] : 0
                                }
                                let top = (1 - fx) * v(y0, x0) + fx * v(y0, x0 + 1)
                                let bottom = (1 - fx) * v(y0 + 1, x0) + fx * v(y0 + 1, x0 + 1)
                                dst[base + y * w + xx] = (1 - fy) * top + fy * bottom
                            }
                        }
                    }
                }
            }
        }
        return out
    }
}
