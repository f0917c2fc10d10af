import Course
import RepLearn

// Exercise 5.1 — sRGB ↔ Lab per pixel, D65. The library's ColorSpace is this chain written out
// per component (linearize → M → ÷ white → f → L, a, b, and back); here it is applied row by row.
extension ReferenceColorization {
    public func labFromSRGB(_ rgb: Tensor) throws -> Tensor {
        try rgb.expectShape([-1, 3], "labFromSRGB", name: "rgb")
        var out = rgb
        for i in 0..<rgb.rows {
            let v = ColorSpace.lab(r: rgb.data[3 * i], g: rgb.data[3 * i + 1], b: rgb.data[3 * i + 2])
            out.data[3 * i] = v.l; out.data[3 * i + 1] = v.a; out.data[3 * i + 2] = v.b
        }
        return out
    }

    public func srgbFromLab(_ lab: Tensor) throws -> Tensor {
        try lab.expectShape([-1, 3], "srgbFromLab", name: "lab")
        var out = lab
        for i in 0..<lab.rows {
            let c = ColorSpace.srgb(l: lab.data[3 * i], a: lab.data[3 * i + 1], b: lab.data[3 * i + 2], clamp: false)
            out.data[3 * i] = c.r; out.data[3 * i + 1] = c.g; out.data[3 * i + 2] = c.b
        }
        return out
    }
}
