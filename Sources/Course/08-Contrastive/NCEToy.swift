import Foundation
import RepLearn

/// Lecture 8's NCE toy: fit θ = [μ, s, c] of a 1-D Gaussian model with an unnormalised log
/// density by gradient descent on the NCE loss (8.1), noise N(0.5, 1.5²), and watch c approach
/// −log Z. Data: N(1.3, 0.7²), so −log Z_true = −log(√(2π)·0.7) ≈ −0.562.
struct NCEToy {
    static let (dataMean, dataStd) = (1.3, 0.7)
    static let (noiseMean, noiseStd): (Float, Float) = (0.5, 1.5)
    static var trueLogZ: Double { log((2 * Double.pi).squareRoot() * dataStd) }

    struct Fit {
        let nu: Int
        let theta: [Double]
        /// c and −log Z(s) after each step.
        let c: [Double], minusLogZ: [Double]
        var error: Double { abs(theta[2] + NCEToy.trueLogZ) }
    }

    /// `samples` data points, ν·samples noise points, `steps` of gradient descent at rate 0.5 from θ = 0.
    static func fit(_ impl: any ContrastiveExercises, nu: Int, samples: Int, steps: Int, seed: UInt64) throws -> Fit {
        var rng = SeededGenerator(seed: seed)
        let data = Tensor.randomNormal([samples], std: Float(dataStd), using: &rng) + Float(dataMean)
        let noise = Tensor.randomNormal([samples * nu], std: noiseStd, using: &rng) + noiseMean
        var theta = [0.0, 0.0, 0.0]
        var cs: [Double] = [], zs: [Double] = []
        for step in 0..<steps {
            let r = try impl.nceLoss(data: data, noise: noise, theta: Tensor(vector: theta.map(Float.init)),
                                     noiseMean: noiseMean, noiseStd: noiseStd, nu: Float(nu))
            guard r.gradient.shape == [3], r.loss.isFinite else {
                throw InputError("NCE toy (ν = \(nu)): nceLoss gave loss \(r.loss), gradient \(r.gradient.shape) at step \(step + 1)")
            }
            for j in 0..<3 { theta[j] -= 0.5 * Double(r.gradient.data[j]) }
            cs.append(theta[2]); zs.append(-log((2 * Double.pi).squareRoot() * exp(theta[1])))
        }
        return Fit(nu: nu, theta: theta, c: cs, minusLogZ: zs)
    }
}
