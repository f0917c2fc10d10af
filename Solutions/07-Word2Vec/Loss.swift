import Course
import Foundation
import RepLearn

// Exercise 7.3 — the SGNS loss.
extension ReferenceWord2Vec {
    /// σ(s) = 1/(1 + e^{−s}); −log σ(s) = log(1 + e^{−s}) computed stably.
    public func sgnsLoss(center v: [Float], context uo: [Float], negatives: [[Float]]) throws -> SGNSGradients {
        let d = v.count
        guard uo.count == d, negatives.allSatisfy({ $0.count == d }) else {
            throw ShapeError(op: "sgnsLoss", message: "center has \(d) entries, context \(uo.count), negatives \(negatives.map(\.count))")
        }
        func dot(_ a: [Float], _ b: [Float]) -> Double { zip(a, b).reduce(0) { $0 + Double($1.0) * Double($1.1) } }
        func sigmoid(_ s: Double) -> Double { 1 / (1 + exp(-s)) }
        func softplus(_ s: Double) -> Double { s > 0 ? s + log1p(exp(-s)) : log1p(exp(s)) }   // log(1 + e^s)
        let so = dot(uo, v)
        var loss = softplus(-so)                                   // −log σ(s_o)
        let go = Float(sigmoid(so) - 1)
        var gv = uo.map { go * $0 }
        let gContext = v.map { go * $0 }
        var gNeg: [[Float]] = []
        for uk in negatives {
            let sk = dot(uk, v)
            loss += softplus(sk)                                   // −log σ(−s_k)
            let gk = Float(sigmoid(sk))
            for j in 0..<d { gv[j] += gk * uk[j] }
            gNeg.append(v.map { gk * $0 })
        }
        return SGNSGradients(loss: loss, center: gv, context: gContext, negatives: gNeg)
    }
}
