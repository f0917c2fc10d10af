@testable import RepLearn
import XCTest

/// The Winograd path of conv2d (3×3, stride 1, padding = dilation, channels in eights) against a
/// direct convolution in Double, against the im2col path, and its backward against finite differences.
final class WinogradTests: XCTestCase {
    typealias C = EngineCheck

    /// y[n, o, u, v] = b[o] + Σ w[o, c, i, j]·x[n, c, u − p + i·d, v − p + j·d] in Double.
    func direct(_ x: Tensor, _ w: Tensor, _ b: Tensor, dilation d: Int) -> [Double] {
        let (n, c, h, wd, o) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3], w.shape[0])
        var y = [Double](repeating: 0, count: n * o * h * wd)
        for m in 0..<n { for oc in 0..<o { for u in 0..<h { for v in 0..<wd {
            var s = Double(b.data[oc])
            for ch in 0..<c { for i in 0..<3 { for j in 0..<3 {
                let (yy, xx) = (u - d + i * d, v - d + j * d)
                guard yy >= 0 && yy < h && xx >= 0 && xx < wd else { continue }
                s += Double(w.data[((oc * c + ch) * 3 + i) * 3 + j]) * Double(x.data[((m * c + ch) * h + yy) * wd + xx])
            } } }
            y[((m * o + oc) * h + u) * wd + v] = s
        } } } }
        return y
    }

    /// Sizes with whole and partial tiles, one and two dilations, 1–5 images (groups over the cores).
    let cases: [(x: [Int], o: Int, dilation: Int)] = [([3, 16, 6, 10], 16, 1), ([2, 16, 7, 9], 24, 1), ([5, 24, 5, 4], 16, 1),
                                                      ([2, 16, 8, 6], 16, 2), ([1, 16, 10, 4], 16, 2), ([2, 16, 9, 6], 16, 3)]

    func testForwardMatchesTheDirectSum() throws {
        for (k, (xs, o, d)) in cases.enumerated() {
            let geo = ConvGeometry(padding: d, dilation: d)
            XCTAssertTrue(Winograd.applies(c: xs[1], o: o, h: xs[2], w: xs[3], kh: 3, kw: 3, geo), "case \(k) takes the Winograd path")
            let x = C.normal(xs, seed: UInt64(10 + k)), w = C.normal([o, xs[1], 3, 3], std: 0.3, seed: UInt64(20 + k)), b = C.normal([o], seed: 30)
            let y = try Variable.conv2d(Variable(x), weight: Variable(w), bias: Variable(b), geo).value
            XCTAssertEqual(y.shape, [xs[0], o, xs[2], xs[3]])
            let e = direct(x, w, b, dilation: d)
            let worst = zip(y.data, e).map { abs(Double($0) - $1) }.max()!
            XCTAssertLessThan(worst, 1e-4, "case \(k) \(xs), dilation \(d): largest difference from the direct sum")
        }
    }

    func testGradientsMatchTheIm2colPathAndFiniteDifferences() throws {
        for (k, (xs, o, d)) in cases.enumerated() {
            let geo = ConvGeometry(padding: d, dilation: d)
            let x = C.normal(xs, seed: UInt64(40 + k)), w = C.normal([o, xs[1], 3, 3], std: 0.3, seed: UInt64(50 + k)), b = C.normal([o], seed: 60)
            func grads() throws -> [[Float]] {
                let vs = [Variable(x, requiresGrad: true), Variable(w, requiresGrad: true), Variable(b, requiresGrad: true)]
                let y = try Variable.conv2d(vs[0], weight: vs[1], bias: vs[2], geo)
                var rng = SeededGenerator(seed: 7)
                try (y * Variable(Tensor.randomUniform(y.shape, -1, 1, using: &rng))).sum().backward()
                return [y.value.data] + vs.map { $0.grad!.data }
            }
            let winograd = try grads()
            let saved = Winograd.minimumChannels
            Winograd.minimumChannels = .max                                  // the im2col path
            let im2col = try grads()
            Winograd.minimumChannels = saved
            for (name, (a, e)) in zip(["output", "∂x", "∂w", "∂b"], zip(winograd, im2col)) {
                let scale = e.map { abs($0) }.max()!
                let worst = zip(a, e).map { abs($0 - $1) }.max()!
                XCTAssertLessThan(worst, 1e-5 * max(scale, 1), "case \(k) \(xs), dilation \(d): \(name) differs from im2col's")
            }
        }
        let x = C.normal([2, 16, 5, 6], seed: 70), w = C.normal([16, 16, 3, 3], std: 0.3, seed: 71), b = C.normal([16], seed: 72)
        for d in [1, 2] where 6 % d == 0 && (d == 1 || 5 % d == 0) {
            try C.assertGradients("Winograd conv2d, dilation \(d)", [x, w, b]) {
                try Variable.conv2d($0[0], weight: $0[1], bias: $0[2], ConvGeometry(padding: d, dilation: d))
            }
        }
        let x2 = C.normal([2, 16, 6, 4], seed: 73)
        try C.assertGradients("Winograd conv2d, dilation 2", [x2, w, b]) {
            try Variable.conv2d($0[0], weight: $0[1], bias: $0[2], ConvGeometry(padding: 2, dilation: 2))
        }
    }
}
