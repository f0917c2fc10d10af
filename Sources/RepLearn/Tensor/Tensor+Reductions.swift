import Foundation

/// Reductions over a 2-D tensor `[n, k]`. Sums accumulate in Double so that long rows lose
/// no more than Float32 rounding of the result.
extension Tensor {
    /// Σ of all elements.
    public func sum() -> Float { Float(data.reduce(0.0) { $0 + Double($1) }) }

    /// Mean of all elements.
    public func mean() -> Float { count == 0 ? 0 : Float(data.reduce(0.0) { $0 + Double($1) } / Double(count)) }

    /// [n, k] → the sum of each column, [k] (adds the rows up; the gradient of a bias added to
    /// every row).
    public func columnSums() throws -> Tensor {
        try expectShape([-1, -1], "columnSums")
        let (n, k) = (shape[0], shape[1])
        var acc = [Double](repeating: 0, count: k)
        acc.withUnsafeMutableBufferPointer { a in
            data.withUnsafeBufferPointer { x in
                for i in 0..<n {
                    let row = x.baseAddress! + i * k
                    for j in 0..<k { a[j] += Double(row[j]) }
                }
            }
        }
        return Tensor(vector: acc.map { Float($0) })
    }

    /// [n, k] → the sum of each row, [n] (adds the columns up).
    public func rowSums() throws -> [Float] {
        try expectShape([-1, -1], "rowSums")
        let (n, k) = (shape[0], shape[1])
        return data.withUnsafeBufferPointer { x in
            (0..<n).map { i in
                var s = 0.0
                for j in 0..<k { s += Double(x[i * k + j]) }
                return Float(s)
            }
        }
    }

    // The old names read the wrong way round (sumRows gave column sums); they say where to go.
    @available(*, unavailable, renamed: "columnSums()", message: "columnSums(): [n, k] → [k], the sum of each column")
    public func sumRows() throws -> Tensor { fatalError() }
    @available(*, unavailable, renamed: "rowSums()", message: "rowSums(): [n, k] → [n], the sum of each row")
    public func sumColumns() throws -> [Float] { fatalError() }

    /// [n, k] → Euclidean norm of each row, [n].
    public func rowNorms() throws -> [Float] {
        try expectShape([-1, -1], "rowNorms")
        let (n, k) = (shape[0], shape[1])
        return data.withUnsafeBufferPointer { x in
            (0..<n).map { i in
                var s = 0.0
                for j in 0..<k { let v = Double(x[i * k + j]); s += v * v }
                return Float(s.squareRoot())
            }
        }
    }

    /// [n, k] → index of the largest element of each row, [n].
    public func argmaxRows() throws -> [Int] {
        try expectShape([-1, -1], "argmaxRows")
        let (n, k) = (shape[0], shape[1])
        return (0..<n).map { i in
            var best = 0
            for j in 1..<max(k, 1) where data[i * k + j] > data[i * k + best] { best = j }
            return best
        }
    }

    /// Largest |element| (0 for an empty tensor).
    public func maxAbs() -> Float { data.reduce(0) { max($0, abs($1)) } }
}
