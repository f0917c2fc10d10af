import Course
import Foundation
import RepLearn

/// Lecture 1's layers written again as plain Double loops, for the checks to compare against.
/// They share no code with Solutions/.
enum LayerOracle {
    /// One layer with Double parameters.
    enum Layer {
        case linear(DMatrix, [Double])   // W: [k, d], b: [k]
        case relu
        case l2Norm
        case softmax(Double)

        init(_ spec: LayerSpec) {
            switch spec {
            case .linear(let w, let b): self = .linear(DMatrix(w), b.data.map(Double.init))
            case .relu: self = .relu
            case .l2Norm: self = .l2Norm
            case .softmax(let t): self = .softmax(Double(t))
            }
        }
    }

    /// y_ij = Σ_k x_ik W_jk + b_j.
    static func linear(_ x: DMatrix, _ w: DMatrix, _ b: [Double]) -> DMatrix {
        var y = DMatrix(rows: x.rows, cols: w.rows)
        for i in 0..<x.rows {
            for j in 0..<w.rows {
                var s = b[j]
                for k in 0..<x.cols { s += x[i, k] * w[j, k] }
                y[i, j] = s
            }
        }
        return y
    }

    static func relu(_ x: DMatrix) -> DMatrix {
        var y = x
        y.data = x.data.map { max($0, 0) }
        return y
    }

    static func l2Norm(_ x: DMatrix) -> DMatrix {
        var y = x
        for i in 0..<x.rows {
            var s = 0.0
            for j in 0..<x.cols { s += x[i, j] * x[i, j] }
            let r = s.squareRoot()
            for j in 0..<x.cols { y[i, j] = r > 0 ? x[i, j] / r : 0 }
        }
        return y
    }

    /// y_ij = exp(−βx_ij − logΣ_k exp(−βx_ik)), the log-sum-exp taken stably.
    static func softmax(_ x: DMatrix, _ beta: Double) -> DMatrix {
        var y = x
        for i in 0..<x.rows {
            let s = (0..<x.cols).map { -beta * x[i, $0] }
            let m = s.max() ?? 0
            let lse = m + log(s.reduce(0) { $0 + exp($1 - m) })
            for j in 0..<x.cols { y[i, j] = exp(s[j] - lse) }
        }
        return y
    }

    static func apply(_ layer: Layer, _ x: DMatrix) -> DMatrix {
        switch layer {
        case .linear(let w, let b): return linear(x, w, b)
        case .relu: return relu(x)
        case .l2Norm: return l2Norm(x)
        case .softmax(let t): return softmax(x, t)
        }
    }

    /// All activations a₀ … a_L.
    static func stack(_ layers: [Layer], _ x: DMatrix) -> [DMatrix] {
        var acts = [x]
        for l in layers { acts.append(apply(l, acts[acts.count - 1])) }
        return acts
    }

    /// L = Σ c ⊙ y: a scalar loss whose gradient with respect to y is exactly c.
    static func probe(_ y: DMatrix, _ c: DMatrix) -> Double {
        zip(y.data, c.data).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// The numerical gradient of θ ↦ L(θ), θ reshaped like `like`.
    static func numerical(_ like: DMatrix, _ loss: (DMatrix) -> Double) -> DMatrix {
        var m = like
        m.data = GradientCheck.numericalGradient(at: like.data) { theta in
            var p = like
            p.data = theta
            return loss(p)
        }
        return m
    }
}
