/// Additive Gaussian noise: out = x + std · ε, ε ~ N(0, 1) i.i.d. per element.
///
/// x: [N, C, H, W] → [N, C, H, W]; with `clamp` the result is clipped to [0, 1].
///
/// Draws: one nextNormal per element, in memory order (image, channel, row, column), made
/// sequentially on one core. Identity: std = 0 (returns x and draws nothing).
public struct GaussianNoise: Augmentation {
    public var std: Float
    public var clamp: Bool

    public init(std: Float, clamp: Bool = false) {
        precondition(std >= 0, "GaussianNoise: std = \(std) must be ≥ 0")
        self.std = std; self.clamp = clamp
    }

    public func apply(_ x: Tensor, using rng: inout SeededGenerator) throws -> Tensor {
        _ = try ImageBatch.dims(x, "GaussianNoise")
        guard std > 0 else { return x }
        var out = x
        out.data.withUnsafeMutableBufferPointer { d in
            for i in 0..<d.count {
                let v = d[i] + std * rng.nextNormal()
                d[i] = clamp ? min(max(v, 0), 1) : v
            }
        }
        return out
    }
}
