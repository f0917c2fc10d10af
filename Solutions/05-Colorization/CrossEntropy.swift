import Course
import Foundation
import RepLearn

// Exercise 5.5 — weighted multinomial cross-entropy over positions, and its gradient.
extension ReferenceColorization {
    /// L = −(1/P) Σ_p w_{q*(p)} Σ_q Z_pq log ŝ_pq with ŝ_p = softmax(logits_p), q*(p) = argmax_q Z_pq;
    /// ∂L/∂logits_pq = (w_{q*(p)}/P) (ŝ_pq Σ_r Z_pr − Z_pq)   (= (w/P)(ŝ − Z) when Z_p sums to 1).
    public func weightedCrossEntropy(logits: Tensor, targets: Tensor, binWeights: Tensor) throws -> LossAndGradient {
        try logits.expectShape([-1, -1], "weightedCrossEntropy", name: "logits")
        try targets.expectShape(logits.shape, "weightedCrossEntropy", name: "targets")
        let (p, q) = (logits.rows, logits.cols)
        try binWeights.expectShape([q], "weightedCrossEntropy", name: "binWeights")
        // ŝ, max-subtracted (the library's softmax). log ŝ_pq = (x_pq − max_p) − log S_p with
        // S_p = Σ_r exp(x_pr − max_p) = 1 / ŝ at the row's largest logit — computed this way, log ŝ
        // stays finite where ŝ itself underflows to 0.
        var grad = logits.softmax(axis: 1, log: false)
        var loss = 0.0
        logits.data.withUnsafeBufferPointer { xs in targets.data.withUnsafeBufferPointer { zs in
            grad.data.withUnsafeMutableBufferPointer { gs in
                for i in 0..<p {
                    let (x, z, g) = (xs.baseAddress! + i * q, zs.baseAddress! + i * q, gs.baseAddress! + i * q)
                    var top = 0, largest = 0
                    for j in 0..<q {
                        if z[j] > z[top] { top = j }                 // q*(p), ties: the lowest
                        if x[j] > x[largest] { largest = j }
                    }
                    let (mx, logS) = (x[largest], -Foundation.log(g[largest]))
                    var ce: Float = 0, zsum: Float = 0
                    for j in 0..<q where z[j] != 0 { ce -= z[j] * (x[j] - mx - logS); zsum += z[j] }
                    let w = binWeights.data[top]
                    loss += Double(w * ce)
                    let f = w / Float(p)
                    for j in 0..<q { g[j] = f * (g[j] * zsum - z[j]) }       // (w/P)(ŝ Σ Z − Z)
                }
            }
        } }
        return LossAndGradient(loss: loss / Double(max(p, 1)), gradient: grad)
    }
}
