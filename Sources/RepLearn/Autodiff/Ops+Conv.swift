/// 2-D convolution (cross-correlation, as every deep-learning library) by im2col + one sgemm.
///
/// x: [N, C, H, W], weight: [O, C, kh, kw], bias: [O] → y: [N, O, Ho, Wo] with
/// Ho = ⌊(H + 2p − d(kh − 1) − 1)/s⌋ + 1 (same for W), and
///     y[n, o, u, v] = b[o] + Σ_{c,i,j} w[o, c, i, j] · x[n, c, u·s − p + i·d, v·s − p + j·d]
/// (zero outside the image). im2col writes the receptive fields as the columns of
/// col: [C·kh·kw, N·Ho·Wo], so that Y = W·col is one matrix product over the whole batch;
/// backward is ∂W = G·colᵀ, ∂col = Wᵀ·G, and col2im adds ∂col back onto the pixels.
public struct ConvGeometry: Equatable, Sendable {
    public var stride = 1, padding = 0, dilation = 1
    public init(stride: Int = 1, padding: Int = 0, dilation: Int = 1) {
        self.stride = stride; self.padding = padding; self.dilation = dilation
    }
    func outputSize(_ size: Int, kernel: Int) -> Int { (size + 2 * padding - dilation * (kernel - 1) - 1) / stride + 1 }
}

extension Variable {
    public static func conv2d(_ x: Variable, weight: Variable, bias: Variable?, _ geo: ConvGeometry = ConvGeometry()) throws -> Variable {
        guard x.shape.count == 4, weight.shape.count == 4, x.shape[1] == weight.shape[1] else {
            throw ShapeError(op: "conv2d", message: "input [N, C, H, W] \(x.shape) and weight [O, C, kh, kw] \(weight.shape) do not fit")
        }
        let (n, c, h, w) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let (o, kh, kw) = (weight.shape[0], weight.shape[2], weight.shape[3])
        let (ho, wo) = (geo.outputSize(h, kernel: kh), geo.outputSize(w, kernel: kw))
        guard ho > 0, wo > 0, geo.stride > 0, geo.dilation > 0, geo.padding >= 0 else {
            throw ShapeError(op: "conv2d", message: "kernel \(kh)×\(kw) with \(geo) leaves no output for input \(x.shape)")
        }
        if let bias, bias.shape != [o] {
            throw ShapeError(op: "conv2d", message: "bias should have shape [\(o)] but has \(bias.shape)")
        }
        let im = Im2Col(n: n, c: c, h: h, w: w, kh: kh, kw: kw, ho: ho, wo: wo, geo: geo)
        let col = im.columns(x.value)
        let cols = n * ho * wo, rows = c * kh * kw
        // Y' [O, N·Ho·Wo] = W [O, C·kh·kw] · col, then y[n, o, :] = Y'[o, n, :] + b[o].
        var yp = [Float].uninitialized(o * cols)
        weight.value.data.withUnsafeBufferPointer { pw in col.withUnsafeBufferPointer { pc in yp.withUnsafeMutableBufferPointer { py in
            GEMM.run(false, false, o, cols, rows, 1, pw.baseAddress!, pc.baseAddress!, 0, py.baseAddress!)
        } } }
        let plane = ho * wo
        var y = Tensor.zeros([n, o, ho, wo])
        y.data.withUnsafeMutableBufferPointer { dst in yp.withUnsafeBufferPointer { src in
            for img in 0..<n { for oc in 0..<o {
                let b = bias?.value.data[oc] ?? 0
                let d = dst.baseAddress! + (img * o + oc) * plane, s = src.baseAddress! + oc * cols + img * plane
                for k in 0..<plane { d[k] = s[k] + b }
            } }
        } }
        let parents = bias.map { [x, weight, $0] } ?? [x, weight]
        return record("conv2d", y, parents) { g in
            // G' [O, N·Ho·Wo]: the output gradient with the batch moved next to the pixels.
            var gp = [Float].uninitialized(o * cols)
            var gb = [Float](repeating: 0, count: o)
            g.data.withUnsafeBufferPointer { src in gp.withUnsafeMutableBufferPointer { dst in
                for img in 0..<n { for oc in 0..<o {
                    let s = src.baseAddress! + (img * o + oc) * plane, d = dst.baseAddress! + oc * cols + img * plane
                    var acc: Float = 0
                    for k in 0..<plane { d[k] = s[k]; acc += s[k] }
                    gb[oc] += acc
                } }
            } }
            var gw = [Float].uninitialized(o * rows)
            var gx: Tensor? = nil
            gp.withUnsafeBufferPointer { pg in
                col.withUnsafeBufferPointer { pc in gw.withUnsafeMutableBufferPointer { pw in
                    GEMM.run(false, true, o, rows, cols, 1, pg.baseAddress!, pc.baseAddress!, 0, pw.baseAddress!)
                } }
                if x.requiresGrad {
                    var dcol = [Float].uninitialized(rows * cols)
                    weight.value.data.withUnsafeBufferPointer { pw in dcol.withUnsafeMutableBufferPointer { pd in
                        GEMM.run(true, false, rows, cols, o, 1, pw.baseAddress!, pg.baseAddress!, 0, pd.baseAddress!)
                    } }
                    gx = im.image(fromColumns: dcol)
                }
            }
            var grads: [Tensor?] = [gx, try Tensor(shape: weight.shape, data: gw)]
            if bias != nil { grads.append(Tensor(vector: gb)) }
            return grads
        }
    }
}

/// The index map between an image batch and its im2col matrix.
struct Im2Col {
    let n, c, h, w, kh, kw, ho, wo: Int
    let geo: ConvGeometry

    /// x: [N, C, H, W] → col: [C·kh·kw, N·Ho·Wo] (one row per (channel, kernel offset)).
    func columns(_ x: Tensor) -> [Float] {
        let cols = n * ho * wo
        var col = [Float](repeating: 0, count: c * kh * kw * cols)
        col.withUnsafeMutableBufferPointer { pc in
            x.data.withUnsafeBufferPointer { px in
                let (dst, src) = (pc.baseAddress!, px.baseAddress!)
                Parallel.chunks(c * kh * kw, minimumPerPart: 1) { _, range in
                    for r in range { visit(r) { d, s, count, step in
                        let out = dst + r * cols + d, input = src + s
                        if step == 1 { out.update(from: input, count: count) }
                        else { for k in 0..<count { out[k] = input[k * step] } }
                    } }
                }
            }
        }
        return col
    }

    /// dcol: [C·kh·kw, N·Ho·Wo] → dx: [N, C, H, W], adding every column entry onto its pixel.
    func image(fromColumns dcol: [Float]) -> Tensor {
        let cols = n * ho * wo, kk = kh * kw
        var dx = Tensor.zeros([n, c, h, w])
        dx.data.withUnsafeMutableBufferPointer { px in
            dcol.withUnsafeBufferPointer { pc in
                let (dst, src) = (px.baseAddress!, pc.baseAddress!)
                Parallel.chunks(c, minimumPerPart: 1) { _, channels in   // a channel's rows write only its pixels
                    for r in (channels.lowerBound * kk)..<(channels.upperBound * kk) { visit(r) { d, s, count, step in
                        let input = src + r * cols + d, out = dst + s
                        for k in 0..<count { out[k * step] += input[k] }
                    } }
                }
            }
        }
        return dx
    }

    /// For row r = (channel, i, j) of col, calls run(colOffset, pixelOffset, count, pixelStep)
    /// for each output row segment whose pixels lie inside the image (the rest stays zero).
    @inline(__always)
    func visit(_ r: Int, _ run: (Int, Int, Int, Int) -> Void) {
        let (ch, i, j) = (r / (kh * kw), (r / kw) % kh, r % kw)
        let (s, p, d) = (geo.stride, geo.padding, geo.dilation)
        // output columns v with 0 ≤ v·s − p + j·d < w
        let dx = j * d - p
        let v0 = dx >= 0 ? 0 : (-dx + s - 1) / s
        let v1 = min(wo, (w - 1 - dx) >= 0 ? (w - 1 - dx) / s + 1 : 0)
        guard v1 > v0 else { return }
        for img in 0..<n {
            for u in 0..<ho {
                let y = u * s - p + i * d
                guard y >= 0 && y < h else { continue }
                run((img * ho + u) * wo + v0, ((img * c + ch) * h + y) * w + v0 * s + dx, v1 - v0, s)
            }
        }
    }
}
