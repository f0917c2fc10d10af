import Course
import Foundation
import RepLearn
import Solutions

// Plausible wrong implementations of lecture 3, one mistake each.

/// ‖x‖² − 2x·c without the ‖c‖² term.
struct DistancesWithoutCenterNorm: DelegatingKMeans {
    func squaredDistances(_ x: Tensor, _ centers: Tensor) throws -> Tensor {
        let xc = try Tensor.matmul(x, centers, transposeB: true)
        let xn = try x.rowNorms()
        var d = xc
        for i in 0..<x.rows { for j in 0..<centers.rows { d[i, j] = max(xn[i] * xn[i] - 2 * xc[i, j], 0) } }
        return d
    }
}

/// arg-max instead of arg-min.
struct AssignArgmax: DelegatingKMeans {
    func assign(_ x: Tensor, _ centers: Tensor) throws -> [Int] { try base.squaredDistances(x, centers).argmaxRows() }
}

/// Nearest by the largest dot product x·c (drops ‖c‖²).
struct AssignByDotProduct: DelegatingKMeans {
    func assign(_ x: Tensor, _ centers: Tensor) throws -> [Int] { try Tensor.matmul(x, centers, transposeB: true).argmaxRows() }
}

/// Sums the members instead of averaging them.
struct UpdateWithSum: DelegatingKMeans {
    func updateCenters(_ x: Tensor, assignments: [Int], previous: Tensor) throws -> Tensor {
        var out = Tensor.zeros(previous.shape)
        for (i, a) in assignments.enumerated() { for j in 0..<x.cols { out[a, j] += x[i, j] } }
        return out
    }
}

/// Divides by the cluster size even when it is 0: 0/0 = NaN.
struct UpdateEmptyIsNaN: DelegatingKMeans {
    func updateCenters(_ x: Tensor, assignments: [Int], previous: Tensor) throws -> Tensor {
        var out = Tensor.zeros(previous.shape)
        var counts = [Float](repeating: 0, count: previous.rows)
        for (i, a) in assignments.enumerated() { counts[a] += 1; for j in 0..<x.cols { out[a, j] += x[i, j] } }
        for c in 0..<previous.rows { for j in 0..<x.cols { out[c, j] /= counts[c] } }
        return out
    }
}

/// Resets an empty cluster's centre to the origin.
struct UpdateEmptyIsZero: DelegatingKMeans {
    func updateCenters(_ x: Tensor, assignments: [Int], previous: Tensor) throws -> Tensor {
        try base.updateCenters(x, assignments: assignments, previous: Tensor.zeros(previous.shape))
    }
}

/// The mean instead of the sum.
struct ObjectiveMean: DelegatingKMeans {
    func objective(_ x: Tensor, _ centers: Tensor, assignments: [Int]) throws -> Double {
        try base.objective(x, centers, assignments: assignments) / Double(x.rows)
    }
}

/// Sums distances, not squared distances.
struct ObjectiveUnsquared: DelegatingKMeans {
    func objective(_ x: Tensor, _ centers: Tensor, assignments: [Int]) throws -> Double {
        try assignments.enumerated().reduce(0.0) { acc, p in
            let r = try x.gatherRows([p.offset]) - centers.gatherRows([p.element])
            return acc + Double(try r.rowNorms()[0])
        }
    }
}

/// Every centre drawn uniformly.
struct PlusPlusUniform: DelegatingKMeans {
    func kmeansPlusPlus(_ x: Tensor, k: Int, rng: inout SeededGenerator) throws -> Tensor {
        var idx: [Int] = []
        while idx.count < k { let i = rng.nextInt(below: x.rows); if !idx.contains(i) { idx.append(i) } }
        return try x.gatherRows(idx)
    }
}

/// Proportional to D, not D².
struct PlusPlusProportionalToD: DelegatingKMeans {
    func kmeansPlusPlus(_ x: Tensor, k: Int, rng: inout SeededGenerator) throws -> Tensor {
        var idx = [rng.nextInt(below: x.rows)]
        while idx.count < k {
            let d = try base.squaredDistances(x, x.gatherRows(idx))
            let w = (0..<x.rows).map { i in Double((0..<idx.count).map { d[i, $0] }.min()!).squareRoot() }
            var u = rng.nextDouble() * w.reduce(0, +)
            var pick = x.rows - 1
            for (i, v) in w.enumerated() { u -= v; if u <= 0 && v > 0 { pick = i; break } }
            idx.append(pick)
        }
        return try x.gatherRows(idx)
    }
}

/// Never updates D² after the first centre: later picks can repeat a chosen point.
struct PlusPlusStaleDistances: DelegatingKMeans {
    func kmeansPlusPlus(_ x: Tensor, k: Int, rng: inout SeededGenerator) throws -> Tensor {
        let first = rng.nextInt(below: x.rows)
        let d2 = try base.squaredDistances(x, x.gatherRows([first])).data.map(Double.init)
        var idx = [first]
        while idx.count < k {
            var u = rng.nextDouble() * d2.reduce(0, +)
            var pick = x.rows - 1
            for (i, v) in d2.enumerated() { u -= v; if u <= 0 && v > 0 { pick = i; break } }
            idx.append(pick)
        }
        return try x.gatherRows(idx)
    }
}

/// One update and stop: no loop.
struct LoopSingleIteration: DelegatingKMeans {
    func kmeans(_ x: Tensor, initial: Tensor, maxIterations: Int) throws -> KMeansResult {
        try Lloyd.run(x, initial: initial, maxIterations: 1, using: self)
    }
}

/// One-hot with the 1 in the wrong column.
struct OneHotOffByOne: DelegatingKMeans {
    func oneHotEncode(_ assignments: [Int], k: Int) throws -> Tensor { try base.oneHotEncode(assignments.map { ($0 + 1) % k }, k: k) }
}

/// Decodes with the centres transposed.
struct DecodeTransposed: DelegatingKMeans {
    func decode(_ codes: Tensor, centers: Tensor) throws -> Tensor { try Tensor.matmul(codes, centers.transposed()) }
}

// Issue 15's holes: data that hid the bug, parameters at one value, documented behaviour unchecked.

/// Ties go to the highest index (≤ in the scan instead of <).
struct AssignTiesHighest: DelegatingKMeans {
    func assign(_ x: Tensor, _ centers: Tensor) throws -> [Int] {
        let d = try base.squaredDistances(x, centers)
        return (0..<x.rows).map { i in
            var best = 0
            for j in 0..<centers.rows where d[i, j] <= d[i, best] { best = j }
            return best
        }
    }
}

/// The identity without the clamp: rounding leaves small negative "squared" distances.
struct DistancesNoClamp: DelegatingKMeans {
    func squaredDistances(_ x: Tensor, _ centers: Tensor) throws -> Tensor {
        let xc = try Tensor.matmul(x, centers, transposeB: true)
        let xn = try x.rowNorms(), cn = try centers.rowNorms()
        var d = xc
        for i in 0..<x.rows { for j in 0..<centers.rows { d[i, j] = xn[i] * xn[i] - 2 * xc[i, j] + cn[j] * cn[j] } }
        return d
    }
}

/// Ignores the given assignment and re-assigns every row to its nearest previous centre.
struct UpdateReassigns: DelegatingKMeans {
    func updateCenters(_ x: Tensor, assignments: [Int], previous: Tensor) throws -> Tensor {
        try base.updateCenters(x, assignments: try base.assign(x, previous), previous: previous)
    }
}

/// Ignores the given assignment: J of the nearest centres.
struct ObjectiveNearest: DelegatingKMeans {
    func objective(_ x: Tensor, _ centers: Tensor, assignments: [Int]) throws -> Double {
        try base.objective(x, centers, assignments: try base.assign(x, centers))
    }
}

/// k-means++ whose inverse-CDF scan, with ΣD² = 0, stops at the first row (u = 0 ≤ 0) or falls off to the last.
struct PlusPlusDegenerate: DelegatingKMeans {
    let pickLast: Bool
    func kmeansPlusPlus(_ x: Tensor, k: Int, rng: inout SeededGenerator) throws -> Tensor {
        var chosen = [rng.nextInt(below: x.rows)]
        var d2 = try base.squaredDistances(x, x.gatherRows(chosen)).data.map(Double.init)
        while chosen.count < k {
            let u = rng.nextDouble() * d2.reduce(0, +)
            var next = pickLast ? x.rows - 1 : 0
            var acc = 0.0
            for (i, v) in d2.enumerated() { acc += v; if acc >= u && (v > 0 || !pickLast) { next = i; break } }
            chosen.append(next)
            let dn = try base.squaredDistances(x, x.gatherRows([next])).data
            for i in 0..<d2.count { d2[i] = min(d2[i], Double(dn[i])) }
        }
        return try x.gatherRows(chosen)
    }
}

/// Lloyd's loop with one bookkeeping mistake.
struct LoopBookkeeping: DelegatingKMeans {
    enum Slip { case ignoresMaxIterations, objectiveBeforeUpdate, countsAssignments, oneUpdateTooMany }
    let slip: Slip
    func kmeans(_ x: Tensor, initial: Tensor, maxIterations: Int) throws -> KMeansResult {
        let limit = slip == .ignoresMaxIterations ? 1_000 : slip == .oneUpdateTooMany ? maxIterations + 1 : maxIterations
        var centers = initial
        var assignments = try assign(x, centers)
        var objectives: [Double] = []
        var iterations = 0
        while iterations < limit {
            if slip == .objectiveBeforeUpdate { objectives.append(try objective(x, centers, assignments: assignments)) }
            centers = try updateCenters(x, assignments: assignments, previous: centers)
            iterations += 1
            if slip != .objectiveBeforeUpdate { objectives.append(try objective(x, centers, assignments: assignments)) }
            let next = try assign(x, centers)
            if next == assignments { break }
            assignments = next
        }
        return KMeansResult(centers: centers, assignments: assignments, objectives: objectives,
                            iterations: slip == .countsAssignments ? iterations + 1 : iterations)
    }
}

/// One-hot with as many columns as the largest code seen + 1, not k.
struct OneHotColumnsFromData: DelegatingKMeans {
    func oneHotEncode(_ assignments: [Int], k: Int) throws -> Tensor { try base.oneHotEncode(assignments, k: (assignments.max() ?? 0) + 1) }
}
