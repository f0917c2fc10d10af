/// Mirrors images left ↔ right with probability `p`.
///
/// x: [N, C, H, W] → [N, C, H, W], out[i, c, y, x] = x[i, c, y, W − 1 − x] for flipped images.
///
/// Draws: one nextDouble u per image; the image is flipped when u < p (so p = 0 never flips,
/// p = 1 always does). Identity: p = 0.
public struct HorizontalFlip: Augmentation {
    public var p: Double

    public init(p: Double = 0.5) {
        precondition((0...1).contains(p), "HorizontalFlip: p = \(p) is not a probability")
        self.p = p
    }

    public func apply(_ x: Tensor, using rng: inout SeededGenerator) throws -> Tensor {
        let (n, c, h, w) = try ImageBatch.dims(x, "HorizontalFlip")
        var flip = [Bool]()
        flip.reserveCapacity(n)
        for _ in 0..<n { flip.append(rng.nextDouble() < p) }
        var out = x
        let plane = h * w
        x.data.withUnsafeBufferPointer { src in
            out.data.withUnsafeMutableBufferPointer { dst in
                ImageBatch.forEach(n, elementsPerImage: c * plane) { i in
                    guard flip[i] else { return }
                    for row in 0..<(c * h) {
                        let base = i * c * plane + row * w
                        for xx in 0..<w { dst[base + xx] = src[base + w - 1 - xx] }
                    }
                }
            }
        }
        return out
    }
}
