import Course
import RepLearn

// Exercise 1.5 — backpropagation through a stack.          Lecture: Lectures/01-layers.md, "Backpropagation"
extension StudentLayers {
    /// x: [n, d₀] → [a₀ = x, a₁, …, a_L] with a_ℓ = layers[ℓ-1](a_{ℓ-1}). Use your layer functions.
    public func forwardStack(_ x: Tensor, layers: [LayerSpec]) throws -> [Tensor] {
        throw NotImplemented("1.5")
    }

    /// activations from forwardStack, ∂L/∂a_L → ∂L/∂a₀, and for every linear layer (keyed by its
    /// index in `layers`) its ∂L/∂W and ∂L/∂b. Reuse the stored activations; do not recompute them.
    public func backwardStack(activations: [Tensor], layers: [LayerSpec], outputGradient: Tensor) throws -> StackGradients {
        throw NotImplemented("1.5")
    }
}
