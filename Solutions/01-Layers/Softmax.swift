import Course
import Foundation
import RepLearn

// Exercise 1.4 — softmax with inverse temperature β, lecture's sign: y_i = e^{-β x_i} / Σ_k e^{-β x_k}.
extension ReferenceLayers {
    public func softmaxForward(_ x: Tensor, beta: Float) throws -> Tensor {
        try x.expectShape([-1, -1], "softmaxForward", name: "x")
        let (n, d) = (x.shape[0], x.shape[1])
        var y = x
        for i in 0..<n {
            // s = −βx; subtracting max s leaves y unchanged and keeps every exponent ≤ 0.
            var top = -Float.infinity
            for j in 0..<d { top = max(top, -beta * x[i, j]) }
            var z: Float = 0
            for j in 0..<d { let e = expf(-beta * x[i, j] - top); y[i, j] = e; z += e }
            for j in 0..<d { y[i, j] /= z }
        }
        return y
    }

    /// With s = −βx: ∂L/∂s = y ⊙ (g − Σ_k y_k g_k), and ∂L/∂x = −β ∂L/∂s.
    public func softmaxBackward(_ x: Tensor, output y: Tensor, beta: Float, outputGradient g: Tensor) throws -> Tensor {
        try y.expectShape(x.shape, "softmaxBackward", name: "output")
        try g.expectShape(x.shape, "softmaxBackward", name: "outputGradient")
        let dot = try (y * g).rowSums()
        var dx = g
        for i in 0..<x.shape[0] {
            for j in 0..<x.shape[1] { dx[i, j] = -beta * y[i, j] * (g[i, j] - dot[i]) }
        }
        return dx
    }
}
