import Course
import RepLearn

// Exercise 6.4 — the MAE loss: per-patch MSE, averaged over the hidden patches only.
extension ReferenceMAE {
    public func maeLoss(prediction: Tensor, target: Tensor, mask: Tensor, normalizeTarget: Bool) throws -> MAELoss {
        guard prediction.rank == 3, prediction.shape == target.shape, mask.shape == [prediction.shape[0], prediction.shape[1]] else {
            throw ShapeError(op: "maeLoss", message: "prediction \(prediction.shape), target \(target.shape), mask \(mask.shape)")
        }
        let p = prediction.shape[2], patches = mask.count
        var t = target
        if normalizeTarget {
            for l in 0..<patches {
                let row = t.data[(l * p)..<((l + 1) * p)]
                let mean = row.reduce(0, +) / Float(p)
                let variance = row.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Float(p - 1)
                let sd = (variance + 1e-6).squareRoot()
                for j in 0..<p { t.data[l * p + j] = (t.data[l * p + j] - mean) / sd }
            }
        }
        let hidden = mask.data.reduce(0, +)
        var loss: Float = 0
        var grad = Tensor.zeros(prediction.shape)
        for l in 0..<patches where mask.data[l] != 0 {
            var perPatch: Float = 0
            for j in 0..<p {
                let e = prediction.data[l * p + j] - t.data[l * p + j]
                perPatch += e * e
                grad.data[l * p + j] = mask.data[l] * 2 * e / (Float(p) * hidden)
            }
            loss += mask.data[l] * perPatch / Float(p)
        }
        return MAELoss(loss: Double(loss / hidden), gradient: grad)
    }
}
