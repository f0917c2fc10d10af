import Foundation
import RepLearn

/// Training loops for lecture 2's experiment. The linear autoencoder runs through the chosen
/// implementation's loss and gradients (exercise 2.4); the MLP autoencoder uses the library's MLP.
enum AutoencoderTrainers {
    /// Linear AE x̂ = DEx on centred data: minibatch Adam with the learning rate decaying on a
    /// cosine from `learningRate` to `learningRate`/100 (the decay removes the minibatch noise
    /// floor). `trace(step, E, D)` is called before the first step, every `traceEvery` steps and
    /// after the last. Returns (E [k, d], D [d, k], seconds).
    static func linear(_ xc: Tensor, k: Int, epochs: Int, batch: Int, learningRate: Float,
                       impl: any AutoencoderExercises, rng: inout SeededGenerator, label: String,
                       traceEvery: Int = 20, trace: ((Int, Tensor, Tensor) throws -> Void)? = nil) throws -> (Tensor, Tensor, Double) {
        let d = xc.cols
        var params = [Tensor.randomNormal([k, d], std: 0.01, using: &rng), Tensor.randomNormal([d, k], std: 0.01, using: &rng)]
        var adam = Adam(learningRate: learningRate)
        let total = epochs * ((xc.rows + batch - 1) / batch)
        var step = 0
        let start = Date()
        try trace?(0, params[0], params[1])
        try Minibatches.train(rows: xc.rows, batch: batch, epochs: epochs, label: label, rng: &rng) { idx, _ in
            let cosine = 0.5 * (1 + cos(Double.pi * Double(step) / Double(total)))
            adam.learningRate = learningRate * Float(0.01 + 0.99 * cosine)
            let g = try impl.linearAutoencoderLoss(try xc.gatherRows(idx), encoder: params[0], decoder: params[1])
            if g.loss.isFinite { try adam.step(&params, [g.encoder, g.decoder]) }
            step += 1
            if step % traceEvery == 0 || step == total { try trace?(step, params[0], params[1]) }
            return g.loss
        }
        return (params[0], params[1], Date().timeIntervalSince(start))
    }

    /// A data matrix with the covariance's square root as rows, S = √d·C^{1/2}: [d, d]. Since
    /// Sᵀ S / d = C, the linear AE loss (1/d) Σ ‖sᵢ − DEsᵢ‖² = tr((DE − I) C (DE − I)ᵀ) and its
    /// gradients are *exactly* those of the whole centred data set, at d rows instead of n.
    static func covarianceRows(_ eig: SymmetricEigen) throws -> Tensor {
        let d = eig.values.count
        let u = eig.vectors                                                  // rows: eigenvectors
        let scaled = try u.scalingRows(by: eig.values.map { (Float(d) * max($0, 0)).squareRoot() })
        return try Tensor.matmul(u, scaled, transposeA: true)                // Uᵀ diag(√(dλ)) U
    }

    /// Full-batch finish: heavy-ball gradient descent, v ← μv − η∇L, θ ← θ + v, on the exact
    /// full-data gradient (through `covarianceRows`). Momentum speeds up the slow direction,
    /// whose rate is set by the absolute eigenvalue gap λ_M − λ_{M+1}.
    static func linearFinish(_ rows: Tensor, encoder: Tensor, decoder: Tensor, steps: Int, learningRate: Float, momentum: Float,
                             impl: any AutoencoderExercises, traceEvery: Int = 20,
                             trace: ((Int, Tensor, Tensor) throws -> Void)? = nil) throws -> (Tensor, Tensor, Double) {
        var (e, d) = (encoder, decoder)
        var (ve, vd) = (Tensor.zeros(e.shape), Tensor.zeros(d.shape))
        let start = Date()
        for step in 1...max(steps, 1) {
            let g = try impl.linearAutoencoderLoss(rows, encoder: e, decoder: d)
            guard g.loss.isFinite else { throw InputError("linear AE full-batch finish: the loss became \(g.loss) at step \(step)") }
            ve = ve * momentum; try ve.addScaled(g.encoder, -learningRate)
            vd = vd * momentum; try vd.addScaled(g.decoder, -learningRate)
            try e.addScaled(ve, 1); try d.addScaled(vd, 1)
            if step % traceEvery == 0 || step == steps { try trace?(step, e, d) }
        }
        return (e, d, Date().timeIntervalSince(start))
    }

    /// MLP autoencoder sizes[0] → … → sizes[0] trained to map `inputs` to `targets` (the same
    /// tensor for a plain AE; noisy inputs and clean targets for a denoising one).
    static func mlp(inputs: Tensor, targets: Tensor, sizes: [Int], epochs: Int, batch: Int, learningRate: Float,
                    rng: inout SeededGenerator, label: String,
                    corrupt: ((Tensor, inout SeededGenerator) throws -> Tensor)? = nil) throws -> (MLP, Double) {
        let net = MLP(sizes: sizes, linearLayers: [sizes.count / 2 - 1], rng: &rng)   // linear bottleneck
        var adam = Adam(learningRate: learningRate)
        let start = Date()
        try Minibatches.train(rows: inputs.rows, batch: batch, epochs: epochs, label: label, rng: &rng) { idx, rng in
            var xb = try inputs.gatherRows(idx)
            if let corrupt { xb = try corrupt(xb, &rng) }
            let (loss, grad) = try meanSquaredError(try net.forward(xb), try targets.gatherRows(idx))
            if loss.isFinite {
                try net.backward(grad)
                try net.step(&adam)
            }
            return loss
        }
        return (net, Date().timeIntervalSince(start))
    }

    /// Mean over rows of the squared reconstruction error.
    static func mse(_ a: Tensor, _ b: Tensor) throws -> Double { try meanSquaredError(a, b).loss }
}
