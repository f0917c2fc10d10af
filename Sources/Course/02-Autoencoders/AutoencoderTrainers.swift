import Foundation
import RepLearn

/// Training loops for lecture 2's experiment. The linear autoencoder runs through the chosen
/// implementation's loss and gradients (exercise 2.4); the MLP autoencoder uses the library's MLP.
enum AutoencoderTrainers {
    /// Linear AE x̂ = DEx on centred data, minibatch Adam. Returns (E [k, d], D [d, k], seconds).
    static func linear(_ xc: Tensor, k: Int, epochs: Int, batch: Int, learningRate: Float,
                       impl: any AutoencoderExercises, rng: inout SeededGenerator, label: String) throws -> (Tensor, Tensor, Double) {
        let d = xc.cols
        var params = [Tensor.randomNormal([k, d], std: 0.01, using: &rng), Tensor.randomNormal([d, k], std: 0.01, using: &rng)]
        var adam = Adam(learningRate: learningRate)
        let start = Date()
        try Minibatches.train(rows: xc.rows, batch: batch, epochs: epochs, label: label, rng: &rng) { idx, _ in
            let g = try impl.linearAutoencoderLoss(try xc.gatherRows(idx), encoder: params[0], decoder: params[1])
            if g.loss.isFinite { try adam.step(&params, [g.encoder, g.decoder]) }
            return g.loss
        }
        return (params[0], params[1], Date().timeIntervalSince(start))
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
