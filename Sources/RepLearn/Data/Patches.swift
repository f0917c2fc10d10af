/// Square patches cut from images.
public enum Patches {
    /// `count` random size×size patches (gray, values in [0, 1]) from `images`, drawn uniformly
    /// over images and positions with `rng` → [count, size·size].
    public static func random(from images: [Image], size: Int, count: Int, rng: inout SeededGenerator) throws -> Tensor {
        guard !images.isEmpty, images.allSatisfy({ $0.width >= size && $0.height >= size }) else {
            throw InputError("Patches.random: need images of at least \(size)×\(size)")
        }
        let d = size * size
        var out = [Float](repeating: 0, count: count * d)
        for p in 0..<count {
            let img = images[rng.nextInt(below: images.count)]
            let (x0, y0) = (rng.nextInt(below: img.width - size + 1), rng.nextInt(below: img.height - size + 1))
            for y in 0..<size { for x in 0..<size {
                let i = ((y0 + y) * img.width + x0 + x) * img.channels
                var v: Float = 0
                for c in 0..<img.channels { v += Float(img.pixels[i + c]) }
                out[p * d + y * size + x] = v / (255 * Float(img.channels))
            } }
        }
        return try Tensor(shape: [count, d], data: out)
    }

    /// Per-patch contrast normalisation: subtract each row's mean, divide by √(var + ε).
    public static func normalize(_ x: Tensor, epsilon: Float = 0.01) -> Tensor {
        var out = x
        let d = x.cols
        for i in 0..<x.rows {
            let row = x.data[(i * d)..<((i + 1) * d)]
            let mean = row.reduce(0, +) / Float(d)
            let variance = row.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Float(d)
            let s = 1 / (variance + epsilon).squareRoot()
            for j in 0..<d { out.data[i * d + j] = (x.data[i * d + j] - mean) * s }
        }
        return out
    }
}

/// ZCA whitening: x ↦ (x − μ) V diag(1/√(λ + ε)) Vᵀ, which decorrelates the coordinates while
/// staying as close as possible to the original pixels (so whitened patches still look like patches).
public struct ZCAWhitening {
    public let mean: Tensor
    /// [d, d], symmetric.
    public let matrix: Tensor

    public init(_ x: Tensor, epsilon: Float = 0.1) throws {
        let n = Float(x.rows)
        mean = try x.columnSums() * (1 / n)
        let xc = try x.addingRowVector(-mean)
        let eig = try SymmetricEigen(try Tensor.matmul(xc, xc, transposeA: true) * (1 / n))
        let scaled = try eig.vectors.scalingRows(by: eig.values.map { 1 / (max($0, 0) + epsilon).squareRoot() })
        matrix = try Tensor.matmul(eig.vectors, scaled, transposeA: true)      // V diag(·) Vᵀ with V's rows as eigenvectors
    }

    public func apply(_ x: Tensor) throws -> Tensor { try Tensor.matmul(x.addingRowVector(-mean), matrix) }
}
