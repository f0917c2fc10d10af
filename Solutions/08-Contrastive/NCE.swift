import Course
import Foundation
import RepLearn

// Exercise 8.1 — noise-contrastive estimation of a 1-D Gaussian (Gutmann & Hyvärinen 2010).
extension ReferenceContrastive {
    public func nceLoss(data: Tensor, noise: Tensor, theta: Tensor, noiseMean: Float, noiseStd: Float, nu: Float) throws -> NCELoss {
        try theta.expectShape([3], "nceLoss", name: "theta")
        guard data.count > 0, noise.count > 0 else { throw InputError("nceLoss: data and noise must not be empty") }
        let (mu, s, c) = (Double(theta.data[0]), Double(theta.data[1]), Double(theta.data[2]))
        let (m, sn, v) = (Double(noiseMean), Double(noiseStd), Double(nu))
        let precision = exp(-2 * s)                                           // 1/σ²
        func logModel(_ u: Double) -> Double { -0.5 * (u - mu) * (u - mu) * precision + c }
        func logNoise(_ u: Double) -> Double { -0.5 * (u - m) * (u - m) / (sn * sn) - log(sn * (2 * Double.pi).squareRoot()) }
        func G(_ u: Double) -> Double { logModel(u) - log(v) - logNoise(u) }
        func logSigmoid(_ g: Double) -> Double { g >= 0 ? -log1p(exp(-g)) : g - log1p(exp(g)) }
        func sigmoid(_ g: Double) -> Double { 1 / (1 + exp(-g)) }

        var loss = 0.0, grad = [0.0, 0.0, 0.0]
        // Each sample adds w·∂G/∂θ, where w = ∂loss/∂G(u) and ∂G/∂θ = [(u − μ)/σ², (u − μ)²/σ², 1].
        func accumulate(_ u: Double, _ w: Double) {
            grad[0] += w * (u - mu) * precision
            grad[1] += w * (u - mu) * (u - mu) * precision
            grad[2] += w
        }
        let td = Double(data.count), tn = Double(noise.count)
        for x in data.data.map(Double.init) {                                // −(1/T_d) log σ(G)
            let g = G(x)
            loss -= logSigmoid(g) / td
            accumulate(x, -(1 - sigmoid(g)) / td)
        }
        for y in noise.data.map(Double.init) {                               // −(ν/T_n) log(1 − σ(G)) = −(ν/T_n) log σ(−G)
            let g = G(y)
            loss -= v * logSigmoid(-g) / tn
            accumulate(y, v * sigmoid(g) / tn)
        }
        return NCELoss(loss: loss, gradient: Tensor(vector: grad.map(Float.init)))
    }
}
