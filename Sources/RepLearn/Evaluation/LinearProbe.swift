import Foundation

/// A linear classifier on frozen features: multinomial logistic regression,
/// p = softmax(x̃ W + b) with x̃ the z-scored features, fitted by full-batch Adam from zero on
/// the mean cross-entropy + (λ/2)‖W‖². Deterministic (no random draws). Its accuracy measures
/// how *linearly separable* the classes are in a representation.
public struct LinearProbe {
    public let mean: Tensor, scale: Tensor
    /// [d, classes] and [classes].
    public let weight: Tensor, bias: Tensor
    public let classes: Int

    /// x: [n, d], labels in 0..<classes.
    public init(_ x: Tensor, labels: [Int], classes: Int, steps: Int = 400, learningRate: Float = 0.05, l2: Float = 1e-4) throws {
        try x.expectShape([labels.count, -1], "LinearProbe", name: "x")
        guard labels.allSatisfy({ $0 >= 0 && $0 < classes }) else {
            throw InputError("LinearProbe: labels must lie in 0..<\(classes)")
        }
        guard x.isFinite else { throw InputError("LinearProbe: features contain NaN or ∞") }
        let (n, d) = (x.rows, x.cols)
        let mu = try x.columnSums() * (1 / Float(n))
        let centred = try x.addingRowVector(-mu)
        let sd = try (centred * centred).columnSums().map { max(($0 / Float(n)).squareRoot(), 1e-6) }
        mean = mu; scale = sd.map { 1 / $0 }
        let z = try Self.standardize(x, mu, scale)
        var params = [Tensor.zeros([d, classes]), Tensor.zeros([classes])]
        var adam = Adam(learningRate: learningRate)
        for _ in 0..<steps {
            var g = try Tensor.matmul(z, params[0]).addingRowVector(params[1])   // logits [n, c]
            for i in 0..<n {
                let m = (0..<classes).map { g[i, $0] }.max()!
                var s: Float = 0
                for j in 0..<classes { g[i, j] = expf(g[i, j] - m); s += g[i, j] }
                for j in 0..<classes { g[i, j] /= s }
                g[i, labels[i]] -= 1
            }
            g = g * (1 / Float(n))                                               // ∂L/∂logits
            var gw = try Tensor.matmul(z, g, transposeA: true)
            try gw.addScaled(params[0], l2)
            try adam.step(&params, [gw, try g.columnSums()])
        }
        weight = params[0]; bias = params[1]
        self.classes = classes
    }

    /// x: [n, d] → predicted labels, [n].
    public func predict(_ x: Tensor) throws -> [Int] {
        try Tensor.matmul(Self.standardize(x, mean, scale), weight).addingRowVector(bias).argmaxRows()
    }

    /// Fraction of `labels` predicted correctly.
    public func accuracy(_ x: Tensor, labels: [Int]) throws -> Double {
        let p = try predict(x)
        return Double(zip(p, labels).filter { $0 == $1 }.count) / Double(max(labels.count, 1))
    }

    /// x: [n, d], column means mu: [d], inverse scales inv: [d] → (x − mu) ⊙ inv.
    public static func standardize(_ x: Tensor, _ mu: Tensor, _ inv: Tensor) throws -> Tensor {
        var z = try x.addingRowVector(-mu)
        let d = z.cols
        for i in 0..<z.rows { for j in 0..<d { z.data[i * d + j] *= inv.data[j] } }
        return z
    }
}
