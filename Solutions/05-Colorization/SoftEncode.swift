import Course
import Foundation
import RepLearn

// Exercise 5.3 — soft encoding: a Gaussian over the k nearest bin centres, normalised.
extension ReferenceColorization {
    public func softEncode(_ ab: Tensor, centres: Tensor, neighbours k: Int, sigma: Float) throws -> Tensor {
        try ab.expectShape([-1, 2], "softEncode", name: "ab")
        try centres.expectShape([-1, 2], "softEncode", name: "centres")
        let (p, q) = (ab.rows, centres.rows)
        guard k >= 1 && k <= q else { throw InputError("softEncode: k = \(k) neighbours of \(q) centres") }
        var z = Tensor.zeros([p, q])
        var d2 = [Float](repeating: 0, count: q)
        var nearest = [Int](), best = [Float]()              // the k smallest d², ascending (ties: lower bin first)
        for i in 0..<p {
            let (a, b) = (ab.data[2 * i], ab.data[2 * i + 1])
            for j in 0..<q { let (da, db) = (centres.data[2 * j] - a, centres.data[2 * j + 1] - b); d2[j] = da * da + db * db }
            nearest.removeAll(keepingCapacity: true); best.removeAll(keepingCapacity: true)
            for j in 0..<q where nearest.count < k || d2[j] < best[best.count - 1] {
                var at = best.count
                while at > 0 && best[at - 1] > d2[j] { at -= 1 }     // strictly greater: an equal earlier bin stays ahead
                nearest.insert(j, at: at); best.insert(d2[j], at: at)
                if nearest.count > k { nearest.removeLast(); best.removeLast() }
            }
            // exp(−(d² − d²_min)/2σ²): the same weights after normalising, and no 0/0 far from every centre
            let w = best.map { Foundation.exp(-($0 - best[0]) / (2 * sigma * sigma)) }
            let s = w.reduce(0, +)
            for (j, wj) in zip(nearest, w) { z.data[i * q + j] = wj / s }
        }
        return z
    }
}
