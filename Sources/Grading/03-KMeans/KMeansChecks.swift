import Course
import Foundation
import RepLearn

/// Lecture 3's checks: Double oracles (direct distances, arg-min, means, the objective),
/// properties of the loop, and a statistical test of k-means++ against exact probabilities.
public enum KMeansChecks {
    public typealias Impl = any KMeansExercises

    public static var all: [Check<Impl>] { assignment + update + objective + plusplus + [plusplusDegenerate] + loop + [loopBookkeeping] + autoencoder }

    /// Labels for x's 60 rows that are *not* the nearest-centre ones (so code that re-assigns instead of
    /// using the given assignment is caught): row i gets (7i + 3) mod k.
    static func arbitraryLabels(_ n: Int, k: Int) -> [Int] { (0..<n).map { (7 * $0 + 3) % k } }

    /// Lloyd's loop in Double, as 3.5 documents it: a = nearest(c₀); repeat { c ← means (empty: keep);
    /// record J(c, a); a′ = nearest(c); stop if a′ = a; a ← a′ } for at most `maxIterations` updates.
    static func oracleLloyd(_ x: [[Double]], _ c0: [[Double]], maxIterations: Int) -> (centers: [[Double]], assignments: [Int], objectives: [Double]) {
        var c = c0, a = oracleAssign(x, c0), objectives: [Double] = []
        while objectives.count < maxIterations {
            let m = means(x, a, k: c.count)
            c = c.indices.map { m[$0] ?? c[$0] }
            objectives.append(oracleObjective(x, c, a))
            let next = oracleAssign(x, c)
            if next == a { break }
            a = next
        }
        return (c, a, objectives)
    }


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
        Check("3.1b", exercise: "3.1", "assign: each row goes to its nearest centre (arg-min, computed directly in Double), for 4 centres and for 7 random ones",
              tolerance: "exact: the data have no near-ties") { impl in
            let x = blobs().x
            var rng = SeededGenerator(seed: 302)
            let seven = Tensor.randomNormal([7, 3], std: 6, using: &rng)
            for c in [someCenters(x), seven] {
                let got = try impl.assign(x, c)
                let want = oracleAssign(rows(x), rows(c))
                if let i = (0..<60).first(where: { got.count != 60 || got[$0] != want[$0] }) {
                    throw CheckFailure("assignment of row \(i) to \(c.rows) centres", expected: "\(want[i])",
                                       got: got.count == 60 ? "\(got[i])" : "\(got.count) assignments", toleranceApplies: false)
                }
            }
        },
        Check("3.1c", exercise: "3.1", "clamped at 0: centres equal to rows of norm ~500 — the identity cancels to rounding noise, which must not go below 0",
              tolerance: "every distance ≥ 0 exactly; each within 1e-5·(‖x‖² + ‖c‖²) + 1e-3 of the direct value (Float32 cancellation)") { impl in
            var rng = SeededGenerator(seed: 303)
            let x = Tensor.randomNormal([24, 5], std: 300, using: &rng)
            let c = try x.gatherRows([0, 3, 5, 8, 13, 21])
            let got = try impl.squaredDistances(x, c)
            try Expect.shape(got, [24, 6], "squared distances")
            try Expect.that(got.data.allSatisfy { $0 >= 0 }, "a squared distance is negative: clamp the identity at 0",
                            expected: "all ≥ 0", got: "smallest \(got.data.min() ?? 0)", exact: true)
            let xr = rows(x), cr = rows(c)
            for i in 0..<24 { for j in 0..<6 {
                let want = sqDist(xr[i], cr[j])
                let scale = xr[i].reduce(0) { $0 + $1 * $1 } + cr[j].reduce(0) { $0 + $1 * $1 }
                try Expect.that(abs(Double(got[i, j]) - want) <= 1e-5 * scale + 1e-3, "squared distance [\(i), \(j)]",
                                expected: Expect.fmt(want), got: Expect.fmt(Double(got[i, j])))
            } }
        },
        Check("3.1d", exercise: "3.1", "assign with exact ties (small integers, exact in Float32): the lowest index wins",
              tolerance: "exact") { impl in
            let x = try Tensor(rows: [[1, 0], [3, 0], [2, 2], [4, 0]])
            let c = try Tensor(rows: [[0, 0], [2, 0], [2, 0], [4, 0]])     // codes 1 and 2 coincide
            let want = [0, 1, 1, 3]   // row 0: 0/1/2 tie at 1; row 1: 1/2/3 tie at 1; row 2: 1/2 tie at 4
            let got = try impl.assign(x, c)
            try Expect.that(got == want, "assignments with ties", expected: "\(want)", got: "\(got)", exact: true)
        },
    ]

    static let update: [Check<Impl>] = [
        Check("3.2a", exercise: "3.2", "update: each centre is the mean of its members, for the blobs (k = 4) and for arbitrary labels (k = 5)",
              tolerance: "|got − expected| ≤ max(1e-5, 1e-5·|expected|)") { impl in
            let (x, blob) = blobs()
            for (labels, k) in [(blob, 4), (arbitraryLabels(60, k: 5), 5)] {
                let prev = Tensor.zeros([k, 3])
                let got = try impl.updateCenters(x, assignments: labels, previous: prev)
                let want = means(rows(x), labels, k: k).map { $0! }
                try Expect.close(got, DMatrix(rows: k, cols: 3, data: want.flatMap { $0 }), abs: 1e-5, rel: 1e-5, "centres (k = \(k))")
            }
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
        Check("3.3a", exercise: "3.3", "objective J = Σᵢ ‖xᵢ − c_{a(i)}‖² (a sum, with squares) for the *given* assignment — labels that are not the nearest centres, centres that are not data rows",
              tolerance: "|got − expected| ≤ 1e-5·expected: Double accumulation recommended") { impl in
            let x = blobs().x
            var rng = SeededGenerator(seed: 331)
            for k in [4, 6] {
                let c = Tensor.randomNormal([k, 3], std: 5, using: &rng)
                let labels = arbitraryLabels(60, k: k)
                let want = oracleObjective(rows(x), rows(c), labels)
                let got = try impl.objective(x, c, assignments: labels)
                try Expect.that(abs(got - want) <= 1e-5 * want, "objective (k = \(k))", expected: Expect.fmt(want, vs: got), got: Expect.fmt(got, vs: want))
            }
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

    static let plusplusDegenerate: Check<Impl> =
        Check("3.4c", exercise: "3.4", "k-means++ when ΣD² = 0: x = {0, 0, 5, 5, 9} and k = 5 — the three distinct values first, then uniform rows (rng.nextInt(below: n)), over 3,000 seeds",
              tolerance: "rows of x, no NaN; the first three distinct; extra centres 0, 5, 9 with frequencies 2/5, 2/5, 1/5 within 4.5 standard errors") { impl in
            let pts: [Float] = [0, 0, 5, 5, 9]
            let x = try Tensor(shape: [5, 1], data: pts)
            var extra: [Float: Int] = [:]
            let runs = 3000
            for seed in 0..<runs {
                var rng = SeededGenerator(seed: UInt64(40_000 + seed))
                let c = try impl.kmeansPlusPlus(x, k: 5, rng: &rng)
                try Expect.shape(c, [5, 1], "k-means++ centres")
                try Expect.that(c.data.allSatisfy { pts.contains($0) }, "k-means++ must return rows of x (seed \(seed))",
                                expected: "values from \(pts)", got: "\(c.data)", exact: true)
                try Expect.that(Set(c.data.prefix(3)).count == 3, "the first three centres must be the three distinct values (D² > 0 for each until chosen; seed \(seed))",
                                expected: "0, 5 and 9 in some order", got: "\(c.data.prefix(3))", exact: true)
                for v in c.data.dropFirst(3) { extra[v, default: 0] += 1 }
            }
            let n = Double(2 * runs)
            for (v, p) in [(Float(0), 0.4), (5, 0.4), (9, 0.2)] {
                let emp = Double(extra[v, default: 0]) / n
                let se = (p * (1 - p) / n).squareRoot()
                try Expect.that(abs(emp - p) <= 4.5 * se, "frequency of \(v) among the centres drawn after ΣD² = 0 (uniform over the 5 rows)",
                                expected: Expect.fmt(p, vs: emp), got: Expect.fmt(emp, vs: p))
            }
        }

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

    static let loopBookkeeping: Check<Impl> =
        Check("3.5c", exercise: "3.5", "maxIterations = 1, 2, 3 and 100 from a bad start: iterations = updates made, objectives[t] = J(centres after update t, the assignment it used), centres as Lloyd's loop in Double",
              tolerance: "iterations and the number of objectives exact; J within 1e-5·J; centres within 1e-4") { impl in
            let x = blobs().x
            let initial = try x.gatherRows([0, 4, 8, 12])
            let xr = rows(x)
            for maxIt in [1, 2, 3, 100] {
                let want = oracleLloyd(xr, rows(initial), maxIterations: maxIt)
                let r = try impl.kmeans(x, initial: initial, maxIterations: maxIt)
                try Expect.that(r.iterations == want.objectives.count, "iterations with maxIterations = \(maxIt)",
                                expected: "\(want.objectives.count)", got: "\(r.iterations)", exact: true)
                try Expect.that(r.objectives.count == want.objectives.count, "number of objectives with maxIterations = \(maxIt) (one per update)",
                                expected: "\(want.objectives.count)", got: "\(r.objectives.count)", exact: true)
                for (t, (g, e)) in zip(r.objectives, want.objectives).enumerated() {
                    try Expect.that(abs(g - e) <= 1e-5 * e, "objectives[\(t)] with maxIterations = \(maxIt): J after update \(t + 1)",
                                    expected: Expect.fmt(e, vs: g), got: Expect.fmt(g, vs: e))
                }
                try Expect.close(r.centers, DMatrix(rows: 4, cols: 3, data: want.centers.flatMap { $0 }), abs: 1e-4, rel: 1e-4,
                                 "centres after \(want.objectives.count) updates")
            }
        }

    static let autoencoder: [Check<Impl>] = [
        Check("3.6a", exercise: "3.6", "encoder: one-hot rows with the 1 at the assignment, k = 4 and k = 7 (codes 4–6 unused: zero columns)", tolerance: "exact") { impl in
            for (a, k) in [([2, 0, 3, 3, 1], 4), ([1, 3, 0, 2, 2, 3], 7)] {
                let z = try impl.oneHotEncode(a, k: k)
                var want = DMatrix(rows: a.count, cols: k)
                for (i, c) in a.enumerated() { want[i, c] = 1 }
                try Expect.close(z, want, abs: 0, rel: 0, "one-hot codes of \(a), k = \(k)")
            }
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
