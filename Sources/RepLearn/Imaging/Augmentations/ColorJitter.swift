/// torchvision's ColorJitter: random brightness, contrast, saturation and hue, for RGB batches.
///
/// x: [N, 3, H, W] with values in [0, 1] → [N, 3, H, W] in [0, 1].
///
/// Factors (torchvision's ranges): brightness b ~ U[max(0, 1 − brightness), 1 + brightness],
/// contrast c and saturation s alike, hue shift h ~ U[−hue, hue] with hue ≤ 0.5. An amount of 0
/// switches its adjustment off (not even clamped). With Y = 0.299 R + 0.587 G + 0.114 B per pixel
/// (torchvision uses 0.2989 for R) and ȳ the mean of Y over the image, the adjustments are
///
///     brightness  x ← clamp(b · x)
///     contrast    x ← clamp(c · x + (1 − c) · ȳ)
///     saturation  x ← clamp(s · x + (1 − s) · Y)
///     hue         (H, S, V) = hsv(x),  x ← rgb((H + h) mod 1, S, V)
///
/// clamp to [0, 1]. Order: a random permutation per image (as torchvision) when `randomOrder`,
/// else brightness, contrast, saturation, hue.
///
/// Draws per image, always all of them: (1) nextDouble u, the jitter applies when u < p;
/// (2) when `randomOrder`, the order via ``SeededGenerator/shuffle(_:)`` of [0, 1, 2, 3]
/// (three nextInt draws); (3) one nextDouble per enabled factor, in the order b, c, s, h.
/// Identity: all four amounts 0 (or p = 0).
public struct ColorJitter: Augmentation {
    public var brightness: Double, contrast: Double, saturation: Double, hue: Double
    public var p: Double
    public var randomOrder: Bool

    public init(brightness: Double = 0, contrast: Double = 0, saturation: Double = 0, hue: Double = 0,
                p: Double = 1, randomOrder: Bool = true) {
        precondition(brightness >= 0 && contrast >= 0 && saturation >= 0,
                     "ColorJitter: brightness, contrast and saturation amounts must be ≥ 0")
        precondition((0...0.5).contains(hue), "ColorJitter: hue = \(hue) must lie in [0, 0.5]")
        precondition((0...1).contains(p), "ColorJitter: p = \(p) is not a probability")
        self.brightness = brightness; self.contrast = contrast; self.saturation = saturation; self.hue = hue
        self.p = p; self.randomOrder = randomOrder
    }

    /// One image's adjustments: each factor nil when off; `order` lists 0 = brightness,
    /// 1 = contrast, 2 = saturation, 3 = hue in the order they are applied.
    public struct Factors: Equatable, Sendable {
        public var brightness: Float?, contrast: Float?, saturation: Float?, hue: Float?
        public var order: [Int]
        public init(brightness: Float? = nil, contrast: Float? = nil, saturation: Float? = nil, hue: Float? = nil,
                    order: [Int] = [0, 1, 2, 3]) {
            self.brightness = brightness; self.contrast = contrast; self.saturation = saturation; self.hue = hue
            self.order = order
        }
    }

    /// One image's factors, with the draws described above.
    public func drawFactors(using rng: inout SeededGenerator) -> Factors {
        let applies = rng.nextDouble() < p
        var order = [0, 1, 2, 3]
        if randomOrder { rng.shuffle(&order) }
        func factor(_ amount: Double) -> Float? {
            amount > 0 ? Float(ImageBatch.uniform(max(0, 1 - amount)...(1 + amount), &rng)) : nil
        }
        let b = factor(brightness), c = factor(contrast), s = factor(saturation)
        let h = hue > 0 ? Float(ImageBatch.uniform(-hue...hue, &rng)) : nil
        return applies ? Factors(brightness: b, contrast: c, saturation: s, hue: h, order: order) : Factors(order: order)
    }

    public func apply(_ x: Tensor, using rng: inout SeededGenerator) throws -> Tensor {
        let (n, _, _, _) = try ImageBatch.dims(x, "ColorJitter", channels: [3])
        var factors = [Factors]()
        factors.reserveCapacity(n)
        for _ in 0..<n { factors.append(drawFactors(using: &rng)) }
        return try Self.adjust(x, factors)
    }

    /// x: [N, 3, H, W] with one set of factors per image → the adjusted batch (the deterministic half).
    public static func adjust(_ x: Tensor, _ factors: [Factors]) throws -> Tensor {
        let (n, _, h, w) = try ImageBatch.dims(x, "ColorJitter.adjust", channels: [3])
        guard factors.count == n else {
            throw ShapeError(op: "ColorJitter.adjust", message: "\(factors.count) factor sets for \(n) images of shape \(x.shape)")
        }
        var out = x
        let plane = h * w
        out.data.withUnsafeMutableBufferPointer { d in
            ImageBatch.forEach(n, elementsPerImage: 3 * plane) { i in
                let f = factors[i]
                let (r, g, b) = (i * 3 * plane, i * 3 * plane + plane, i * 3 * plane + 2 * plane)
                for op in f.order {
                    switch op {
                    case 0: if let k = f.brightness { blend(d, r, g, b, plane, k) { _ in 0 } }
                    case 1: if let k = f.contrast {
                        var sum: Double = 0
                        for q in 0..<plane { sum += Double(luma(d, r, g, b, q)) }
                        let mean = Float(sum / Double(plane))
                        blend(d, r, g, b, plane, k) { _ in mean }
                    }
                    case 2: if let k = f.saturation { blend(d, r, g, b, plane, k) { q in luma(d, r, g, b, q) } }
                    default: if let k = f.hue {
                        for q in 0..<plane {
                            let v = HSV.fromRGB(d[r + q], d[g + q], d[b + q])
                            let c = HSV.toRGB(v.h + k, v.s, v.v)
                            d[r + q] = c.r; d[g + q] = c.g; d[b + q] = c.b
                        }
                    }
                    }
                }
            }
        }
        return out
    }

    @inline(__always)
    private static func luma(_ d: UnsafeMutableBufferPointer<Float>, _ r: Int, _ g: Int, _ b: Int, _ q: Int) -> Float {
        let wt = RandomGrayscale.lumaWeights
        return wt.r * d[r + q] + wt.g * d[g + q] + wt.b * d[b + q]
    }

    /// x ← clamp(k · x + (1 − k) · other(q)) on all three channels; `other` is read before writing pixel q.
    @inline(__always)
    private static func blend(_ d: UnsafeMutableBufferPointer<Float>, _ r: Int, _ g: Int, _ b: Int, _ plane: Int,
                              _ k: Float, _ other: (Int) -> Float) {
        for q in 0..<plane {
            let o = (1 - k) * other(q)
            d[r + q] = min(max(k * d[r + q] + o, 0), 1)
            d[g + q] = min(max(k * d[g + q] + o, 0), 1)
            d[b + q] = min(max(k * d[b + q] + o, 0), 1)
        }
    }
}
