import Course
import RepLearn
import Solutions
import XCTest

/// The reference's one-pass Lloyd iteration (what its loop and `replearn bench kmeans` run) is
/// its assign followed by its update, bit for bit, and its loop gives what the two calls give.
final class ReferenceLloydPassTests: XCTestCase {
    struct TwoCalls: DelegatingKMeans {}              // the reference's exercises, the protocol's default pass

    func testOnePassIsAssignThenUpdate() throws {
        let x = Synthetic.blobs(n: 3000, d: 784, centers: 16, seed: 2).x
        let km = ReferenceKMeans()
        var c = try x.gatherRows(Array(0..<16))
        for _ in 0..<3 {
            let (a, next) = try km.lloydPass(x, c)
            XCTAssertEqual(a, try km.assign(x, c))
            XCTAssertEqual(next.data, try km.updateCenters(x, assignments: a, previous: c).data)
            c = next
        }
        let empty = try Tensor(rows: [[Float](repeating: 0, count: 784), [Float](repeating: 1e6, count: 784)])
        XCTAssertEqual(try km.lloydPass(x, empty).centers.data[784...].first, 1e6)   // an empty cluster keeps its centre
    }

    func testLoopIsTheSameThroughEitherPass() throws {
        var rng = SeededGenerator(seed: 3)
        let x = Tensor.randomNormal([2000, 50], using: &rng)          // no clusters: many iterations
        let initial = try x.gatherRows(Array(0..<8))
        let fused = try ReferenceKMeans().kmeans(x, initial: initial, maxIterations: 30)
        let split = try TwoCalls().kmeans(x, initial: initial, maxIterations: 30)
        XCTAssertEqual(fused.assignments, split.assignments)
        XCTAssertEqual(fused.centers.data, split.centers.data)
        XCTAssertEqual(fused.objectives, split.objectives)
        XCTAssertEqual(fused.iterations, split.iterations)
        XCTAssertGreaterThan(fused.iterations, 1)
    }
}
