import Course
import Foundation
import RepLearn

// Exercise 5.5 — weighted multinomial cross-entropy over positions, and its gradient.
extension ReferenceColorization {
    /// L = −(1/P) Σ_p w_{q*(p)} Σ_q Z_pq log ŝ_pq with ŝ_p = softmax(logits_p);
    /// ∂L/∂logits_pq = (w_{q*(p)}/P) (ŝ_pq Σ_r Z_pr − Z_pq)   (= (w/P)(ŝ − Z) when Z_p sums to 1).
    public func weightedCrossEntropy(logits: Tensor, targets: Tensor, binWeights: Tensor) throws -> LossAndGradient {
        try logits.expectShape([-1, -1], "weightedCrossEntropy", name: "logits")
        try targets.expectShape(logits.shape, "weightedCrossEntropy", name: "targets")
        let (p, q) = (logits.rows, logits.cols)
        try binWeights.expectShape([q], "weightedCrossEntropy", name: "binWeights")
        var grad = Tensor.zeros(logits.shape)
        var loss = 0.0
        for i in 0..<p {
            let row = i * q
            var top = 0, mx = -Float.infinity
            for j in 0..<q {
                if targets.data[row + j] > targets.data[row + top] { top = j }      // q*(p), ties: lowest
                mx = max(mx, logits.data[row + j])
            }
            var s: Float = 0
            for j in 0..<q { s += Foundation.exp(logits.data[row + j] - mx) }
            let logZ = mx + Foundation.log(s)
            let w = binWeights.data[top]
            var ce: Float = 0, zsum: Float = 0
            for j in 0..<q { ce -= targets.data[row + j] * (logits.data[row + j] - logZ); zsum += targets.data[row + j] }
            loss += Double(w * ce)
            let f = w / Float(p)
            for j in 0..<q { grad.data[row + j] = f * (Foundation.exp(logits.data[row + j] - logZ) * zsum - targets.data[row + j]) }
        }
        return LossAndGradient(loss: loss / Double(max(p, 1)), gradient: grad)
    }
}
