import Foundation
import RepLearn

/// A small classifier trained through an implementation's `forwardStack` / `backwardStack`:
/// linear → ReLU → linear → ReLU → linear → softmax(β), cross-entropy, Adam, full batch.
///
/// With the lecture's softmax sign, p = softmax(−β z): the network learns *low* scores z for
/// the right class. Loss L = −(1/n) Σᵢ log p_{i, yᵢ}, so ∂L/∂p_{ij} = −1[j = yᵢ] / (n p_{ij}).
struct MLPTrainer {
    var layers: [LayerSpec]
    let impl: any LayersExercises

    init(sizes: [Int], beta: Float, impl: any LayersExercises, rng: inout SeededGenerator) {
        var layers: [LayerSpec] = []
        for (k, (d, h)) in zip(sizes, sizes.dropFirst()).enumerated() {
            // He initialisation, std √(2/d), for ReLU layers.
            layers.append(.linear(weight: Tensor.randomNormal([h, d], std: (2 / Float(d)).squareRoot(), using: &rng),
                                  bias: Tensor.zeros([h])))
            layers.append(k + 2 < sizes.count ? .relu : .softmax(beta: beta))
        }
        self.layers = layers
        self.impl = impl
    }

    /// Cross-entropy of the last activation (probabilities) and its gradient.
    static func crossEntropy(_ p: Tensor, _ labels: [Int]) -> (loss: Double, grad: Tensor) {
        let n = labels.count
        var grad = Tensor.zeros(p.shape)
        var loss = 0.0
        for (i, y) in labels.enumerated() {
            let q = max(p[i, y], 1e-12)
            loss -= log(Double(q))
            grad[i, y] = -1 / (Float(n) * q)
        }
        return (loss / Double(n), grad)
    }

    /// Full-batch Adam; returns the loss per step. Throws if the loss stops being finite.
    mutating func train(_ x: Tensor, _ labels: [Int], steps: Int, learningRate: Float, progress: ProgressLine?) throws -> [Double] {
        var adam = Adam(learningRate: learningRate)
        var curve: [Double] = []
        for step in 1...steps {
            let acts = try impl.forwardStack(x, layers: layers)
            let (loss, g) = Self.crossEntropy(acts[acts.count - 1], labels)
            guard loss.isFinite else {
                throw InputError("training diverged at step \(step): loss is \(loss) — check the forward/backward passes (exercises 1.1–1.5)")
            }
            curve.append(loss)
            let grads = try impl.backwardStack(activations: acts, layers: layers, outputGradient: g)
            var params: [Tensor] = [], gradList: [Tensor] = []
            for (l, layer) in layers.enumerated() {
                if case .linear(let w, let b) = layer, let gl = grads.linear[l] {
                    params += [w, b]; gradList += [gl.weight, gl.bias]
                }
            }
            try adam.step(&params, gradList)
            var k = 0
            for l in layers.indices { if case .linear = layers[l] { layers[l] = .linear(weight: params[k], bias: params[k + 1]); k += 2 } }
            if step % 25 == 0 || step == steps { progress?.update(step, loss: loss) }
        }
        return curve
    }
}
