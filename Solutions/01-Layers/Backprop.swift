import Course
import RepLearn

// Exercise 1.5 — a stack of layers: forward stores activations, backward reuses them.
extension ReferenceLayers {
    public func forwardStack(_ x: Tensor, layers: [LayerSpec]) throws -> [Tensor] {
        try Backprop.forward(x, layers: layers, using: self)
    }

    public func backwardStack(activations: [Tensor], layers: [LayerSpec], outputGradient: Tensor) throws -> StackGradients {
        try Backprop.backward(activations: activations, layers: layers, outputGradient: outputGradient, using: self)
    }
}

/// Forward and backward through a stack, written once over *any* implementation's layers,
/// so the same algorithm drives whichever layer functions it is given.
public enum Backprop {
    /// x: [n, d₀] → [a₀ = x, a₁, …, a_L].
    public static func forward(_ x: Tensor, layers: [LayerSpec], using impl: any LayersExercises) throws -> [Tensor] {
        var activations = [x]
        for layer in layers {
            let a = activations[activations.count - 1]
            switch layer {
            case .linear(let w, let b): activations.append(try impl.linearForward(a, weight: w, bias: b))
            case .relu: activations.append(try impl.reluForward(a))
            case .l2Norm: activations.append(try impl.l2NormalizeForward(a))
            case .softmax(let beta): activations.append(try impl.softmaxForward(a, beta: beta))
            }
        }
        return activations
    }

    /// Chain rule from the last layer to the first: g_{ℓ-1} = J_ℓ(a_{ℓ-1})ᵀ g_ℓ, reusing the
    /// stored a_{ℓ-1} (the layer's input) and a_ℓ (its output) instead of recomputing them.
    public static func backward(activations: [Tensor], layers: [LayerSpec], outputGradient: Tensor,
                                using impl: any LayersExercises) throws -> StackGradients {
        guard activations.count == layers.count + 1 else {
            throw ShapeError(op: "backwardStack",
                             message: "\(layers.count) layers need \(layers.count + 1) activations, got \(activations.count)")
        }
        var g = outputGradient
        var linear: [Int: LinearGradients] = [:]
        for l in stride(from: layers.count - 1, through: 0, by: -1) {
            let (input, output) = (activations[l], activations[l + 1])
            switch layers[l] {
            case .linear(let w, _):
                let grads = try impl.linearBackward(input, weight: w, outputGradient: g)
                linear[l] = grads
                g = grads.input
            case .relu: g = try impl.reluBackward(input, outputGradient: g)
            case .l2Norm: g = try impl.l2NormalizeBackward(input, output: output, outputGradient: g)
            case .softmax(let beta): g = try impl.softmaxBackward(input, output: output, beta: beta, outputGradient: g)
            }
        }
        return StackGradients(input: g, linear: linear)
    }
}
