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
        var nearest = [Int](repeating: 0, count: k), best = [Float](repeating: 0, count: k)   // the k smallest d², ascending
        ab.data.withUnsafeBufferPointer { xs in centres.data.withUnsafeBufferPointer { c in z.data.withUnsafeMutableBufferPointer { out in
            for i in 0..<p {
                let (a, b) = (xs[2 * i], xs[2 * i + 1])
                var found = 0
                for j in 0..<q {
                    let (da, db) = (c[2 * j] - a, c[2 * j + 1] - b)
                    let d2 = da * da + db * db
                    if found == k && d2 >= best[k - 1] { continue }            // not among the k nearest (a tie keeps the earlier bin)
                    var at = min(found, k - 1)
                    while at > 0 && best[at - 1] > d2 { best[at] = best[at - 1]; nearest[at] = nearest[at - 1]; at -= 1 }
                    best[at] = d2; nearest[at] = j
                    found = min(found + 1, k)
                }
                // exp(−(d² − d²_min)/2σ²): the same weights after normalising, and no 0/0 far from every centre
                var s: Float = 0
                let nearestD2 = best[0]
                for m in 0..<k { best[m] = Foundation.exp(-(best[m] - nearestD2) / (2 * sigma * sigma)); s += best[m] }
                for m in 0..<k { out[i * q + nearest[m]] = best[m] / s }
            }
        } } }
        return z
    }
}
