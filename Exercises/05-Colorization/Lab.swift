import Course
import Foundation
import RepLearn

// Exercise 5.1 — sRGB ↔ Lab, per pixel.         Lecture: Lectures/05-colorization.md, "Lightness in, colour out: the Lab space"
extension StudentColorization {
    /// rgb: [n, 3] rows (r, g, b), sRGB-encoded in [0, 1] → [n, 3] rows (L, a, b).
    /// 1. linearise each component: c ≤ 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055)^2.4
    /// 2. (X, Y, Z) = M · (r, g, b)_lin with
    ///    M = [0.4124564 0.3575761 0.1804375; 0.2126729 0.7151522 0.0721750; 0.0193339 0.1191920 0.9503041]
    /// 3. divide by the D65 white (Xn, Yn, Zn) = (0.95047, 1, 1.08883)
    /// 4. f(t) = t^(1/3) for t > δ³, else t / (3δ²) + 4/29, with δ = 6/29
    /// 5. L = 116 f(Y) − 16,  a = 500 (f(X) − f(Y)),  b = 200 (f(Y) − f(Z)).
    public func labFromSRGB(_ rgb: Tensor) throws -> Tensor {
        throw NotImplemented("5.1")
    }

    /// lab: [n, 3] rows (L, a, b) → [n, 3] rows (r, g, b): every step above undone, in reverse
    /// (f⁻¹(u) = u³ for u > δ, else 3δ² (u − 4/29); M⁻¹; c = c_lin ≤ 0.0031308 ? 12.92 c_lin : 1.055 c_lin^(1/2.4) − 0.055).
    /// Do not clamp: a Lab colour outside the sRGB gamut gives components below 0 or above 1.
    public func srgbFromLab(_ lab: Tensor) throws -> Tensor {
        throw NotImplemented("5.1")
    }
}
