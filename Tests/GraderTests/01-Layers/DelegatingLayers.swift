import Course
import RepLearn
import Solutions

/// A mutant of lecture 1 overrides one function; every other one is the reference's.
protocol DelegatingLayers: LayersExercises {}

extension DelegatingLayers {
    var base: ReferenceLayers { ReferenceLayers() }
    func linearForward(_ x: Tensor, weight: Tensor, bias: Tensor) throws -> Tensor {
        try base.linearForward(x, weight: weight, bias: bias)
    }
    func linearBackward(_ x: Tensor, weight: Tensor, outputGradient: Tensor) throws -> LinearGradients {
        try base.linearBackward(x, weight: weight, outputGradient: outputGradient)
    }
    func reluForward(_ x: Tensor) throws -> Tensor { try base.reluForward(x) }
    func reluBackward(_ x: Tensor, outputGradient: Tensor) throws -> Tensor {
        try base.reluBackward(x, outputGradient: outputGradient)
    }
    func l2NormalizeForward(_ x: Tensor) throws -> Tensor { try base.l2NormalizeForward(x) }
    func l2NormalizeBackward(_ x: Tensor, output: Tensor, outputGradient: Tensor) throws -> Tensor {
        try base.l2NormalizeBackward(x, output: output, outputGradient: outputGradient)
    }
    func softmaxForward(_ x: Tensor, beta: Float) throws -> Tensor {
        try base.softmaxForward(x, beta: beta)
    }
    func softmaxBackward(_ x: Tensor, output: Tensor, beta: Float, outputGradient: Tensor) throws -> Tensor {
        try base.softmaxBackward(x, output: output, beta: beta, outputGradient: outputGradient)
    }
    /// The stack runs through *this* mutant's layers, so a wrong layer shows in 1.5 too.
    func forwardStack(_ x: Tensor, layers: [LayerSpec]) throws -> [Tensor] {
        try Backprop.forward(x, layers: layers, using: self)
    }
    func backwardStack(activations: [Tensor], layers: [LayerSpec], outputGradient: Tensor) throws -> StackGradients {
        try Backprop.backward(activations: activations, layers: layers, outputGradient: outputGradient, using: self)
    }
    func numericalGradient(_ x: Tensor, step h: Float, _ f: (Tensor) throws -> Tensor) throws -> Tensor { try base.numericalGradient(x, step: h, f) }
    func gradientError(_ a: Tensor, _ b: Tensor, floor: Float) throws -> Float { try base.gradientError(a, b, floor: floor) }
}
