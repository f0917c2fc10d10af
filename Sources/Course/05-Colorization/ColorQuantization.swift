import Foundation
import RepLearn

/// The quantised ab plane of Zhang, Isola & Efros (ECCV 2016) as the experiment uses it: the Q
/// in-gamut bin centres found by exercise 5.2, and the layout changes between the network's
/// NCHW tensors and the exercises' one-row-per-position matrices.
///
/// Grid: bin centres at multiples of `gridSize` (10) in a and b; a colour belongs to the bin of
/// its nearest centre. A bin is *in gamut* when some sRGB colour of a dense sweep of the cube
/// (64³ colours) falls in it.
struct ABBins {
    let gridSize: Float
    /// [Q, 2] centres (a, b), sorted by a then b.
    let centres: Tensor

    var count: Int { centres.rows }
    func centre(_ q: Int) -> (a: Float, b: Float) { (centres.data[2 * q], centres.data[2 * q + 1]) }

    /// The centres from `impl` (exercise 5.2), checked for the shape the experiment needs.
    init(_ impl: any ColorizationExercises, gridSize: Float = 10, levels: Int = 64) throws {
        let c = try impl.inGamutBins(gridSize: gridSize, levels: levels)
        guard c.rank == 2, c.cols == 2, (2...10_000).contains(c.rows), c.data.allSatisfy(\.isFinite) else {
            throw InputError("inGamutBins (exercise 5.2) returned \(c.shape); the experiment needs [Q, 2] finite centres with 2 ≤ Q ≤ 10000 "
                + "(about 261 for a grid of 10) — check it with `swift test --filter Lecture05`")
        }
        self.gridSize = gridSize
        centres = c
    }
}

/// Between [B, C, H, W] (the network's layout) and [B·H·W, C] (one row per position, the exercises' layout).
enum PositionRows {
    /// x: [B, C, H, W] → [B·H·W, C], row (i·H + y)·W + x.
    static func rows(_ t: Tensor) -> Tensor {
        let (b, c, hw) = (t.shape[0], t.shape[1], t.shape[2] * t.shape[3])
        var out = Tensor.zeros([b * hw, c])
        t.data.withUnsafeBufferPointer { src in
            out.data.withUnsafeMutableBufferPointer { dst in
                for i in 0..<b { for ch in 0..<c {
                    let from = (i * c + ch) * hw
                    for p in 0..<hw { dst[(i * hw + p) * c + ch] = src[from + p] }
                } }
            }
        }
        return out
    }

    /// [B·H·W, C] → [B, C, H, W] (the inverse of ``rows(_:)``).
    static func nchw(_ r: Tensor, like shape: [Int]) throws -> Tensor {
        let (b, c, hw) = (shape[0], shape[1], shape[2] * shape[3])
        try r.expectShape([b * hw, c], "PositionRows.nchw", name: "rows")
        var out = Tensor.zeros(shape)
        r.data.withUnsafeBufferPointer { src in
            out.data.withUnsafeMutableBufferPointer { dst in
                for i in 0..<b { for ch in 0..<c {
                    let to = (i * c + ch) * hw
                    for p in 0..<hw { dst[to + p] = src[(i * hw + p) * c + ch] }
                } }
            }
        }
        return out
    }

    /// Planar [C, n] values (a plane per channel) → [n, C] rows, and back.
    static func rows(planar v: [Float], channels c: Int) -> Tensor {
        let n = v.count / c
        var out = Tensor.zeros([n, c])
        for ch in 0..<c { for i in 0..<n { out.data[i * c + ch] = v[ch * n + i] } }
        return out
    }
    static func planar(_ r: Tensor) -> [Float] {
        let (n, c) = (r.rows, r.cols)
        var out = [Float](repeating: 0, count: n * c)
        for i in 0..<n { for ch in 0..<c { out[ch * n + i] = r.data[i * c + ch] } }
        return out
    }
}

extension Variable {
    /// A loss computed outside the tape by an exercise: its value L and ∂L/∂self = g. The result
    /// holds L; its backward sends g to `self` (the surrogate Σ self ⊙ g, shifted to the value L).
    func externalLoss(value: Double, gradient g: Tensor) throws -> Variable {
        try g.expectShape(shape, "externalLoss", name: "gradient")
        guard value.isFinite, g.data.allSatisfy(\.isFinite) else {
            throw InputError("the loss exercise returned a non-finite loss (\(value)) or gradient")
        }
        let surrogate = try (self * Variable(g)).sum()
        return surrogate + Float(value - Double(surrogate.value.data[0]))
    }
}
