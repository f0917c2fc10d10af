/// Replaces RGB images by their luma, replicated to three channels, with probability `p`.
///
/// x: [N, 3, H, W] → [N, 3, H, W], for converted images every channel is
/// Y = 0.299 R + 0.587 G + 0.114 B (ITU-R BT.601 weights, ``lumaWeights``).
///
/// Draws: one nextDouble u per image; converted when u < p. Identity: p = 0.
public struct RandomGrayscale: Augmentation {
    /// ITU-R BT.601 luma weights for (R, G, B).
    public static let lumaWeights: (r: Float, g: Float, b: Float) = (0.299, 0.587, 0.114)

    public var p: Double

    public init(p: Double = 0.2) {
        precondition((0...1).contains(p), "RandomGrayscale: p = \(p) is not a probability")
        self.p = p
    }

    public func apply(_ x: Tensor, using rng: inout SeededGenerator) throws -> Tensor {
        let (n, _, h, w) = try ImageBatch.dims(x, "RandomGrayscale", channels: [3])
        var gray = [Bool]()
        gray.reserveCapacity(n)
        for _ in 0..<n { gray.append(rng.nextDouble() < p) }
        var out = x
        let plane = h * w
        let (wr, wg, wb) = Self.lumaWeights
        x.data.withUnsafeBufferPointer { src in
            out.data.withUnsafeMutableBufferPointer { dst in
                ImageBatch.forEach(n, elementsPerImage: 3 * plane) { i in
                    guard gray[i] else { return }
                    let base = i * 3 * plane
                    for q in 0..<plane {
                        let y = wr * src[base + q] + wg * src[base + plane + q] + wb * src[base + 2 * plane + q]
                        dst[base + q] = y; dst[base + plane + q] = y; dst[base + 2 * plane + q] = y
                    }
                }
            }
        }
        return out
    }
}
