/// Vectorised eˣ and erf for the engine's hot loops, eight lanes at a time.
///
/// exp: x = n·ln 2 + r with |r| ≤ ½ln 2, eʳ by its degree-6 Taylor polynomial (truncation
/// r⁷/7! ≤ 1.2e-7, about one Float32 ulp), 2ⁿ built in the exponent bits. Inputs are clamped to
/// [−87.3, 88.7], where e^x stays a normal Float (below, the result is ≈ 1e-38, not 0).
/// erf: Abramowitz & Stegun 7.1.26, |error| ≤ 1.5e-7.
enum FastMath {
    typealias F8 = SIMD8<Float>

    @inline(__always)
    static func exp(_ x: F8) -> F8 {
        var x = x                                    // (masked replace: the generic min/max are slow)
        x.replace(with: -87.3, where: x .< -87.3)
        x.replace(with: 88.7, where: x .> 88.7)
        // Adding 1.5·2²³ rounds to an integer n (to nearest, even) held in the low mantissa bits.
        let shifted = x * 1.442695041 + 12582912
        let n = shifted - 12582912
        let r = x - n * 0.693359375 + n * 2.12194440e-4               // ln 2 split in two for accuracy
        var p = F8(repeating: 1.0 / 720)
        p = p * r + 1.0 / 120; p = p * r + 1.0 / 24; p = p * r + 1.0 / 6
        p = p * r + 0.5; p = p * r + 1; p = p * r + 1
        let bits = (unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- 0x4B40_0000 &+ 127) &<< 23   // 2ⁿ
        return p * unsafeBitCast(bits, to: F8.self)
    }

    @inline(__always)
    static func exp(_ x: Float) -> Float { exp(F8(repeating: x))[0] }

    /// erf(x) = 1 − t·(a₁ + t(a₂ + t(a₃ + t(a₄ + t·a₅))))·e^{−x²}, t = 1/(1 + p|x|), odd in x.
    @inline(__always)
    static func erf(_ x: F8) -> F8 {
        let ax = unsafeBitCast(unsafeBitCast(x, to: SIMD8<UInt32>.self) & 0x7FFF_FFFF, to: F8.self)
        let t = 1 / (1 + 0.3275911 * ax)
        var poly = F8(repeating: 1.061405429)
        poly = poly * t - 1.453152027; poly = poly * t + 1.421413741
        poly = poly * t - 0.284496736; poly = poly * t + 0.254829592
        let y = 1 - poly * t * exp(-ax * ax)
        return y.replacing(with: -y, where: x .< 0)
    }

    /// ln x for normal positive x: x = 2ᵉ·m with m in [√½, √2), ln m = 2·atanh(s), s = (m − 1)/(m + 1),
    /// |s| ≤ 0.172, by its odd series to s⁹ (truncation ≤ 2s¹¹/11 ≈ 7e-10). Integer bit operations
    /// only (no lane masks, which do not vectorise): adding 1 − √½ to the mantissa carries into
    /// the exponent exactly when m ≥ √2.
    @inline(__always)
    static func log(_ x: F8) -> F8 {
        let bits = unsafeBitCast(x, to: SIMD8<Int32>.self) &+ (0x3F80_0000 - 0x3F35_04F3)
        let e = (bits &>> 23) &- 127
        let m = unsafeBitCast((bits & 0x007F_FFFF) &+ 0x3F35_04F3, to: F8.self)        // [√½, √2)
        let s = (m - 1) / (m + 1), s2 = s * s
        var p = F8(repeating: 1.0 / 9)
        p = p * s2 + 1.0 / 7; p = p * s2 + 1.0 / 5; p = p * s2 + 1.0 / 3; p = p * s2 + 1
        return F8(e) * 0.693147181 + 2 * s * p
    }

    /// (sin 2πu, cos 2πu) for u in [0, 1): u = q/4 + r with |r| ≤ 1/8, the Taylor polynomials of
    /// sin and cos at x = 2πr, |x| ≤ π/4 (truncation ≤ 3e-9), then the quadrant q's rotation
    /// (angle qπ/2 + x: q = 1 → (c, −s), q = 2 → (−s, −c), q = 3 → (−c, s)) in the bits.
    @inline(__always)
    static func sinCos2Pi(_ u: F8) -> (sin: F8, cos: F8) {
        let shifted = u * 4 + 12582912                                  // round(4u) in the low bits
        let q = unsafeBitCast(shifted, to: SIMD8<Int32>.self)
        let x = (u - (shifted - 12582912) * 0.25) * 6.283185307, x2 = x * x
        var s = F8(repeating: 1.0 / 362880)
        s = s * x2 - 1.0 / 5040; s = s * x2 + 1.0 / 120; s = s * x2 - 1.0 / 6; s = (s * x2 + 1) * x
        var c = F8(repeating: -1.0 / 3628800)
        c = c * x2 + 1.0 / 40320; c = c * x2 - 1.0 / 720; c = c * x2 + 1.0 / 24; c = c * x2 - 0.5; c = c * x2 + 1
        let (sb, cb) = (unsafeBitCast(s, to: SIMD8<Int32>.self), unsafeBitCast(c, to: SIMD8<Int32>.self))
        let swap = (sb ^ cb) & (0 &- (q & 1))                             // all ones where q is odd
        let sinSign = ((q &>> 1) & 1) &<< 31, cosSign = ((q ^ (q &>> 1)) & 1) &<< 31
        return (unsafeBitCast((sb ^ swap) ^ sinSign, to: F8.self), unsafeBitCast((cb ^ swap) ^ cosSign, to: F8.self))
    }

    /// p[i] ← e^{p[i]} for i < n.
    static func expInPlace(_ p: UnsafeMutablePointer<Float>, _ n: Int) { map(p, p, n) { exp($0) } }

    /// Applies `f` to eight lanes at a time of src into dst (n values; the tail is padded).
    @inline(__always)
    static func map(_ src: UnsafePointer<Float>, _ dst: UnsafeMutablePointer<Float>, _ n: Int, _ f: (F8) -> F8) {
        var i = 0
        while i + 8 <= n {
            UnsafeMutableRawPointer(dst + i).storeBytes(of: f(UnsafeRawPointer(src + i).loadUnaligned(as: F8.self)), as: F8.self)
            i += 8
        }
        if i < n {
            var tail = F8(repeating: 0)
            for k in 0..<(n - i) { tail[k] = src[i + k] }
            let y = f(tail)
            for k in 0..<(n - i) { dst[i + k] = y[k] }
        }
    }
}

extension Array where Element == Float {
    /// `count` Floats whose values are unspecified: only for buffers that are written in full
    /// before they are read (sgemm outputs with β = 0, copies), to skip a pass of zeroing.
    static func uninitialized(_ count: Int) -> [Float] {
        [Float](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    }
}
