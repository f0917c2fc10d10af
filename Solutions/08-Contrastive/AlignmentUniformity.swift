import Course
import Foundation
import RepLearn

// Exercise 8.3 — alignment and uniformity (Wang & Isola 2020).
extension ReferenceContrastive {
    public func alignment(_ x: Tensor, _ y: Tensor, alpha: Double) throws -> Double {
        try y.expectShape(x.shape, "alignment", name: "y")
        guard x.rank == 2, x.rows > 0 else { throw ShapeError(op: "alignment", message: "x should be [n, d] with n ≥ 1 but has shape \(x.shape)") }
        var total = 0.0
        for i in 0..<x.rows {
            var sq = 0.0
            for j in 0..<x.cols { let e = Double(x[i, j] - y[i, j]); sq += e * e }
            total += pow(sq.squareRoot(), alpha)                   // ‖xᵢ − yᵢ‖^α
        }
        return total / Double(x.rows)
    }

    public func uniformity(_ x: Tensor, t: Double) throws -> Double {
        guard x.rank == 2, x.rows >= 2 else { throw ShapeError(op: "uniformity", message: "x should be [n, d] with n ≥ 2 but has shape \(x.shape)") }
        let n = x.rows
        // log-mean-exp over the n(n − 1)/2 pairs i < j, shifted by the largest exponent.
        var exponents: [Double] = []
        for i in 0..<n {
            for j in (i + 1)..<n {
                var sq = 0.0
                for k in 0..<x.cols { let e = Double(x[i, k] - x[j, k]); sq += e * e }
                exponents.append(-t * sq)
            }
        }
        let top = exponents.max()!
        let mean = exponents.reduce(0) { $0 + exp($1 - top) } / Double(exponents.count)
        return top + log(mean)
    }
}
