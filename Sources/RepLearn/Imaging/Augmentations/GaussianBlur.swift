import Foundation

/// Gaussian blur with a random σ per image, applied with probability `p`.
///
/// x: [N, C, H, W] → [N, C, H, W], each channel convolved with the separable kernel
///
///     k[j] = exp(−j² / (2σ²)) / Σ_{|i| ≤ r} exp(−i² / (2σ²)),   j = −r…r,  r = ⌈3σ⌉,
///
/// first along rows, then along columns. Borders reflect without repeating the edge pixel
/// (index −1 reads 1, index W reads W − 2; PyTorch's "reflect" padding, as torchvision's
/// GaussianBlur), folded again when r ≥ W. The kernel sums to 1, so a constant image stays
/// constant (up to Float rounding).
///
/// Draws per image: nextDouble u (blur when u < p), then σ = U(sigma) (one nextDouble), both
/// always drawn. Identity: sigma 0…0 or p = 0 (σ = 0 copies the image).
public struct GaussianBlur: Augmentation {
    public var sigma: ClosedRange<Double>
    public var p: Double

    public init(sigma: ClosedRange<Double>, p: Double = 1) {
        precondition(sigma.lowerBound >= 0, "GaussianBlur: sigma \(sigma) must be ≥ 0")
        precondition((0...1).contains(p), "GaussianBlur: p = \(p) is not a probability")
        self.sigma = sigma; self.p = p
    }

    public func apply(_ x: Tensor, using rng: inout SeededGenerator) throws -> Tensor {
        let (n, _, _, _) = try ImageBatch.dims(x, "GaussianBlur")
        var sigmas = [Double]()
        sigmas.reserveCapacity(n)
        for _ in 0..<n {
            let blur = rng.nextDouble() < p
            let s = ImageBatch.uniform(sigma, &rng)
            sigmas.append(blur ? s : 0)
        }
        return try Self.blur(x, sigmas: sigmas)
    }

    /// The normalised kernel k[−r…r] for σ > 0, r = ⌈3σ⌉.
    public static func kernel(sigma: Double) -> [Float] {
        precondition(sigma > 0, "GaussianBlur.kernel: sigma must be positive, got \(sigma)")
        let r = Int((3 * sigma).rounded(.up))
        let raw = (-r...r).map { j in exp(-Double(j * j) / (2 * sigma * sigma)) }
        let total = raw.reduce(0, +)
        return raw.map { Float($0 / total) }
    }

    /// Index i folded into 0..<n by reflection about the first and last pixel.
    @inline(__always)
    static func reflect(_ i: Int, _ n: Int) -> Int {
        guard n > 1 else { return 0 }
        let period = 2 * (n - 1)
        let m = ((i % period) + period) % period
        return m < n ? m : period - m
    }

    /// x: [N, C, H, W] blurred with σ = sigmas[i] for image i (0: copied) — the deterministic half.
    public static func blur(_ x: Tensor, sigmas: [Double]) throws -> Tensor {
        let (n, c, h, w) = try ImageBatch.dims(x, "GaussianBlur.blur")
        guard sigmas.count == n else {
            throw ShapeError(op: "GaussianBlur.blur", message: "\(sigmas.count) sigmas for \(n) images of shape \(x.shape)")
        }
        var out = x
        let plane = h * w
        x.data.withUnsafeBufferPointer { src in
            out.data.withUnsafeMutableBufferPointer { dst in
                ImageBatch.forEach(n, elementsPerImage: c * plane) { i in
                    guard sigmas[i] > 0 else { return }
                    // Per image: the kernel, reflected index tables and one scratch plane.
                    let k = kernel(sigma: sigmas[i])
                    let r = k.count / 2
                    let xs = (0..<(w + 2 * r)).map { reflect($0 - r, w) }
                    let ys = (0..<(h + 2 * r)).map { reflect($0 - r, h) }
                    var scratch = [Float](repeating: 0, count: plane)
                    scratch.withUnsafeMutableBufferPointer { tmp in
                        for ch in 0..<c {
                            let base = (i * c + ch) * plane
                            for y in 0..<h {                             // rows: src → tmp
                                let row = base + y * w
                                for xx in 0..<w {
                                    var acc: Float = 0
                                    for j in 0..<k.count { acc += k[j] * src[row + xs[xx + j]] }
                                    tmp[y * w + xx] = acc
                                }
                            }
                            for y in 0..<h {                             // columns: tmp → dst
                                for xx in 0..<w {
                                    var acc: Float = 0
                                    for j in 0..<k.count { acc += k[j] * tmp[ys[y + j] * w + xx] }
                                    dst[base + y * w + xx] = acc
                                }
                            }
                        }
                    }
                }
            }
        }
        return out
    }
}
