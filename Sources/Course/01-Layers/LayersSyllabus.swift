/// Lecture 1's exercises, in the order the notes introduce them.
let layersModule = ModuleInfo(
    number: 1, slug: "layers", title: "Layers as transformations",
    lecture: "Lectures/01-layers.md",
    exercises: [
        ExerciseInfo(id: "1.1", title: "Linear layer: forward and backward",
                     file: "Exercises/01-Layers/Linear.swift", section: "The linear layer",
                     hint: "y = x·Wᵀ + b: use Tensor.matmul(x, w, transposeB: true) and addingRowVector. "
                         + "Backward: ∂L/∂x = ∂L/∂y·W, ∂L/∂W = (∂L/∂y)ᵀ·x, ∂L/∂b sums ∂L/∂y over the batch (not a mean)."),
        ExerciseInfo(id: "1.2", title: "ReLU: forward and backward",
                     file: "Exercises/01-Layers/ReLU.swift", section: "ReLU",
                     hint: "The gradient flows through where the *input* was positive and is blocked where it was ≤ 0."),
        ExerciseInfo(id: "1.3", title: "L2 normalisation: forward and backward",
                     file: "Exercises/01-Layers/L2Norm.swift", section: "L2 normalisation",
                     hint: "With y = x/‖x‖: ∂L/∂x = (g − y·(yᵀg)) / ‖x‖. The projection term removes the radial part: "
                         + "scaling x does not change y, so the gradient must be orthogonal to x."),
        ExerciseInfo(id: "1.4", title: "Softmax with inverse temperature β: forward and backward",
                     file: "Exercises/01-Layers/Softmax.swift", section: "Softmax with inverse temperature",
                     hint: "Lecture's sign: s = −βx, y = e^{s − max s} / Σ e^{s − max s} (subtract the row max, or "
                         + "large inputs overflow). Backward: ∂L/∂s = y ⊙ (g − Σ y⊙g), then ∂L/∂x = −β · ∂L/∂s."),
        ExerciseInfo(id: "1.5", title: "Backpropagation through a stack",
                     file: "Exercises/01-Layers/Backprop.swift", section: "Backpropagation",
                     hint: "Forward: keep a₀ … a_L. Backward: walk the layers from last to first; layer ℓ's input is "
                         + "activations[ℓ] and its output activations[ℓ+1]; feed each layer's input gradient to the layer before."),
    ])
