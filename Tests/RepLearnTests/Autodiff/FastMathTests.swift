@testable import RepLearn
import Foundation
import XCTest

/// The eight-lane log and sin/cos against Foundation's, and the Box–Muller fill built on them.
final class FastMathTests: XCTestCase {
    func testLogMatchesFoundation() {
        var worst: Float = 0
        for k in 0..<4096 {
            let x = FastMath.F8((0..<8).map { Float(0x1p-24) + Float(k * 8 + $0) * Float(1.0 / 32768) })
            let y = FastMath.log(x)
            for j in 0..<8 { worst = max(worst, abs(y[j] - Float(Foundation.log(Double(x[j]))))) }
        }
        XCTAssertLessThan(worst, 2e-6)
        XCTAssertEqual(FastMath.log(FastMath.F8(repeating: 1))[0], 0, accuracy: 1e-7)
        XCTAssertEqual(FastMath.log(FastMath.F8(repeating: 1e30))[0], Float(Foundation.log(1e30)), accuracy: 1e-4)
    }

    func testSinCos2PiMatchesFoundation() {
        var worst: Float = 0
        for k in 0..<2048 {
            let u = FastMath.F8((0..<8).map { Float(k * 8 + $0) / 16384 })
            let (s, c) = FastMath.sinCos2Pi(u)
            for j in 0..<8 {
                let a = 2 * Double.pi * Double(u[j])
                worst = max(worst, abs(s[j] - Float(Foundation.sin(a))), abs(c[j] - Float(Foundation.cos(a))))
            }
        }
        XCTAssertLessThan(worst, 1e-6)
    }

    func testFillNormalMomentsAndDeterminism() {
        func draw(_ n: Int) -> [Float] {
            var rng = SeededGenerator(seed: 7)
            var out = [Float](repeating: .nan, count: n)
            out.withUnsafeMutableBufferPointer { rng.fillNormal($0, mean: 1, std: 2) }
            return out
        }
        let z = draw(200_003)                  // not a multiple of 16: the tail block
        XCTAssertEqual(z, draw(200_003))
        XCTAssertFalse(z.contains { !$0.isFinite })
        let mean = z.reduce(0.0) { $0 + Double($1) } / Double(z.count)
        let variance = z.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(z.count)
        XCTAssertEqual(mean, 1, accuracy: 0.02)
        XCTAssertEqual(variance, 4, accuracy: 0.08)
        let within = Double(z.filter { abs($0 - 1) < 2 }.count) / Double(z.count)   // P(|Z| < 1) = 0.6827
        XCTAssertEqual(within, 0.6827, accuracy: 0.005)
        XCTAssertEqual(draw(5).count, 5)
    }
}
