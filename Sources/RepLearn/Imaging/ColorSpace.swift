import Foundation

/// sRGB ↔ CIE L\*a\*b\* (CIE 1976), the colour space of the colorization lecture: L\* is
/// lightness in [0, 100], a\* runs green (−) to red (+), b\* blue (−) to yellow (+), both
/// roughly in [−110, 110] for sRGB colours.
///
/// The chain, per pixel, with sRGB components in [0, 1]:
///
///     linearize   c_lin = c ≤ 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055)^2.4      (IEC 61966-2-1)
///     to XYZ      [X, Y, Z]ᵀ = M · [r_lin, g_lin, b_lin]ᵀ
///     to Lab      L = 116 f(Y/Yn) − 16,  a = 500 (f(X/Xn) − f(Y/Yn)),  b = 200 (f(Y/Yn) − f(Z/Zn))
///                 f(t) = t^(1/3) if t > δ³ else t / (3δ²) + 4/29,  δ = 6/29
///
/// and back with f⁻¹(u) = u³ if u > δ else 3δ² (u − 4/29), M⁻¹, and the sRGB encoding
/// c = c_lin ≤ 0.0031308 ? 12.92 c_lin : 1.055 c_lin^(1/2.4) − 0.055.
///
/// White point: D65, 2° observer, Xn = 0.95047, Yn = 1, Zn = 1.08883. M is the sRGB → XYZ
/// matrix at 7 digits (Bruce Lindbloom's tables),
///
///     M = [0.4124564 0.3575761 0.1804375;  0.2126729 0.7151522 0.0721750;  0.0193339 0.1191920 0.9503041]
///
/// whose rows sum to exactly that white, so sRGB white maps to
/// L = 100, a = b = 0 (the 4-digit matrix of the standard would give b ≈ −0.01), and pure red
/// to the published (53.24, 80.09, 67.20).
///
/// Arithmetic is Float32: L, a, b agree with a Double computation to about 1e-4 (a = 500 (fx − fy)
/// magnifies one ulp of f ≈ 1 to 3e-5), and a round trip sRGB → Lab → sRGB to better than 1e-5. Batch functions take NCHW tensors.
public enum ColorSpace {
    /// D65 reference white (X, Y, Z), Y normalised to 1.
    public static let whitePoint: (x: Float, y: Float, z: Float) = (0.95047, 1.0, 1.08883)

    private static let delta: Float = 6.0 / 29.0

    // MARK: - Per component

    /// sRGB-encoded component → linear light. Values below 0 or above 1 follow the same formula
    /// (negative values stay on the linear segment, so nothing becomes NaN).
    @inline(__always)
    public static func linearize(_ c: Float) -> Float {
        c <= 0.04045 ? c / 12.92 : Foundation.pow((c + 0.055) / 1.055, 2.4)
    }

    /// Linear light → sRGB-encoded component (inverse of ``linearize(_:)``).
    @inline(__always)
    public static func gammaEncode(_ c: Float) -> Float {
        c <= 0.0031308 ? 12.92 * c : 1.055 * Foundation.pow(c, 1 / 2.4) - 0.055
    }

    /// f(t) = t^(1/3) above δ³ = (6/29)³, else the linear piece t / (3δ²) + 4/29.
    @inline(__always)
    public static func labF(_ t: Float) -> Float {
        t > delta * delta * delta ? Foundation.cbrt(t) : t / (3 * delta * delta) + 4.0 / 29.0
    }

    /// f⁻¹(u) = u³ above δ, else 3δ² (u − 4/29).
    @inline(__always)
    public static func labFInverse(_ u: Float) -> Float {
        u > delta ? u * u * u : 3 * delta * delta * (u - 4.0 / 29.0)
    }

    // MARK: - Per pixel

    /// One sRGB pixel (components in [0, 1]) → (L, a, b).
    @inline(__always)
    public static func lab(r: Float, g: Float, b: Float) -> (l: Float, a: Float, b: Float) {
        let (rl, gl, bl) = (linearize(r), linearize(g), linearize(b))
        // M: sRGB (linear) → XYZ, rows X, Y, Z.
        let x = 0.4124564 * rl + 0.3575761 * gl + 0.1804375 * bl
        let y = 0.2126729 * rl + 0.7151522 * gl + 0.0721750 * bl
        let z = 0.0193339 * rl + 0.1191920 * gl + 0.9503041 * bl
        let (fx, fy, fz) = (labF(x / whitePoint.x), labF(y / whitePoint.y), labF(z / whitePoint.z))
        return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))
    }

    /// One (L, a, b) → sRGB. Lab colours outside the sRGB gamut give components outside [0, 1];
    /// `clamp: true` clips each component to [0, 1] (after gamma encoding), `false` returns them as they are.
    @inline(__always)
    public static func srgb(l: Float, a: Float, b: Float, clamp: Bool = false) -> (r: Float, g: Float, b: Float) {
        let fy = (l + 16) / 116
        let (fx, fz) = (fy + a / 500, fy - b / 200)
        let x = whitePoint.x * labFInverse(fx), y = whitePoint.y * labFInverse(fy), z = whitePoint.z * labFInverse(fz)
        // M⁻¹: XYZ → sRGB (linear), Lindbloom's inverse at 7 digits.
        var r = gammaEncode(3.2404542 * x - 1.5371385 * y - 0.4985314 * z)
        var g = gammaEncode(-0.9692660 * x + 1.8760108 * y + 0.0415560 * z)
        var bb = gammaEncode(0.0556434 * x - 0.2040259 * y + 1.0572252 * z)
        if clamp { r = min(max(r, 0), 1); g = min(max(g, 0), 1); bb = min(max(bb, 0), 1) }
        return (r, g, bb)
    }

    // MARK: - Batches, NCHW

    /// rgb: [N, 3, H, W] sRGB in [0, 1] → [N, 3, H, W] with channels (L, a, b).
    public static func labFromSRGB(_ rgb: Tensor) throws -> Tensor {
        try rgb.expectShape([-1, 3, -1, -1], "ColorSpace.labFromSRGB", name: "rgb")
        var out = Tensor.zeros(rgb.shape)
        let (n, hw) = (rgb.shape[0], rgb.shape[2] * rgb.shape[3])
        rgb.data.withUnsafeBufferPointer { src in
            out.data.withUnsafeMutableBufferPointer { dst in
                for i in 0..<n {
                    let base = i * 3 * hw
                    for p in 0..<hw {
                        let v = lab(r: src[base + p], g: src[base + hw + p], b: src[base + 2 * hw + p])
                        dst[base + p] = v.l; dst[base + hw + p] = v.a; dst[base + 2 * hw + p] = v.b
                    }
                }
            }
        }
        return out
    }

    /// lab: [N, 3, H, W] with channels (L, a, b) → sRGB [N, 3, H, W]; `clamp` as in ``srgb(l:a:b:clamp:)``.
    public static func srgbFromLab(_ lab: Tensor, clamp: Bool = false) throws -> Tensor {
        try lab.expectShape([-1, 3, -1, -1], "ColorSpace.srgbFromLab", name: "lab")
        let hw = lab.shape[2] * lab.shape[3]
        return lab.data.withUnsafeBufferPointer { p in
            encode(lab.shape[0], lab.shape[2], lab.shape[3], clamp: clamp,
                   l: p, lStride: 3 * hw, ab: p, abStride: 3 * hw, abOffset: hw)
        }
    }

    /// rgb: [N, 3, H, W] sRGB → the lightness channel L ∈ [0, 100], [N, 1, H, W].
    public static func lightness(ofSRGB rgb: Tensor) throws -> Tensor {
        try split(labFromSRGB(rgb)).lightness
    }

    /// lab: [N, 3, H, W] → (lightness: [N, 1, H, W], ab: [N, 2, H, W]).
    public static func split(_ lab: Tensor) throws -> (lightness: Tensor, ab: Tensor) {
        try lab.expectShape([-1, 3, -1, -1], "ColorSpace.split", name: "lab")
        let (n, h, w) = (lab.shape[0], lab.shape[2], lab.shape[3])
        let hw = h * w
        var l = [Float](), ab = [Float]()
        l.reserveCapacity(n * hw); ab.reserveCapacity(n * 2 * hw)
        for i in 0..<n {
            l.append(contentsOf: lab.data[(i * 3 * hw)..<(i * 3 * hw + hw)])
            ab.append(contentsOf: lab.data[(i * 3 * hw + hw)..<((i + 1) * 3 * hw)])
        }
        return (try Tensor(shape: [n, 1, h, w], data: l), try Tensor(shape: [n, 2, h, w], data: ab))
    }

    /// lightness: [N, 1, H, W] (L), ab: [N, 2, H, W] (a, b) → sRGB [N, 3, H, W]. The colorization
    /// output: the input's L with predicted ab. `clamp` as in ``srgb(l:a:b:clamp:)``.
    public static func srgbFromLab(lightness: Tensor, ab: Tensor, clamp: Bool = false) throws -> Tensor {
        let op = "ColorSpace.srgbFromLab(lightness:ab:)"
        try lightness.expectShape([-1, 1, -1, -1], op, name: "lightness")
        let (n, h, w) = (lightness.shape[0], lightness.shape[2], lightness.shape[3])
        try ab.expectShape([n, 2, h, w], op, name: "ab")
        return lightness.data.withUnsafeBufferPointer { l in
            ab.data.withUnsafeBufferPointer { c in
                encode(n, h, w, clamp: clamp, l: l, lStride: h * w, ab: c, abStride: 2 * h * w, abOffset: 0)
            }
        }
    }

    /// Image i's L plane starts at `l[i·lStride]`, its a plane at `ab[i·abStride + abOffset]`
    /// and its b plane H·W further → sRGB [n, 3, h, w].
    private static func encode(_ n: Int, _ h: Int, _ w: Int, clamp: Bool,
                               l: UnsafeBufferPointer<Float>, lStride: Int,
                               ab: UnsafeBufferPointer<Float>, abStride: Int, abOffset: Int) -> Tensor {
        let hw = h * w
        var out = Tensor.zeros([n, 3, h, w])
        out.data.withUnsafeMutableBufferPointer { dst in
            for i in 0..<n {
                let (lb, ab0, o) = (i * lStride, i * abStride + abOffset, i * 3 * hw)
                for p in 0..<hw {
                    let v = srgb(l: l[lb + p], a: ab[ab0 + p], b: ab[ab0 + hw + p], clamp: clamp)
                    dst[o + p] = v.r; dst[o + hw + p] = v.g; dst[o + 2 * hw + p] = v.b
                }
            }
        }
        return out
    }
}
