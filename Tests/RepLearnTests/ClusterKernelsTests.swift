import RepLearn
import XCTest

/// The k-means kernels against plain Double loops, and the fused Lloyd pass against the two
/// separate kernels, bit for bit, on sizes that run on one core and on several.
final class ClusterKernelsTests: XCTestCase {
    /// The rule written out: the lowest column of the smallest number; NaN never beats a number.
    func scan(_ row: [Float]) -> Int {
        var (jBest, vBest) = (0, row[0])
        for (j, v) in row.enumerated().dropFirst() where v < vBest || (vBest.isNaN && !v.isNaN) { (jBest, vBest) = (j, v) }
        return jBest
    }

    func testArgminRowsTiesNaNAndInfinityAtEveryWidth() throws {
        var rng = SeededGenerator(seed: 3)
        for k in [1, 2, 7, 8, 9, 16, 23, 64] {
            var rows: [[Float]] = []
            for _ in 0..<200 { rows.append((0..<k).map { _ in Float(rng.nextInt(below: 5)) }) }   // many ties
            rows.append([Float](repeating: .nan, count: k))
            rows.append([Float](repeating: .infinity, count: k))
            rows.append((0..<k).map { $0 == k - 1 ? -1 : .nan })                              // the only number is last
            rows.append((0..<k).map { $0 % 2 == 0 ? .nan : .infinity })                        // NaN first, then +∞
            rows.append((0..<k).map { $0 == k / 2 ? -.infinity : 0 })
            let scores = try Tensor(rows: rows)
            XCTAssertEqual(try Clustering.argminRows(scores), rows.map(scan), "k = \(k)")
        }
    }

    func testArgminOfProductsIsTheNearestCentreInDouble() throws {
        var rng = SeededGenerator(seed: 4)
        for (n, d, k) in [(37, 5, 3), (300, 33, 13), (1200, 40, 24)] {           // the last runs on every core
            let x = Tensor.randomNormal([n, d], using: &rng), c = Tensor.randomNormal([k, d], using: &rng)
            let cc = (0..<k).map { j in (0..<d).reduce(Float(0)) { $0 + c[j, $1] * c[j, $1] } }
            let got = try Clustering.argminOfProducts(x, c * -2, plus: cc)
            var clear = 0
            for i in 0..<n {
                let dist = (0..<k).map { j in (0..<d).reduce(0.0) { $0 + pow(Double(x[i, $1]) - Double(c[j, $1]), 2) } }
                let sorted = dist.sorted()
                guard sorted.count < 2 || sorted[1] - sorted[0] > 1e-3 * sorted[1] else { continue }   // no near-tie
                clear += 1
                XCTAssertEqual(got[i], dist.firstIndex(of: sorted[0])!, "row \(i) of \(n)×\(d), k = \(k)")
            }
            XCTAssertGreaterThan(clear, n * 9 / 10)
            // The same products and offsets as the stored score matrix, so the same choices.
            let stored = try Tensor.matmul(x, c * -2, transposeB: true).addingRowVector(Tensor(vector: cc))
            XCTAssertEqual(got, try Clustering.argminRows(stored))
        }
    }

    func testClusterSumsAreTheSumsInDouble() throws {
        var rng = SeededGenerator(seed: 5)
        for (n, d, k) in [(50, 3, 4), (1200, 40, 24)] {                             // one core, every core
            let x = Tensor.randomNormal([n, d], using: &rng)
            let a = (0..<n).map { _ in rng.nextInt(below: k - 1) }                       // cluster k − 1 stays empty
            let (sums, counts) = try Clustering.clusterSums(x, assignments: a, k: k)
            XCTAssertEqual(counts, (0..<k).map { j in a.filter { $0 == j }.count })
            var expected = [Double](repeating: 0, count: k * d)
            for i in 0..<n { for t in 0..<d { expected[a[i] * d + t] += Double(x[i, t]) } }
            for j in 0..<k { for t in 0..<d {
                XCTAssertEqual(Double(sums[j, t]), expected[j * d + t], accuracy: 1e-5 * Double(max(counts[j], 1)), "sum [\(j), \(t)]")
            } }
        }
        XCTAssertThrowsError(try Clustering.clusterSums(Tensor.zeros([2, 3]), assignments: [0, 4], k: 4)) { e in
            XCTAssertTrue("\(e)".contains("assignment 4 of row 1"), "\(e)")
        }
    }

    func testOnePassEqualsTheTwoKernelsBitForBit() throws {
        var rng = SeededGenerator(seed: 6)
        for (n, d, k) in [(10, 4, 3), (1000, 50, 10), (5000, 64, 32), (2561, 9, 64)] {
            let x = Tensor.randomNormal([n, d], using: &rng), c = Tensor.randomNormal([k, d], using: &rng)
            let cc = (0..<k).map { Float($0) * 0.1 }
            let fused = try Clustering.assignAndSum(x, c, plus: cc)
            let a = try Clustering.argminOfProducts(x, c, plus: cc)
            let (sums, counts) = try Clustering.clusterSums(x, assignments: a, k: k)
            XCTAssertEqual(fused.assignments, a, "\(n)×\(d), k = \(k)")
            XCTAssertEqual(fused.sums.data, sums.data, "\(n)×\(d), k = \(k)")
            XCTAssertEqual(fused.counts, counts)
            XCTAssertEqual(fused.sums.shape, [k, d])
        }
    }

    func testShapeErrorsNameTheKernel() {
        XCTAssertThrowsError(try Clustering.argminOfProducts(Tensor.zeros([4, 3]), Tensor.zeros([2, 5]), plus: [0, 0])) { e in
            XCTAssertTrue("\(e)".contains("Clustering.argminOfProducts"), "\(e)")
        }
        XCTAssertThrowsError(try Clustering.assignAndSum(Tensor.zeros([4, 3]), Tensor.zeros([2, 3]), plus: [0])) { e in
            XCTAssertTrue("\(e)".contains("1 offsets for 2 rows"), "\(e)")
        }
    }
}
