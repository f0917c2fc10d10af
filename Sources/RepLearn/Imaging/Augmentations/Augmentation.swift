/// A random image transformation applied to a whole batch, the building block of the views that
/// contrastive learning (SimCLR and friends) compares.
///
/// x: [N, C, H, W] (NCHW, C = 1 for gray or 3 for RGB, values normally in [0, 1])
/// → [N, C, H', W'] (H' = H, W' = W except for crops).
///
/// Contract every conformer keeps, so that the same seed gives the same batch on every machine:
/// - random parameters are drawn from `rng` image by image (image 0 first), in the order its
///   documentation states, and the number of draws per image does not depend on earlier outcomes;
/// - all draws happen before any pixel is written, so the pixel work may run on several cores
///   (``Parallel``) without changing the result;
/// - the output is one preallocated buffer; no allocation per pixel;
/// - identity settings (documented per type) return the input bit for bit.
public protocol Augmentation: Sendable {
    /// x: [N, C, H, W] → augmented batch; throws a ``ShapeError`` for other ranks or channel counts.
    func apply(_ x: Tensor, using rng: inout SeededGenerator) throws -> Tensor
}

/// Helpers shared by the augmentations: NCHW shape checks and the per-image parallel loop.
enum ImageBatch {
    /// Checks x: [N, C, H, W] with H, W ≥ 1 (and C in `channels` when given) → (n, c, h, w).
    static func dims(_ x: Tensor, _ op: String, channels: [Int]? = nil) throws -> (n: Int, c: Int, h: Int, w: Int) {
        guard x.rank == 4, x.shape[2] > 0, x.shape[3] > 0 else {
            throw ShapeError(op: op, message: "images should have shape [N, C, H, W] with H, W ≥ 1 but have \(x.shape)")
        }
        if let allowed = channels, !allowed.contains(x.shape[1]) {
            throw ShapeError(op: op, message: "images should have \(allowed.map(String.init).joined(separator: " or ")) channels but have shape \(x.shape)")
        }
        return (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
    }

    /// Runs `body(i)` for every image i in 0..<n, split across cores when the batch is big enough.
    /// `body` must only write image i's part of the output (and draw no random numbers).
    static func forEach(_ n: Int, elementsPerImage: Int, _ body: (Int) -> Void) {
        let minimum = max(1, 16_384 / max(elementsPerImage, 1))
        Parallel.chunks(n, minimumPerPart: minimum) { _, range in
            for i in range { body(i) }
        }
    }

    /// A uniform draw in `range` (one `nextDouble`); a one-point range still consumes the draw.
    @inline(__always)
    static func uniform(_ range: ClosedRange<Double>, _ rng: inout SeededGenerator) -> Double {
        let u = rng.nextDouble()
        return range.lowerBound + (range.upperBound - range.lowerBound) * u
    }
}
