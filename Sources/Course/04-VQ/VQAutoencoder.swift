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
        var used: [Int] = [], mseSum = 0.0, batches = 0
        var lastZ = Tensor.zeros([0, dim])
        try Minibatches.train(rows: x.rows, batch: batch, epochs: epochs, label: label, rng: &rng, step: { idx, _ in
            let xb = try x.gatherRows(idx)
            let z = try encode(xb)
            let q = try impl.quantize(z, codebook: codebook)
            let (mse, g) = try meanSquaredError(try decoder.forward(try q.vectors.reshaped([xb.rows, slots * dim])), xb)
            guard mse.isFinite else { return mse }
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
            return mse
        }, endOfEpoch: { epoch, rng in
            let usage = try self.impl.codebookUsage(used, codebookSize: self.codes)
            perplexities.append(usage.perplexity)
            mses.append(mseSum / Double(max(batches, 1)))
            (used, mseSum, batches) = ([], 0, 0)
            let dead = usage.counts.filter { $0 == 0 }.count
            // Restart dead codes while the codebook is still settling; late restarts only disturb the decoder.
            if dead > 0 && epoch < epochs / 2 {
                restarts += dead
                self.codebook = try self.impl.reinitializeDeadCodes(self.codebook, counts: usage.counts, encoderOutputs: lastZ, rng: &rng)
            }
        })
        return (perplexities, mses, restarts)
    }
}
