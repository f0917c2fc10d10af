import Course
import Foundation
import RepLearn
import Solutions

// Plausible wrong implementations of lecture 1, one mistake each.

/// Forgets the bias.
struct LinearNoBias: DelegatingLayers {
    func linearForward(_ x: Tensor, weight: Tensor, bias: Tensor) throws -> Tensor {
        try Tensor.matmul(x, weight, transposeB: true)
    }
}

/// Averages the bias gradient over the batch instead of summing it.
struct LinearBiasGradientMean: DelegatingLayers {
    func linearBackward(_ x: Tensor, weight: Tensor, outputGradient g: Tensor) throws -> LinearGradients {
        var r = try base.linearBackward(x, weight: weight, outputGradient: g)
        r.bias = r.bias * (1 / Float(x.rows))
        return r
    }
}

/// Returns ∂L/∂W as xᵀG ([d, k]) instead of Gᵀx ([k, d]).
struct LinearWeightGradientTransposed: DelegatingLayers {
    func linearBackward(_ x: Tensor, weight: Tensor, outputGradient g: Tensor) throws -> LinearGradients {
        var r = try base.linearBackward(x, weight: weight, outputGradient: g)
        r.weight = try Tensor.matmul(x, g, transposeA: true)
        return r
    }
}

/// Divides ∂L/∂x by the batch size, as if the loss were a mean.
struct LinearInputGradientOverN: DelegatingLayers {
    func linearBackward(_ x: Tensor, weight: Tensor, outputGradient g: Tensor) throws -> LinearGradients {
        var r = try base.linearBackward(x, weight: weight, outputGradient: g)
        r.input = r.input * (1 / Float(x.rows))
        return r
    }
}

/// A leaky ReLU where a ReLU was asked for.
struct ReLULeaky: DelegatingLayers {
    func reluForward(_ x: Tensor) throws -> Tensor { x.map { $0 > 0 ? $0 : 0.01 * $0 } }
}

/// Passes the gradient where the input was negative (the wrong side of the kink).
struct ReLUGradientWrongSide: DelegatingLayers {
    func reluBackward(_ x: Tensor, outputGradient g: Tensor) throws -> Tensor { try g * x.map { $0 < 0 ? 1 : 0 } }
}

/// Passes the gradient at x = 0 too (≥ instead of >).
struct ReLUGradientAtZero: DelegatingLayers {
    func reluBackward(_ x: Tensor, outputGradient g: Tensor) throws -> Tensor { try g * x.map { $0 >= 0 ? 1 : 0 } }
}

/// Divides by the squared norm.
struct L2ForwardSquaredNorm: DelegatingLayers {
    func l2NormalizeForward(_ x: Tensor) throws -> Tensor { try x.scalingRows(by: x.rowNorms().map { 1 / ($0 * $0) }) }
}

/// ∂L/∂x = g/‖x‖: the projection term −y(yᵀg) is missing.
struct L2GradientNoProjection: DelegatingLayers {
    func l2NormalizeBackward(_ x: Tensor, output: Tensor, outputGradient g: Tensor) throws -> Tensor {
        try g.scalingRows(by: x.rowNorms().map { 1 / $0 })
    }
}

/// Projects correctly but divides by ‖x‖² instead of ‖x‖.
struct L2GradientSquaredNorm: DelegatingLayers {
    func l2NormalizeBackward(_ x: Tensor, output: Tensor, outputGradient g: Tensor) throws -> Tensor {
        try base.l2NormalizeBackward(x, output: output, outputGradient: g).scalingRows(by: x.rowNorms().map { 1 / $0 })
    }
}

/// e^{−βx} / Σ e^{−βx} computed directly: overflows to ∞/∞ = NaN for large inputs.
struct SoftmaxNoMaxSubtraction: DelegatingLayers {
    func softmaxForward(_ x: Tensor, beta: Float) throws -> Tensor {
        let e = x.map { expf(-beta * $0) }
        return try e.scalingRows(by: e.rowSums().map { 1 / $0 })
    }
}

/// The usual machine-learning sign, e^{+βx}, not the lecture's.
struct SoftmaxPositiveSign: DelegatingLayers {
    func softmaxForward(_ x: Tensor, beta: Float) throws -> Tensor { try base.softmaxForward(x, beta: -beta) }
}

/// Forgets β in the forward pass (always β = 1).
struct SoftmaxIgnoresBeta: DelegatingLayers {
    func softmaxForward(_ x: Tensor, beta: Float) throws -> Tensor { try base.softmaxForward(x, beta: 1) }
}

/// Backward without the factor β (the chain rule through s = −βx dropped).
struct SoftmaxBackwardMissingBeta: DelegatingLayers {
    func softmaxBackward(_ x: Tensor, output: Tensor, beta: Float, outputGradient g: Tensor) throws -> Tensor {
        try base.softmaxBackward(x, output: output, beta: beta, outputGradient: g) * (1 / beta)
    }
}

/// Backward with the sign of the exponent lost: +β instead of −β.
struct SoftmaxBackwardWrongSign: DelegatingLayers {
    func softmaxBackward(_ x: Tensor, output: Tensor, beta: Float, outputGradient g: Tensor) throws -> Tensor {
        -(try base.softmaxBackward(x, output: output, beta: beta, outputGradient: g))
    }
}

/// Returns only the layers' outputs, not the input a₀.
struct StackForwardWithoutInput: DelegatingLayers {
    func forwardStack(_ x: Tensor, layers: [LayerSpec]) throws -> [Tensor] {
        Array(try base.forwardStack(x, layers: layers).dropFirst())
    }
}

/// Off by one: gives each layer its *output* activation where its input belongs.
struct StackBackwardOffByOne: DelegatingLayers {
    func backwardStack(activations: [Tensor], layers: [LayerSpec], outputGradient: Tensor) throws -> StackGradients {
        let shifted = Array(activations.dropFirst()) + [activations[activations.count - 1]]
        return try base.backwardStack(activations: shifted, layers: layers, outputGradient: outputGradient)
    }
}

/// Backpropagates through the linear layers only, as if the nonlinearities were the identity.
struct StackBackwardSkipsNonlinearities: DelegatingLayers {
    func backwardStack(activations: [Tensor], layers: [LayerSpec], outputGradient: Tensor) throws -> StackGradients {
        var g = outputGradient
        var linear: [Int: LinearGradients] = [:]
        for l in stride(from: layers.count - 1, through: 0, by: -1) {
            if case .linear(let w, _) = layers[l] {
                let r = try base.linearBackward(activations[l], weight: w, outputGradient: g)
                linear[l] = r
                g = r.input
            }
        }
        return StackGradients(input: g, linear: linear)
    }
}

// Issue 15's holes: parameters at one value, data that hid the bug, documented behaviour unchecked.

/// Loops written for the example's d = 3: only the first three input features reach y.
struct LinearHardCodedWidth: DelegatingLayers {
    func linearForward(_ x: Tensor, weight: Tensor, bias: Tensor) throws -> Tensor {
        var y = Tensor.zeros([x.rows, weight.rows])
        for i in 0..<x.rows { for j in 0..<weight.rows {
            var s = bias.data[j]
            for k in 0..<min(3, x.cols) { s += x[i, k] * weight[j, k] }
            y[i, j] = s
        } }
        return y
    }
}

/// x / ‖x‖ with no guard: a zero row becomes 0/0 = NaN.
struct L2ForwardZeroRowNaN: DelegatingLayers {
    func l2NormalizeForward(_ x: Tensor) throws -> Tensor { try x.scalingRows(by: x.rowNorms().map { 1 / $0 }) }
}

/// The backward pass without the zero-row guard: 1/‖x‖ = ∞ gives NaN in that row.
struct L2BackwardZeroRowNaN: DelegatingLayers {
    func l2NormalizeBackward(_ x: Tensor, output y: Tensor, outputGradient g: Tensor) throws -> Tensor {
        let radial = try (y * g).rowSums()
        return try (g - y.scalingRows(by: radial)).scalingRows(by: x.rowNorms().map { 1 / $0 })
    }
}

/// A zero row passes the output gradient through unchanged (as if the layer were the identity there).
struct L2BackwardZeroRowPassThrough: DelegatingLayers {
    func l2NormalizeBackward(_ x: Tensor, output y: Tensor, outputGradient g: Tensor) throws -> Tensor {
        var r = try base.l2NormalizeBackward(x, output: y, outputGradient: g)
        let norms = try x.rowNorms()
        for i in 0..<x.rows where norms[i] == 0 { for j in 0..<x.cols { r[i, j] = g[i, j] } }
        return r
    }
}

/// Subtracts max(x) out of habit, but the lecture's sign makes the largest exponent −β·min(x): overflows.
struct SoftmaxSubtractsMaxOfX: DelegatingLayers {
    func softmaxForward(_ x: Tensor, beta: Float) throws -> Tensor {
        var y = x
        for i in 0..<x.rows {
            let m = x.row(i).max() ?? 0
            let e = x.row(i).map { expf(-beta * ($0 - m)) }
            let s = e.reduce(0, +)
            for j in 0..<x.cols { y[i, j] = e[j] / s }
        }
        return y
    }
}

/// Backward written for the example's β = 2.5.
struct SoftmaxBackwardFixedBeta: DelegatingLayers {
    func softmaxBackward(_ x: Tensor, output: Tensor, beta: Float, outputGradient g: Tensor) throws -> Tensor {
        try base.softmaxBackward(x, output: output, beta: 2.5, outputGradient: g)
    }
}

/// Keys the linear layers' gradients 0, 1, 2… (their order among linear layers), not by their index in the stack.
struct StackGradientsKeyedByOrdinal: DelegatingLayers {
    func backwardStack(activations: [Tensor], layers: [LayerSpec], outputGradient: Tensor) throws -> StackGradients {
        let r = try base.backwardStack(activations: activations, layers: layers, outputGradient: outputGradient)
        var keyed: [Int: LinearGradients] = [:]
        for (ordinal, key) in r.linear.keys.sorted().enumerated() { keyed[ordinal] = r.linear[key] }
        return StackGradients(input: r.input, linear: keyed)
    }
}

// Exercise 1.6's plausible mistakes.

/// A numerical gradient with one mistake.
struct NumericalGradientSlip: DelegatingLayers {
    enum Slip { case forwardDifference, dividesByH, ignoresStep, allPlusFirst }
    let slip: Slip
    func numericalGradient(_ x: Tensor, step h: Float, _ f: (Tensor) throws -> Tensor) throws -> Tensor {
        let step = slip == .ignoresStep ? 1e-3 : h
        var g = Tensor.zeros(x.shape), probe = x
        if slip == .allPlusFirst {
            var ups = [Float](repeating: 0, count: x.count)
            for i in 0..<x.count { probe.data[i] += step; ups[i] = try f(probe).data[0]; probe.data[i] = x.data[i] }
            for i in 0..<x.count { probe.data[i] -= step; g.data[i] = (ups[i] - (try f(probe).data[0])) / (2 * step); probe.data[i] = x.data[i] }
            return g
        }
        let here = slip == .forwardDifference ? try f(x).data[0] : 0
        for i in 0..<x.count {
            probe.data[i] += step
            let up = try f(probe).data[0]
            probe.data[i] = x.data[i]
            if slip == .forwardDifference { g.data[i] = (up - here) / step; continue }
            probe.data[i] -= step
            let down = try f(probe).data[0]
            probe.data[i] = x.data[i]
            g.data[i] = (up - down) / (slip == .dividesByH ? step : 2 * step)
        }
        return g
    }
}

/// A relative error with one mistake.
struct GradientErrorSlip: DelegatingLayers {
    enum Slip { case normwise, mean, ignoresFloor, overBOnly }
    let slip: Slip
    func gradientError(_ a: Tensor, _ b: Tensor, floor: Float) throws -> Float {
        let pairs = Array(zip(a.data, b.data))
        switch slip {
        case .normwise:
            let d = pairs.reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
            return d / max(a.data.reduce(0) { $0 + $1 * $1 }.squareRoot(), b.data.reduce(0) { $0 + $1 * $1 }.squareRoot(), floor)
        case .mean: return pairs.reduce(0) { $0 + abs($1.0 - $1.1) / max(abs($1.0), abs($1.1), floor) } / Float(pairs.count)
        case .ignoresFloor: return pairs.map { abs($0.0 - $0.1) / max(abs($0.0), abs($0.1), 1e-8) }.max() ?? 0
        case .overBOnly: return pairs.map { abs($0.0 - $0.1) / max(abs($0.1), floor) }.max() ?? 0
        }
    }
}
