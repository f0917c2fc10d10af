import Course
import Foundation
import RepLearn

// Exercise 5.6 — decoding a distribution over the bins into one ab value: the annealed mean.
extension ReferenceColorization {
    /// f_T(z) = Σ_q softmax(log z / T)_q c_q: lecture 1's softmax(−βx) with x = −log z and β = 1/T.
    public func annealedMean(_ probabilities: Tensor, centres: Tensor, temperature t: Float) throws -> Tensor {
        try centres.expectShape([-1, 2], "annealedMean", name: "centres")
        let q = centres.rows
        try probabilities.expectShape([-1, q], "annealedMean", name: "probabilities")
        let p = probabilities.rows
        var out = Tensor.zeros([p, 2])
        var s = [Float](repeating: 0, count: q)
        for i in 0..<p {
            var mx = -Float.infinity
            for j in 0..<q { s[j] = Foundation.log(probabilities.data[i * q + j]) / t; mx = max(mx, s[j]) }   // log 0 = −∞: weight 0
            var total: Float = 0, a: Float = 0, b: Float = 0
            for j in 0..<q {
                let e = Foundation.exp(s[j] - mx)
                total += e; a += e * centres.data[2 * j]; b += e * centres.data[2 * j + 1]
            }
            out.data[2 * i] = a / total; out.data[2 * i + 1] = b / total
        }
        return out
    }
}
