import Course
import Foundation
import RepLearn

// Exercise 9.1 — the linear probe: softmax regression with an L2 penalty on W.
extension ReferenceTransfer {
    /// With P = softmax(xWᵀ + b) row by row and Y the one-hot labels:
    /// ∂L/∂s = (P − Y)/n, ∂L/∂W = (∂L/∂s)ᵀx + λW, ∂L/∂b = Σ_rows ∂L/∂s.
    public func probeLoss(_ features: Tensor, labels: [Int], weight: Tensor, bias: Tensor, l2: Float) throws -> ProbeGradients {
        let (n, c) = (features.rows, weight.rows)
        guard labels.count == n, labels.allSatisfy({ (0..<c).contains($0) }) else {
            throw InputError("probeLoss: \(labels.count) labels in 0..<\(c) expected for \(n) rows")
        }
        var s = try Tensor.matmul(features, weight, transposeB: true).addingRowVector(bias)   // scores [n, c]
        var loss = 0.0
        for i in 0..<n {
            let row = s.row(i)
            let m = row.max() ?? 0
            let z = row.reduce(0) { $0 + exp($1 - m) }
            loss -= Double(row[labels[i]] - m - log(z))
            for j in 0..<c { s[i, j] = (exp(row[j] - m) / z - (j == labels[i] ? 1 : 0)) / Float(n) }   // (P − Y)/n
        }
        let penalty = weight.data.reduce(0.0) { $0 + Double($1 * $1) }
        let gW = try Tensor.matmul(s, features, transposeA: true) + weight * l2
        return ProbeGradients(loss: loss / Double(n) + Double(l2) / 2 * penalty, weight: gW, bias: try s.columnSums())
    }

    public func trainProbe(_ features: Tensor, labels: [Int], classes: Int, l2: Float, learningRate: Float, steps: Int) throws -> ProbeHead {
        var head = ProbeHead(weight: Tensor.zeros([classes, features.cols]), bias: Tensor.zeros([classes]))
        for _ in 0..<steps {
            let g = try probeLoss(features, labels: labels, weight: head.weight, bias: head.bias, l2: l2)
            head.weight = try head.weight - g.weight * learningRate
            head.bias = try head.bias - g.bias * learningRate
        }
        return head
    }
}
