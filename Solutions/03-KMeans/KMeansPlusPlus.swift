import Course
import RepLearn

// Exercise 3.4 — k-means++ (Arthur & Vassilvitskii 2007).
extension ReferenceKMeans {
    public func kmeansPlusPlus(_ x: Tensor, k: Int, rng: inout SeededGenerator) throws -> Tensor {
        guard k >= 1 && k <= x.rows else { throw InputError("kmeansPlusPlus: k = \(k) for \(x.rows) rows") }
        var chosen = [rng.nextInt(below: x.rows)]
        var d2 = try squaredDistances(x, x.gatherRows(chosen)).data.map(Double.init)   // [n]
        while chosen.count < k {
            let total = d2.reduce(0, +)
            var next = x.rows - 1
            if total > 0 {
                let u = rng.nextDouble() * total
                var acc = 0.0
                for (i, v) in d2.enumerated() { acc += v; if acc >= u && v > 0 { next = i; break } }
            } else {
                next = rng.nextInt(below: x.rows)        // ΣD² = 0: every row is a centre already; uniform, a repeat
            }
            chosen.append(next)
            let dn = try squaredDistances(x, x.gatherRows([next])).data
            for i in 0..<d2.count { d2[i] = min(d2[i], Double(dn[i])) }
        }
        return try x.gatherRows(chosen)
    }
}
