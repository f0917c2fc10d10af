import Foundation
import RepLearn

/// A VQ autoencoder for MNIST: encoder MLP 784-256-(S·D) → S code vectors of size D, each
/// snapped to one of K codebook rows (through the chosen implementation's exercises) →
/// decoder MLP (S·D)-256-784. An image is stored as S integers: S·log₂K bits.
final class VQAutoencoder {
    let slots: Int, dim: Int, codes: Int
    let encoder: MLP, decoder: MLP
    var codebook: Tensor
    let impl: any VQExercises
    static let beta: Float = 0.25

    init(slots: Int, dim: Int, codes: Int, impl: any VQExercises, rng: inout SeededGenerator) {
        self.slots = slots; self.dim = dim; self.codes = codes; self.impl = impl
        encoder = MLP(sizes: [784, 256, slots * dim], rng: &rng)
        decoder = MLP(sizes: [slots * dim, 256, 784], rng: &rng)
        codebook = Tensor.zeros([codes, dim])
    }

    var bits: Int { slots * Int(log2(Double(codes)).rounded()) }

    /// x: [B, 784] → z_e: [B·S, D].
    func encode(_ x: Tensor) throws -> Tensor { try encoder.forward(x).reshaped([x.rows * slots, dim]) }

    /// code indices [B·S] → images [B, 784].
    func decode(indices: [Int]) throws -> Tensor {
        try decoder.forward(try codebook.gatherRows(indices).reshaped([indices.count / slots, slots * dim]))
    }

    func reconstruct(_ x: Tensor) throws -> Tensor { try decode(indices: try impl.quantize(try encode(x), codebook: codebook).indices) }

    /// Trains with Adam; returns perplexity and reconstruction MSE per epoch.
    func train(_ x: Tensor, epochs: Int, batch: Int, learningRate: Float, rng: inout SeededGenerator, label: String)
        throws -> (perplexity: [Double], mse: [Double], deadRestarts: Int) {
        // Start the codebook on encoder outputs, so every code begins near the data.
        let z0 = try encode(try x.gatherRows(Array(0..<min(512, x.rows))))
        codebook = try z0.gatherRows((0..<codes).map { _ in rng.nextInt(below: z0.rows) })
        var (encAdam, decAdam, cbAdam) = (Adam(learningRate: learningRate), Adam(learningRate: learningRate), Adam(learningRate: 5 * learningRate))
        var perplexities: [Double] = [], mses: [Double] = []
        var restarts = 0
        let steps = epochs * ((x.rows + batch - 1) / batch)
        let progress = ProgressLine("  \(label)", total: steps)
        var step = 0
        for epoch in 0..<epochs {
            var used: [Int] = []
            var mseSum = 0.0, batches = 0
            let order = rng.permutation(x.rows)
            var lastZ = Tensor.zeros([0, dim])
            for b in stride(from: 0, to: x.rows, by: batch) {
                let xb = try x.gatherRows(Array(order[b..<min(b + batch, x.rows)]))
                let z = try encode(xb)
                let q = try impl.quantize(z, codebook: codebook)
                let xhat = try decoder.forward(try q.vectors.reshaped([xb.rows, slots * dim]))
                let (mse, g) = try meanSquaredError(xhat, xb)
                guard mse.isFinite else { throw InputError("\(label): loss became \(mse) at step \(step) — check exercises 4.1–4.3") }
                let gq = try decoder.backward(g, inputGradient: true).reshaped([z.rows, dim])
                let vg = try impl.vqBackward(z, codebook: codebook, indices: q.indices, decoderInputGradient: gq, beta: Self.beta)
                try encoder.backward(vg.encoder.reshaped([xb.rows, slots * dim]))
                try encoder.step(&encAdam)
                try decoder.step(&decAdam)
                var cb = [codebook]
                try cbAdam.step(&cb, [vg.codebook])
                codebook = cb[0]
                used += q.indices
                mseSum += mse; batches += 1
                lastZ = z
                step += 1
                if step % 40 == 0 || step == steps { progress.update(step, loss: mse) }
            }
            let usage = try impl.codebookUsage(used, codebookSize: codes)
            perplexities.append(usage.perplexity)
            mses.append(mseSum / Double(batches))
            let dead = usage.counts.filter { $0 == 0 }.count
            // Restart dead codes while the codebook is still settling; late restarts only disturb the decoder.
            if dead > 0 && epoch < epochs / 2 {
                restarts += dead
                codebook = try impl.reinitializeDeadCodes(codebook, counts: usage.counts, encoderOutputs: lastZ, rng: &rng)
            }
        }
        return (perplexities, mses, restarts)
    }
}
