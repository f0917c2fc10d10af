import Course
import Foundation
import RepLearn

// Exercise 8.5 — rotation prediction (Gidaris et al. 2018): four quarter turns, four labels.
extension ReferenceContrastive {
    public func rotationBatch(_ x: Tensor) throws -> RotationBatch {
        guard x.rank == 4, x.shape[2] == x.shape[3] else {
            throw ShapeError(op: "rotationBatch", message: "x should be [N, C, S, S] (square images) but has shape \(x.shape)")
        }
        let (n, c, side) = (x.shape[0], x.shape[1], x.shape[2])
        let plane = side * side
        var out = Tensor.zeros([4 * n, c, side, side])
        var labels: [Int] = []
        for i in 0..<n {
            for k in 0..<4 {
                let dst = (4 * i + k) * c * plane
                for ch in 0..<c {
                    let src = (i * c + ch) * plane
                    var img = Array(x.data[src..<(src + plane)])
                    for _ in 0..<k {                         // one quarter turn: out[y, x] = in[x, S − 1 − y]
                        var turned = img
                        for y in 0..<side { for xx in 0..<side { turned[y * side + xx] = img[xx * side + (side - 1 - y)] } }
                        img = turned
                    }
                    for q in 0..<plane { out.data[dst + ch * plane + q] = img[q] }
                }
                labels.append(k)
            }
        }
        return RotationBatch(images: out, labels: labels)
    }

    public func rotationLoss(logits: Tensor, labels: [Int]) throws -> ClassificationLoss {
        guard logits.rank == 2, logits.rows == labels.count, logits.rows > 0 else {
            throw ShapeError(op: "rotationLoss", message: "logits should be [M, K] with M = \(labels.count) labels but have shape \(logits.shape)")
        }
        let (m, k) = (logits.rows, logits.cols)
        guard labels.allSatisfy({ (0..<k).contains($0) }) else { throw InputError("rotationLoss: labels must lie in 0..<\(k)") }
        var loss = 0.0
        var grad = Tensor.zeros([m, k])
        for i in 0..<m {
            let row = logits.row(i).map(Double.init)
            let top = row.max()!                                   // subtract the max before exp
            let total = row.reduce(0) { $0 + exp($1 - top) }
            loss += (top + log(total) - row[labels[i]]) / Double(m)
            for j in 0..<k { grad[i, j] = Float(exp(row[j] - top) / total / Double(m)) }
            grad[i, labels[i]] -= 1 / Float(m)
        }
        return ClassificationLoss(loss: loss, gradient: grad)
    }
}
