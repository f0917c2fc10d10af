import RepLearn
import XCTest

/// The product paths of GEMM.run — plain, split across cores, and the transposed route for tall,
/// narrow results — against loops in Double, for every transpose combination.
final class GEMMTests: XCTestCase {
    func testEveryPathAndTransposeMatchesLoops() throws {
        var rng = SeededGenerator(seed: 3)
        for (m, n, k) in [(5, 4, 3), (300, 7, 11), (90, 600, 40), (2000, 30, 20)] {   // small, tall-narrow, split, tall-narrow large
            for (ta, tb) in [(false, false), (true, false), (false, true), (true, true)] {
                let a = Tensor.randomNormal(ta ? [k, m] : [m, k], using: &rng), b = Tensor.randomNormal(tb ? [n, k] : [k, n], using: &rng)
                let c = try Tensor.matmul(a, b, transposeA: ta, transposeB: tb)
                XCTAssertEqual(c.shape, [m, n])
                var worst = 0.0
                for i in stride(from: 0, to: m, by: max(1, m / 40)) { for j in 0..<n {
                    var s = 0.0
                    for p in 0..<k {
                        let x = Double(ta ? a.data[p * m + i] : a.data[i * k + p]), y = Double(tb ? b.data[j * k + p] : b.data[p * n + j])
                        s += x * y
                    }
                    worst = max(worst, abs(s - Double(c.data[i * n + j])))
                } }
                XCTAssertLessThan(worst, 1e-3, "\(m)×\(n)×\(k) transposeA \(ta) transposeB \(tb)")
            }
        }
    }
}
