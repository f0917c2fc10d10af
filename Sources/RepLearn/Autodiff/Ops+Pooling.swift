/// Pooling and upsampling on [N, C, H, W], embedding look-up and dropout.
extension Variable {
    /// Max over k×k windows moved by `stride` (no padding): [N, C, H, W] → [N, C, Ho, Wo],
    /// Ho = ⌊(H − k)/s⌋ + 1. The gradient goes to the first maximum of each window.
    public func maxPool2d(kernel k: Int, stride s: Int? = nil) throws -> Variable {
        try pool2d(kernel: k, stride: s ?? k, max: true)
    }

    /// Mean over k×k windows moved by `stride` (no padding); the gradient is shared equally.
    public func avgPool2d(kernel k: Int, stride s: Int? = nil) throws -> Variable {
        try pool2d(kernel: k, stride: s ?? k, max: false)
    }

    private func pool2d(kernel k: Int, stride s: Int, max isMax: Bool) throws -> Variable {
        guard shape.count == 4, k > 0, s > 0, shape[2] >= k, shape[3] >= k else {
            throw ShapeError(op: isMax ? "maxPool2d" : "avgPool2d", message: "kernel \(k), stride \(s) do not fit input \(shape) ([N, C, H, W])")
        }
        let (planes, h, w) = (shape[0] * shape[1], shape[2], shape[3])
        let (ho, wo) = ((h - k) / s + 1, (w - k) / s + 1)
        var out = Tensor.zeros([shape[0], shape[1], ho, wo])
        var argmax = [Int](repeating: 0, count: isMax ? out.count : 0)
        for p in 0..<planes { for u in 0..<ho { for v in 0..<wo {
            var best = -Float.infinity, at = 0, sum: Float = 0
            for i in 0..<k { for j in 0..<k {
                let idx = (p * h + u * s + i) * w + v * s + j, x = value.data[idx]
                sum += x
                if x > best { best = x; at = idx }
            } }
            let o = (p * ho + u) * wo + v
            if isMax { out.data[o] = best; argmax[o] = at } else { out.data[o] = sum / Float(k * k) }
        } } }
        let inShape = shape
        return Variable.record(isMax ? "maxPool2d" : "avgPool2d", out, [self]) { g in
            var gx = Tensor.zeros(inShape)
            if isMax { for o in 0..<g.count { gx.data[argmax[o]] += g.data[o] }; return [gx] }
            let f = 1 / Float(k * k)
            for p in 0..<planes { for u in 0..<ho { for v in 0..<wo {
                let go = g.data[(p * ho + u) * wo + v] * f
                for i in 0..<k { for j in 0..<k { gx.data[(p * h + u * s + i) * w + v * s + j] += go } }
            } } }
            return [gx]
        }
    }

    /// Nearest-neighbour upsampling by an integer factor: [N, C, H, W] → [N, C, fH, fW].
    public func upsampleNearest(_ f: Int) throws -> Variable {
        try upsample(f, bilinear: false)
    }

    /// Bilinear upsampling by an integer factor with PyTorch's align_corners = False: output pixel
    /// u samples the input at (u + ½)/f − ½, clamped to [0, H − 1].
    public func upsampleBilinear(_ f: Int) throws -> Variable {
        try upsample(f, bilinear: true)
    }

    private func upsample(_ f: Int, bilinear: Bool) throws -> Variable {
        guard shape.count == 4, f >= 1 else {
            throw ShapeError(op: "upsample", message: "needs [N, C, H, W] and a factor ≥ 1, got \(shape) and \(f)")
        }
        let (planes, h, w) = (shape[0] * shape[1], shape[2], shape[3])
        let (ho, wo) = (h * f, w * f)
        // Each output coordinate as (low index, high index, weight of high) along one axis.
        func taps(_ n: Int, _ out: Int) -> [(Int, Int, Float)] {
            (0..<out).map { u in
                if !bilinear { return (u / f, u / f, 0) }
                let x = min(max((Float(u) + 0.5) / Float(f) - 0.5, 0), Float(n - 1))
                let lo = Int(x)
                return (lo, min(lo + 1, n - 1), x - Float(lo))
            }
        }
        let ty = taps(h, ho), tx = taps(w, wo)
        var out = Tensor.zeros([shape[0], shape[1], ho, wo])
        for p in 0..<planes { for u in 0..<ho { for v in 0..<wo {
            let (y0, y1, fy) = ty[u], (x0, x1, fx) = tx[v]
            let base = p * h * w
            let a = value.data[base + y0 * w + x0], b = value.data[base + y0 * w + x1]
            let c = value.data[base + y1 * w + x0], d = value.data[base + y1 * w + x1]
            out.data[(p * ho + u) * wo + v] = (1 - fy) * ((1 - fx) * a + fx * b) + fy * ((1 - fx) * c + fx * d)
        } } }
        let inShape = shape
        return Variable.record(bilinear ? "upsampleBilinear" : "upsampleNearest", out, [self]) { g in
            var gx = Tensor.zeros(inShape)
            for p in 0..<planes { for u in 0..<ho { for v in 0..<wo {
                let (y0, y1, fy) = ty[u], (x0, x1, fx) = tx[v]
                let base = p * h * w, go = g.data[(p * ho + u) * wo + v]
                gx.data[base + y0 * w + x0] += go * (1 - fy) * (1 - fx)
                gx.data[base + y0 * w + x1] += go * (1 - fy) * fx
                gx.data[base + y1 * w + x0] += go * fy * (1 - fx)
                gx.data[base + y1 * w + x1] += go * fy * fx
            } } }
            return [gx]
        }
    }

    /// Rows of `table` ([V, D]) at `indices`, shaped `shape + [D]`; backward adds into those rows.
    public static func embedding(_ table: Variable, indices: [Int], shape: [Int]) throws -> Variable {
        guard table.shape.count == 2, shape.reduce(1, *) == indices.count else {
            throw ShapeError(op: "embedding", message: "table \(table.shape) ([V, D]) with \(indices.count) indices for shape \(shape)")
        }
        return try table.gathered(axis: 0, indices: indices).reshaped(shape + [table.shape[1]])
    }

    /// Inverted dropout: zeroes each entry with probability p and scales the rest by 1/(1 − p),
    /// drawing from `rng` (one draw per entry, in order). Identity when not training or p = 0.
    public func dropout(_ p: Float, training: Bool, rng: inout SeededGenerator) throws -> Variable {
        guard p >= 0 && p < 1 else { throw InputError("dropout: probability \(p) is outside [0, 1)") }
        guard training && p > 0 else { return self }
        var keep = Tensor.zeros(shape)
        let scale = 1 / (1 - p)
        for i in 0..<keep.count where rng.nextFloat() >= p { keep.data[i] = scale }
        return try self * Variable(keep)
    }
}
