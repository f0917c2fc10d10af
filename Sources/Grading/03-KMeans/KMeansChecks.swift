import Course
import Foundation
import RepLearn

/// Lecture 3's checks: Double oracles (direct distances, arg-min, means, the objective),
/// properties of the loop, and a statistical test of k-means++ against exact probabilities.
public enum KMeansChecks {
    public typealias Impl = any KMeansExercises

    public static var all: [Check<Impl>] { assignment + update + objective + plusplus + loop + autoencoder }

    /// Four blobs in ℝ³, 15 points each (rows i, i+4, …: blob i % 4), σ = 0.5, centres ~10 apart.
    static func blobs() -> (x: Tensor, blob: [Int]) {
        var rng = SeededGenerator(seed: 301)
        let centres = try! Tensor(rows: [[0, 0, 0], [10, 0, 0], [0, 10, 0], [4, 4, 9]])
        var x = Tensor.randomNormal([60, 3], std: 0.5, using: &rng)
        for i in 0..<60 { for j in 0..<3 { x[i, j] += centres[i % 4, j] } }
        return (x, (0..<60).map { $0 % 4 })
    }

    static func sqDist(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } }
    static func rows(_ t: Tensor) -> [[Double]] { (0..<t.rows).map { t.row($0).map(Double.init) } }
    static func means(_ x: [[Double]], _ a: [Int], k: Int) -> [[Double]?] {
        (0..<k).map { c in
            let m = x.indices.filter { a[$0] == c }
            guard !m.isEmpty else { return nil }
            return (0..<x[0].count).map { j in m.reduce(0) { $0 + x[$1][j] } / Double(m.count) }
        }
    }
    static func oracleAssign(_ x: [[Double]], _ c: [[Double]]) -> [Int] {
        x.map { r in c.indices.min { sqDist(r, c[$0]) < sqDist(r, c[$1]) }! }
    }
    static func oracleObjective(_ x: [[Double]], _ c: [[Double]], _ a: [Int]) -> Double {
        x.indices.reduce(0) { $0 + sqDist(x[$1], c[a[$1]]) }
    }

    /// Centres of different norms (so dropping ‖c‖² changes the answer): three blob points and one far off.
    static func someCenters(_ x: Tensor) -> Tensor {
        var c = try! x.gatherRows([0, 1, 2])
        c = try! Tensor(shape: [4, 3], data: c.data + [2, 2, 2])
        return c
    }

    static let distTol = "|got − expected| ≤ max(1e-3, 1e-4·expected): the identity ‖x‖² − 2x·c + ‖c‖² cancels terms ~100 in Float32"

    static let assignment: [Check<Impl>] = [
        Check("3.1a", exercise: "3.1", "squared distances [60, 4] equal Σ (x − c)² computed directly, and none is negative", tolerance: distTol) { impl in
            let x = blobs().x, c = someCenters(x)
            let got = try impl.squaredDistances(x, c)
            let xr = rows(x), cr = rows(c)
            let want = DMatrix(rows: 60, cols: 4, data: xr.flatMap { r in cr.map { sqDist(r, $0) } })
            try Expect.close(got, want, abs: 1e-3, rel: 1e-4, "squared distances")
            try Expect.that(got.data.allSatisfy { $0 >= 0 }, "a squared distance is negative (clamp at 0)",
                            expected: "≥ 0", got: "\(got.data.min() ?? 0)", exact: true)
        },
        Check("3.1b", exercise: "3.1", "assign: each row goes to its nearest centre (arg-min, computed directly in Double)",
              tolerance: "exact: the data have no near-ties") { impl in
            let x = blobs().x, c = someCenters(x)
            let got = try impl.assign(x, c)
            let want = oracleAssign(rows(x), rows(c))
            if let i = (0..<60).first(where: { got.count != 60 || got[$0] != want[$0] }) {
                throw CheckFailure("assignment of row \(i)", expected: "\(want[i])", got: got.count == 60 ? "\(got[i])" : "\(got.count) assignments", toleranceApplies: false)
            }
        },
    ]

    static let update: [Check<Impl>] = [
        Check("3.2a", exercise: "3.2", "update: each centre is the mean of its members", tolerance: "|got − expected| ≤ max(1e-5, 1e-5·|expected|)") { impl in
            let (x, blob) = blobs()
            let prev = Tensor.zeros([4, 3])
            let got = try impl.updateCenters(x, assignments: blob, previous: prev)
            let want = means(rows(x), blob, k: 4).map { $0! }
            try Expect.close(got, DMatrix(rows: 4, cols: 3, data: want.flatMap { $0 }), abs: 1e-5, rel: 1e-5, "centres")
        },
        Check("3.2b", exercise: "3.2", "update with an empty cluster: its centre keeps the previous position (no NaN)",
              tolerance: "exact for the empty centre; 1e-5 for the others") { impl in
            let x = blobs().x
            let a = (0..<60).map { $0 % 3 }                   // cluster 3 gets nobody
            let prev = try Tensor(rows: [[1, 2, 3], [4, 5, 6], [7, 8, 9], [-1, -2, -3]])
            let got = try impl.updateCenters(x, assignments: a, previous: prev)
            var want = means(rows(x), a, k: 4).map { $0 ?? [-1, -2, -3] }
            want[3] = [-1, -2, -3]
            try Expect.that(got.isFinite, "centres contain NaN or ∞", expected: "finite", got: "\(got)", exact: true)
            try Expect.close(got, DMatrix(rows: 4, cols: 3, data: want.flatMap { $0 }), abs: 1e-5, rel: 1e-5, "centres with cluster 3 empty")
        },
    ]

    static let objective: [Check<Impl>] = [
        Check("3.3a", exercise: "3.3", "objective J = Σᵢ ‖xᵢ − c_{a(i)}‖² (a sum, with squares)",
              tolerance: "|got − expected| ≤ 1e-5·expected: Double accumulation recommended") { impl in
            let (x, blob) = blobs()
            let c = someCenters(x)
            let want = oracleObjective(rows(x), rows(c), blob)
            let got = try impl.objective(x, c, assignments: blob)
            try Expect.that(abs(got - want) <= 1e-5 * want, "objective", expected: Expect.fmt(want, vs: got), got: Expect.fmt(got, vs: want))
        },
    ]

    static let plusplus: [Check<Impl>] = [
        Check("3.4a", exercise: "3.4", "k-means++ on {0, 1, 3, 10}, k = 2, 4,000 seeds: (first, second) pairs match P = ¼ · D²(second)/ΣD²",
              tolerance: "each of the 16 frequencies within 4.5 standard errors √(p(1−p)/N) + 0.002; impossible pairs never") { impl in
            let pts: [Float] = [0, 1, 3, 10]
            let x = try Tensor(shape: [4, 1], data: pts)
            var counts = [[Int]](repeating: [Int](repeating: 0, count: 4), count: 4)
            let runs = 4000
            for seed in 0..<runs {
                var rng = SeededGenerator(seed: UInt64(10_000 + seed))
                let c = try impl.kmeansPlusPlus(x, k: 2, rng: &rng)
                try Expect.shape(c, [2, 1], "k-means++ centres")
                guard let f = pts.firstIndex(of: c[0, 0]), let s = pts.firstIndex(of: c[1, 0]) else {
                    throw CheckFailure("k-means++ must return rows of x", expected: "values from \(pts)", got: "\(c.data)", toleranceApplies: false)
                }
                counts[f][s] += 1
            }
            for f in 0..<4 {
                let d2 = pts.map { Double(($0 - pts[f]) * ($0 - pts[f])) }
                let total = d2.reduce(0, +)
                for s in 0..<4 {
                    let p = 0.25 * d2[s] / total
                    let emp = Double(counts[f][s]) / Double(runs)
                    let se = (p * (1 - p) / Double(runs)).squareRoot()
                    try Expect.that(abs(emp - p) <= 4.5 * se + 0.002, "frequency of (first = \(pts[f]), second = \(pts[s]))",
                                    expected: Expect.fmt(p, vs: emp), got: Expect.fmt(emp, vs: p))
                }
            }
        },
        Check("3.4b", exercise: "3.4", "k-means++ returns k distinct rows of x, the same ones for the same seed, and with k = n every row once",
              tolerance: "exact") { impl in
            let six = try Tensor(shape: [6, 1], data: [0, 1, 2, 5, 9, 20])
            var r0 = SeededGenerator(seed: 5)
            let all = try impl.kmeansPlusPlus(six, k: 6, rng: &r0)
            try Expect.that(all.data.sorted() == six.data, "k = n: every row exactly once (a chosen point has D² = 0)",
                            expected: "\(six.data)", got: "\(all.data.sorted())", exact: true)
            let x = blobs().x
            var r1 = SeededGenerator(seed: 7), r2 = SeededGenerator(seed: 7)
            let a = try impl.kmeansPlusPlus(x, k: 4, rng: &r1), b = try impl.kmeansPlusPlus(x, k: 4, rng: &r2)
            try Expect.shape(a, [4, 3], "centres")
            try Expect.that(a == b, "same seed, different centres", expected: "\(a)", got: "\(b)", exact: true)
            let xr = rows(x)
            let idx = rows(a).map { r in xr.firstIndex(of: r) }
            try Expect.that(idx.allSatisfy { $0 != nil } && Set(idx.compactMap { $0 }).count == 4,
                            "centres must be 4 distinct rows of x", expected: "4 distinct row indices", got: "\(idx)", exact: true)
        },
    ]

    static let loop: [Check<Impl>] = [
        Check("3.5a", exercise: "3.5", "from a bad start: objectives never increase; at the end every row is assigned optimally and every centre is its members' mean",
              tolerance: "objective increases ≤ 1e-6·J (rounding); means within 1e-4") { impl in
            let x = blobs().x
            let initial = try x.gatherRows([0, 4, 8, 12])    // all four from blob 0
            let r = try impl.kmeans(x, initial: initial, maxIterations: 100)
            try Expect.that(!r.objectives.isEmpty && r.iterations >= 1, "the loop made no update", expected: "≥ 1 iteration", got: "\(r.iterations)")
            try Expect.shape(r.centers, [4, 3], "centres")
            try Expect.that(r.assignments.count == 60 && r.assignments.allSatisfy { (0..<4).contains($0) }, "final assignments",
                            expected: "60 indices in 0..<4", got: "\(r.assignments.count) indices, range \(r.assignments.min() ?? 0)…\(r.assignments.max() ?? 0)", exact: true)
            for (t, (a, b)) in zip(r.objectives, r.objectives.dropFirst()).enumerated() {
                try Expect.that(b <= a * (1 + 1e-6), "the objective went up: objectives[\(t + 1)] > objectives[\(t)]", expected: "≤ \(Expect.fmt(a, vs: b))", got: Expect.fmt(b, vs: a))
            }
            let xr = rows(x), cr = rows(r.centers)
            try Expect.that(r.assignments == oracleAssign(xr, cr), "final assignments are not the nearest centres",
                            expected: "\(oracleAssign(xr, cr).prefix(12))…", got: "\(r.assignments.prefix(12))…", exact: true)
            let m = means(xr, r.assignments, k: 4)
            for c in 0..<4 { if let mc = m[c] {
                try Expect.that(sqDist(mc, cr[c]).squareRoot() <= 1e-4, "centre \(c) is not the mean of its members",
                                expected: "\(mc)", got: "\(cr[c])")
            } }
        },
        Check("3.5b", exercise: "3.5", "on four well-separated blobs, from one point per blob: the blobs' means are found (up to permutation)",
              tolerance: "each centre within 1e-4 of a blob's mean") { impl in
            let (x, blob) = blobs()
            let r = try impl.kmeans(x, initial: try x.gatherRows([0, 1, 2, 3]), maxIterations: 100)
            try Expect.shape(r.centers, [4, 3], "centres")
            let truth = means(rows(x), blob, k: 4).map { $0! }
            for c in rows(r.centers) {
                let best = truth.map { sqDist($0, c).squareRoot() }.min()!
                try Expect.that(best <= 1e-4, "a centre is not at any blob's mean", expected: "one of \(truth.map { $0.map { Expect.fmt($0) } })",
                                got: "\(c.map { Expect.fmt($0) })")
            }
        },
    ]

    static let autoencoder: [Check<Impl>] = [
        Check("3.6a", exercise: "3.6", "encoder: one-hot rows with the 1 at the assignment", tolerance: "exact") { impl in
            let a = [2, 0, 3, 3, 1]
            let z = try impl.oneHotEncode(a, k: 4)
            var want = DMatrix(rows: 5, cols: 4)
            for (i, c) in a.enumerated() { want[i, c] = 1 }
            try Expect.close(z, want, abs: 0, rel: 0, "one-hot codes")
        },
        Check("3.6b", exercise: "3.6", "decode(encode(x)) looks up each centre, and its reconstruction error equals the k-means objective",
              tolerance: "|error − J| ≤ 1e-5·J") { impl in
            let (x, blob) = blobs()
            let c = someCenters(x)
            let xhat = try impl.decode(try impl.oneHotEncode(blob, k: 4), centers: c)
            let cr = rows(c)
            try Expect.close(xhat, DMatrix(rows: 60, cols: 3, data: blob.flatMap { cr[$0] }), abs: 1e-6, rel: 1e-6, "reconstructions")
            let err = zip(xhat.data, x.data).reduce(0.0) { $0 + pow(Double($1.0) - Double($1.1), 2) }
            let j = oracleObjective(rows(x), cr, blob)
            try Expect.that(abs(err - j) <= 1e-5 * j, "autoencoder error vs k-means objective", expected: Expect.fmt(j, vs: err), got: Expect.fmt(err, vs: j))
        },
    ]
}
