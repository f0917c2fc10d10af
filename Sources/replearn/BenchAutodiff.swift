import Foundation
import Course
import RepLearn

/// Training steps of the second half's networks on the autodiff engine, each defined exactly so
/// that the same work can be run in PyTorch: one step = zero grads, forward, loss, backward,
/// optimiser step. `gflops` counts the multiply–adds of the matrix products and convolutions
/// (forward ×3: forward, ∂weights, ∂inputs; the first layer's ∂input is not needed and not counted).
extension Benchmarks {
    static let autodiff: [Workload] = [convStep, maeStep, simclrStep]

    static func stepFigures(_ flops: Double) -> (Double) -> [String: Double] {
        { t in ["ms_per_step": t * 1000, "gflops": flops / t / 1e9] }
    }

    /// Batch 32 of 1×32×32 inputs uniform in [−50, 50]: conv 3×3 1→32, ReLU; 3×3 stride 2 32→64,
    /// ReLU; 3×3 64→64, ReLU; 3×3 stride 2 64→128, ReLU; 3×3 dilation 2 (padding 2) 128→128, ReLU;
    /// 1×1 128→313 (padding 1 elsewhere). Loss: mean over the 8×8 positions of −Σ_q t_q log softmax_q
    /// against random soft targets that sum to 1. Adam lr 1e-3.
    static let convStep = Workload(name: "conv-step") {
        var rng = SeededGenerator(seed: 0)
        let net = ColorizationNet(outputs: 313, rng: &rng)              // lecture 5's net: exactly this shape
        let sizes = [32, 16, 16, 8, 8, 8]                                  // each layer's output side
        let x = Variable(Tensor.randomUniform([32, 1, 32, 32], -50, 50, using: &rng))
        var t = Tensor.randomUniform([32, 313, 8, 8], 0, 1, using: &rng)
        t = try (Variable(t) / Variable(t).sum(axes: [1], keepDims: true)).value
        let targets = t
        let opt = AdamOptimizer([ParameterGroup(net.parameters)], learningRate: 1e-3)
        let macs = zip(net.layers, sizes).enumerated().reduce(0.0) { s, e in
            let w = e.element.0.weight.shape, size = e.element.1
            return s + Double(32 * size * size) * Double(w.reduce(1, *)) * (e.offset == 0 ? 2 : 3)
        }
        return ({
            opt.zeroGrad()
            let loss = try net.forward(x).output.crossEntropy(targets: targets, axis: 1)
            try loss.backward()
            try opt.step()
        }, stepFigures(2 * macs))
    }

    /// MAE on 128 images 28×28 uniform in [0, 1]: 4×4 patches (49), keep 12 by argsort of uniform
    /// noise; encoder: Linear 16→128 + 2-D sin-cos positions, 3 pre-norm blocks (dim 128, 4 heads,
    /// MLP 512, GELU) on the visible tokens, LayerNorm; decoder: Linear 128→64, a learned mask
    /// token at the 37 masked positions, unshuffle, sin-cos positions (64), 1 block (64, 4 heads,
    /// MLP 256), LayerNorm, Linear 64→16. Loss: MSE on masked patches against per-patch normalised
    /// pixels (unbiased variance, eps 1e-6). AdamW lr 7.5e-5, betas (0.9, 0.95), weight decay 0.05.
    static let maeStep = Workload(name: "mae-step") {
        var rng = SeededGenerator(seed: 0)
        let (n, keep) = (128, 12)
        let model = MaskedAutoencoder(dim: 128, depth: 3, heads: 4, decoderDim: 64, decoderDepth: 1, rng: &rng)   // lecture 6's model
        let images = Tensor.randomUniform([n, 1, 28, 28], 0, 1, using: &rng)
        let opt = AdamOptimizer.adamW([ParameterGroup(model.parameters)], learningRate: 7.5e-5, betas: (0.9, 0.95), weightDecay: 0.05)
        let blockMacs = { (t: Int, d: Int, m: Int) in Double(n * t) * Double(4 * d * d + 2 * d * m) + Double(n * 2 * t * t * d) }
        let macs = Double(n * 49 * 16 * 128) + 3 * blockMacs(keep, 128, 512) + Double(n * keep * 128 * 64)
            + blockMacs(49, 64, 256) + Double(n * 49 * 64 * 16)
        return ({
            opt.zeroGrad()
            let loss = try model.loss(images, ratio: 0.75, rng: &rng).loss              // keeps ⌊49·0.25⌋ = 12
            try loss.backward()
            try opt.step()
        }, stepFigures(2 * 3 * macs))
    }

    /// SimCLR: 256 inputs of 784 values uniform in [0, 1] → two views each (add N(0, 1) noise, then
    /// zero each value with probability 6554/2¹⁶ ≈ 0.1), encoder Linear 784→512, ReLU, Linear 512→128, L2-normalise; the
    /// 512×512 cosine similarities / τ (τ = 0.5) with the diagonal removed; cross-entropy towards
    /// each row's partner view. Adam lr 1e-3.
    static let simclrStep = Workload(name: "simclr-step") {
        var rng = SeededGenerator(seed: 0)
        let (n, d) = (256, 784)
        let l1 = Linear(d, 512, rng: &rng), l2 = Linear(512, 128, rng: &rng)
        let x = Tensor.randomUniform([n, d], 0, 1, using: &rng)
        var diagonal = Tensor.zeros([2 * n, 2 * n])
        for i in 0..<(2 * n) { diagonal.data[i * 2 * n + i] = -1e9 }
        let hide = Variable(diagonal)
        let partner = (0..<(2 * n)).map { ($0 + n) % (2 * n) }
        let opt = AdamOptimizer([ParameterGroup(l1.parameters + l2.parameters)], learningRate: 1e-3)
        let macs = Double(2 * n) * Double(d * 512 + 512 * 128) * 3 + Double(2 * n * 2 * n * 128) * 3
        return ({
            opt.zeroGrad()
            var views = Tensor.zeros([2 * n, d])
            let total = 2 * n * d
            var local = rng                                                // (a local copy: no run-time exclusivity checks per draw)
            defer { rng = local }
            let words = (0..<((total + 3) / 4)).map { _ in local.next() }   // 16 random bits per value
            views.data.withUnsafeMutableBufferPointer { out in
                local.fillNormal(out)                                      // the noise, then x + noise
                x.data.withUnsafeBufferPointer { xs in words.withUnsafeBufferPointer { w in
                    // view v of row i: x[i] + noise, each value zeroed with probability 6554/2¹⁶ ≈ 0.1
                    Parallel.chunks(w.count, minimumPerPart: 4096) { _, range in
                        for wi in range {                                   // n·d is a multiple of 4: a word's values are in one view
                            var bits = w[wi]
                            let (i0, j0) = (4 * wi, (4 * wi) % (n * d))
                            for k in 0..<min(4, total - i0) {
                                out[i0 + k] = UInt16(truncatingIfNeeded: bits) < 6554 ? 0 : out[i0 + k] + xs[j0 + k]
                                bits >>= 16
                            }
                        }
                    }
                } }
            }
            let z = try l2(l1(Variable(views)).relu()).l2Normalized()
            let sim = try Variable.matmul(z, z, transposeB: true) * (1 / Float(0.5)) + hide
            let loss = try sim.crossEntropy(labels: partner)
            try loss.backward()
            try opt.step()
        }, stepFigures(2 * macs))
    }
}
