import Foundation

/// A multilayer perceptron for the experiments: Dense → ReLU → … → Dense (linear output).
/// Forward caches what backward needs; backward fills `gradients` in the order of
/// `parameters` ([W₁, b₁, W₂, b₂, …], W: [out, in], b: [out]).
public final class MLP {
    public private(set) var parameters: [Tensor]
    public private(set) var gradients: [Tensor]
    public let sizes: [Int]
    /// Dense layers (by index) with no ReLU after them; the last layer never has one.
    public let linearLayers: Set<Int>
    private var inputs: [Tensor] = []     // input of each Dense layer
    private var preacts: [Tensor] = []    // output of each Dense layer before the ReLU

    /// sizes [d₀, d₁, …, d_L]; He initialisation N(0, 2/d_in), zero biases. `linearLayers`
    /// lists Dense layers without a ReLU, e.g. [1] for an autoencoder's linear bottleneck.
    public init(sizes: [Int], linearLayers: Set<Int> = [], rng: inout SeededGenerator) {
        precondition(sizes.count >= 2 && sizes.allSatisfy { $0 > 0 }, "MLP needs ≥ 2 positive sizes, got \(sizes)")
        self.sizes = sizes
        self.linearLayers = linearLayers
        var p: [Tensor] = []
        for (d, h) in zip(sizes, sizes.dropFirst()) {
            p.append(Tensor.randomNormal([h, d], std: (2 / Float(d)).squareRoot(), using: &rng))
            p.append(Tensor.zeros([h]))
        }
        parameters = p
        gradients = p.map { Tensor.zeros($0.shape) }
    }

    public var layerCount: Int { sizes.count - 1 }

    /// x: [n, d₀] → [n, d_L]. `upTo` stops after that many Dense layers (their ReLU applied
    /// unless it is the last layer), e.g. to read an autoencoder's code.
    public func forward(_ x: Tensor, upTo: Int? = nil) throws -> Tensor {
        let stop = upTo ?? layerCount
        inputs = []; preacts = []
        var a = x
        for l in 0..<stop {
            inputs.append(a)
            let z = try Tensor.matmul(a, parameters[2 * l], transposeB: true).addingRowVector(parameters[2 * l + 1])
            preacts.append(z)
            a = hasReLU(l) ? z.map { max($0, 0) } : z
        }
        return a
    }

    /// ∂L/∂output → ∂L/∂input; accumulates nothing (overwrites `gradients`). Call after forward.
    /// The input gradient costs one more matrix product: ask for it with `inputGradient`.
    @discardableResult
    public func backward(_ outputGradient: Tensor, inputGradient: Bool = false) throws -> Tensor {
        var g = outputGradient
        for l in stride(from: inputs.count - 1, through: 0, by: -1) {
            if hasReLU(l) {                                   // through the ReLU
                let z = preacts[l]
                g.data.withUnsafeMutableBufferPointer { gp in
                    z.data.withUnsafeBufferPointer { zp in
                        for i in 0..<gp.count where zp[i] <= 0 { gp[i] = 0 }
                    }
                }
            }
            gradients[2 * l] = try Tensor.matmul(g, inputs[l], transposeA: true)
            gradients[2 * l + 1] = try g.columnSums()
            if l > 0 || inputGradient { g = try Tensor.matmul(g, parameters[2 * l]) }
        }
        return g
    }

    func hasReLU(_ l: Int) -> Bool { l + 1 < layerCount && !linearLayers.contains(l) }

    /// Applies an optimiser step to the parameters.
    public func step(_ adam: inout Adam) throws { try adam.step(&parameters, gradients) }
}

/// Mean squared error over a batch: L = (1/n) Σᵢ ‖x̂ᵢ − xᵢ‖², and ∂L/∂x̂ = (2/n)(x̂ − x).
public func meanSquaredError(_ prediction: Tensor, _ target: Tensor) throws -> (loss: Double, gradient: Tensor) {
    guard prediction.shape == target.shape else {
        throw ShapeError(op: "meanSquaredError", message: "prediction \(prediction.shape) vs target \(target.shape)")
    }
    let n = Float(max(prediction.rows, 1))
    var grad = prediction
    var loss = 0.0
    grad.data.withUnsafeMutableBufferPointer { g in
        target.data.withUnsafeBufferPointer { t in
            for i in 0..<g.count {
                let r = g[i] - t[i]
                loss += Double(r * r)
                g[i] = 2 * r / n
            }
        }
    }
    return (loss / Double(n), grad)
}
