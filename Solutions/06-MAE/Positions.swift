import Course
import Foundation
import RepLearn

// Exercise 6.3 — 2-D sin-cos positions: [1-D(column) | 1-D(row)], each [sin(x·ω) | cos(x·ω)].
extension ReferenceMAE {
    public func sinCosEmbedding2D(dim: Int, gridH: Int, gridW: Int) throws -> Tensor {
        guard dim > 0, dim % 4 == 0 else { throw ShapeError(op: "sinCosEmbedding2D", message: "dim \(dim) is not divisible by 4") }
        let d = dim / 2, half = d / 2
        let omega = (0..<half).map { 1 / pow(10000, Double($0) / Double(half)) }
        func embed(_ x: Int) -> [Double] { omega.map { sin(Double(x) * $0) } + omega.map { cos(Double(x) * $0) } }
        var out = [Float]()
        for row in 0..<gridH { for col in 0..<gridW { out += (embed(col) + embed(row)).map { Float($0) } } }
        return try Tensor(shape: [gridH * gridW, dim], data: out)
    }
}
