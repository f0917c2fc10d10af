import Foundation
import RepLearn
import XCTest

/// ColorSpace is Float32; these tests recompute Lab in Double, written independently from the
/// formulas (CIE 1976, D65 Xn = 0.95047, Zn = 1.08883, sRGB IEC 61966-2-1), and compare with
/// published values.
final class ColorSpaceTests: XCTestCase {
    /// Reference sRGB → Lab in Double.
    private func referenceLab(_ rgb: (Double, Double, Double)) -> (Double, Double, Double) {
        func lin(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        let v = [lin(rgb.0), lin(rgb.1), lin(rgb.2)]
        let m: [[Double]] = [[0.4124564, 0.3575761, 0.1804375],
                             [0.2126729, 0.7151522, 0.0721750],
                             [0.0193339, 0.1191920, 0.9503041]]
        let xyz = m.map { row in zip(row, v).reduce(0) { $0 + $1.0 * $1.1 } }
        let white = [0.95047, 1.0, 1.08883]
        let d = 6.0 / 29.0
        let f = zip(xyz, white).map { t -> Double in
            let r = t.0 / t.1
            return r > d * d * d ? pow(r, 1.0 / 3.0) : r / (3 * d * d) + 4.0 / 29.0
        }
        return (116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2]))
    }

    private func assertLab(_ rgb: (Float, Float, Float), _ expected: (Double, Double, Double), within tol: Double,
                           file: StaticString = #filePath, line: UInt = #line) {
        let v = ColorSpace.lab(r: rgb.0, g: rgb.1, b: rgb.2)
        XCTAssertEqual(Double(v.l), expected.0, accuracy: tol, "L of \(rgb)", file: file, line: line)
        XCTAssertEqual(Double(v.a), expected.1, accuracy: tol, "a of \(rgb)", file: file, line: line)
        XCTAssertEqual(Double(v.b), expected.2, accuracy: tol, "b of \(rgb)", file: file, line: line)
    }

    func testPublishedValues() {
        // Tolerance 0.01: the published values are rounded to 2 decimals (half a unit is 0.005),
        // Float32 adds about 1e-5 on L ≤ 100.
        assertLab((1, 1, 1), (100, 0, 0), within: 1e-2)
        assertLab((1, 0, 0), (53.24, 80.09, 67.20), within: 1e-2)
        assertLab((0, 1, 0), (87.73, -86.18, 83.18), within: 1e-2)
        assertLab((0, 0, 1), (32.30, 79.19, -107.86), within: 1e-2)
        assertLab((0, 0, 0), (0, 0, 0), within: 1e-6)
        assertLab((128.0 / 255, 128.0 / 255, 128.0 / 255), (53.585, 0, 0), within: 1e-2)
        assertLab((0.5, 0.5, 0.5), (53.39, 0, 0), within: 1e-2)
    }

    func testMatchesDoubleReferenceOnRandomColoursIncludingTheLinearSegments() {
        var rng = SeededGenerator(seed: 7)
        // Include components on the linear segment of the sRGB gamma (≤ 0.04045) and very dark
        // colours where f uses its linear piece (Y/Yn ≤ (6/29)³ ≈ 0.00886).
        var colours: [(Float, Float, Float)] = [(0.01, 0.02, 0.03), (0.04, 0.0, 0.04045), (0.05, 0.05, 0.05)]
        for _ in 0..<500 { colours.append((rng.nextFloat(), rng.nextFloat(), rng.nextFloat())) }
        for c in colours {
            // a = 500 (fx − fy) turns one Float32 ulp of f ≈ 1 (6e-8) into 3e-5; allow a few ulps.
            assertLab(c, referenceLab((Double(c.0), Double(c.1), Double(c.2))), within: 2e-4)
        }
    }

    func testRoundTripAndBatchLayout() throws {
        var rng = SeededGenerator(seed: 11)
        let rgb = Tensor.randomUniform([3, 3, 5, 4], 0, 1, using: &rng)
        let lab = try ColorSpace.labFromSRGB(rgb)
        XCTAssertEqual(lab.shape, [3, 3, 5, 4])
        // Pixel (n = 2, y = 3, x = 1) read from the planes by hand.
        let (hw, p) = (20, 3 * 4 + 1)
        let base = 2 * 3 * hw
        let one = ColorSpace.lab(r: rgb.data[base + p], g: rgb.data[base + hw + p], b: rgb.data[base + 2 * hw + p])
        XCTAssertEqual([lab.data[base + p], lab.data[base + hw + p], lab.data[base + 2 * hw + p]], [one.l, one.a, one.b])

        let back = try ColorSpace.srgbFromLab(lab)
        XCTAssertEqual(back.shape, rgb.shape)
        let worst = zip(back.data, rgb.data).map { abs($0 - $1) }.max() ?? 0
        XCTAssertLessThan(worst, 1e-4, "round trip sRGB → Lab → sRGB")   // measured < 1e-5; 1e-3 would already be invisible

        // Lightness and ab recombine to the same colours.
        let (l, ab) = try ColorSpace.split(lab)
        XCTAssertEqual(l.shape, [3, 1, 5, 4])
        XCTAssertEqual(ab.shape, [3, 2, 5, 4])
        XCTAssertEqual(try ColorSpace.lightness(ofSRGB: rgb), l)
        XCTAssertEqual(try ColorSpace.srgbFromLab(lightness: l, ab: ab), back)
        XCTAssertEqual(ab.data[2 * 2 * hw + p], one.a)
        XCTAssertEqual(ab.data[2 * 2 * hw + hw + p], one.b)
    }

    func testGrayHasNoChromaAndClampIsOptIn() throws {
        // L = 50 with zero ab: a neutral gray, all components equal.
        let g = ColorSpace.srgb(l: 50, a: 0, b: 0)
        XCTAssertEqual(g.r, g.g, accuracy: 1e-5)
        XCTAssertEqual(g.g, g.b, accuracy: 1e-5)
        // L = 50, a = 120 is outside the sRGB gamut: unclamped it leaves [0, 1], clamped it does not.
        let l = try Tensor(shape: [1, 1, 1, 1], data: [50])
        let ab = try Tensor(shape: [1, 2, 1, 1], data: [120, 0])
        let raw = try ColorSpace.srgbFromLab(lightness: l, ab: ab)
        XCTAssertTrue(raw.data.contains { $0 < 0 || $0 > 1 }, "\(raw)")
        let clamped = try ColorSpace.srgbFromLab(lightness: l, ab: ab, clamp: true)
        XCTAssertTrue(clamped.data.allSatisfy { $0 >= 0 && $0 <= 1 }, "\(clamped)")
        XCTAssertTrue(raw.isFinite)
    }

    func testShapeErrorsNameTheArgument() {
        XCTAssertThrowsError(try ColorSpace.labFromSRGB(Tensor.zeros([2, 1, 4, 4]))) {
            XCTAssertTrue("\($0)".contains("rgb") && "\($0)".contains("[2, 1, 4, 4]"), "\($0)")
        }
        XCTAssertThrowsError(try ColorSpace.srgbFromLab(lightness: Tensor.zeros([2, 1, 4, 4]), ab: Tensor.zeros([2, 2, 4, 3]))) {
            XCTAssertTrue("\($0)".contains("ab"), "\($0)")
        }
    }
}
