/// 2-D convolution (cross-correlation, as every deep-learning library) by im2col + one sgemm.
///
/// x: [N, C, H, W], weight: [O, C, kh, kw], bias: [O] → y: [N, O, Ho, Wo] with
/// Ho = ⌊(H + 2p − d(kh − 1) − 1)/s⌋ + 1 (same for W), and
///     y[n, o, u, v] = b[o] + Σ_{c,i,j} w[o, c, i, j] · x[n, c, u·s − p + i·d, v·s − p + j·d]
/// (zero outside the image). im2col writes the receptive fields as the columns of
/// col: [C·kh·kw, Ho·Wo] per image, so that Y = W·col is one matrix product; backward is
/// ∂W = Σ_images G·colᵀ, ∂col = Wᵀ·G, and col2im adds ∂col back onto the pixels.
///
/// The batch is cut into groups of images (one image, or a few small ones side by side so that a
/// product has ≥ 256 columns), spread over the cores: each core's col stays in its cache, Y goes
/// straight into the NCHW output, and the backward recomputes col instead of keeping it. Each core
/// sums its groups' ∂W and ∂b in its own buffer; the buffers are added in core order (the same
/// sums run to run). 3×3 stride-1 convolutions whose output is the input's size (padding =
/// dilation) and whose channels come in eights take the Winograd path instead (Ops+Winograd.swift).
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
        if Winograd.applies(c: c, o: o, h: h, w: w, kh: kh, kw: kw, geo) {
            return try conv2dWinograd(x, weight: weight, bias: bias, Winograd(c: c, h: h, w: w, o: o, dilation: geo.dilation))
        }
        let plane = ho * wo, rows = c * kh * kw
        let group = max(1, min(n, 256 / plane)), groups = (n + group - 1) / group
        let im = Im2Col(c: c, h: h, w: w, kh: kh, kw: kw, ho: ho, wo: wo, geo: geo)
        let (xImage, yImage) = (c * h * w, o * plane)
        let biasValues = bias?.value.data
        var y = Tensor(shape: [n, o, ho, wo], uninitialized: n * o * plane)
        _ = GEMM.singleThreadedBLAS
        x.value.data.withUnsafeBufferPointer { px in weight.value.data.withUnsafeBufferPointer { pw in
        y.data.withUnsafeMutableBufferPointer { py in
            let (X, W, Y) = (px.baseAddress!, pw.baseAddress!, py.baseAddress!)
            Parallel.chunks(groups, minimumPerPart: 1) { _, range in
                let col = UnsafeMutablePointer<Float>.allocate(capacity: rows * group * plane)
                let out = UnsafeMutablePointer<Float>.allocate(capacity: group == 1 ? 0 : o * group * plane)
                defer { col.deallocate(); out.deallocate() }
                for gi in range {
                    let (first, count) = (gi * group, min(group, n - gi * group))
                    let cols = count * plane
                    im.columns(X + first * xImage, images: count, into: col)
                    // Y [O, count·plane] = W·col, one image straight into y (on top of its bias).
                    let dst = count == 1 ? Y + first * yImage : out
                    for oc in 0..<o { (dst + oc * cols).update(repeating: biasValues?[oc] ?? 0, count: cols) }
                    GEMM.strided(false, false, o, cols, rows, 1, W, rows, col, cols, 1, dst, cols)
                    if count > 1 {
                        for img in 0..<count { for oc in 0..<o {
                            (Y + (first + img) * yImage + oc * plane).update(from: out + oc * cols + img * plane, count: plane)
                        } }
                    }
                }
            }
        } } }
        let parents = bias.map { [x, weight, $0] } ?? [x, weight]
        return record("conv2d", y, parents) { g in
            let parts = min(Parallel.cores, groups)
            var gwParts = [Float](repeating: 0, count: parts * o * rows), gbParts = [Float](repeating: 0, count: parts * o)
            var dx = x.requiresGrad ? Tensor.zeros(x.shape) : Tensor.zeros([0])
            x.value.data.withUnsafeBufferPointer { px in weight.value.data.withUnsafeBufferPointer { pw in g.data.withUnsafeBufferPointer { pg in
            gwParts.withUnsafeMutableBufferPointer { pgw in gbParts.withUnsafeMutableBufferPointer { pgb in dx.data.withUnsafeMutableBufferPointer { pdx in
                let (X, W, G, GW, GB) = (px.baseAddress!, pw.baseAddress!, pg.baseAddress!, pgw.baseAddress!, pgb.baseAddress!)
                let DX = x.requiresGrad ? pdx.baseAddress : nil
                Parallel.chunks(groups, minimumPerPart: 1) { part, range in
                    let col = UnsafeMutablePointer<Float>.allocate(capacity: rows * group * plane)
                    let dcol = UnsafeMutablePointer<Float>.allocate(capacity: x.requiresGrad ? rows * group * plane : 0)   // (addColumns may zero some)
                    let gathered = UnsafeMutablePointer<Float>.allocate(capacity: group == 1 ? 0 : o * group * plane)
                    defer { col.deallocate(); dcol.deallocate(); gathered.deallocate() }
                    let (gw, gb) = (GW + part * o * rows, GB + part * o)
                    for gi in range {
                        let (first, count) = (gi * group, min(group, n - gi * group))
                        let cols = count * plane
                        // G [O, count·plane]: one image's gradient as it is, a few side by side.
                        var gm = UnsafePointer(G + first * yImage)
                        if count > 1 {
                            for img in 0..<count { for oc in 0..<o {
                                (gathered + oc * cols + img * plane).update(from: G + (first + img) * yImage + oc * plane, count: plane)
                            } }
                            gm = UnsafePointer(gathered)
                        }
                        for oc in 0..<o { gb[oc] += VectorKernels.sum(gm + oc * cols, cols) }
                        im.columns(X + first * xImage, images: count, into: col)
                        GEMM.strided(false, true, o, rows, cols, 1, gm, cols, col, cols, 1, gw, rows)          // ∂W += G·colᵀ
                        if let DX {
                            GEMM.strided(true, false, rows, cols, o, 1, W, rows, gm, cols, 0, dcol, cols)      // ∂col = Wᵀ·G
                            im.addColumns(dcol, images: count, into: DX + first * xImage)
                        }
                    }
                }
            } } } } } }
            var gw = Array(gwParts[0..<(o * rows)]), gb = Array(gbParts[0..<o])
            for p in 1..<max(parts, 1) {
                for i in 0..<(o * rows) { gw[i] += gwParts[p * o * rows + i] }
                for i in 0..<o { gb[i] += gbParts[p * o + i] }
            }
            var grads: [Tensor?] = [x.requiresGrad ? dx : nil, try Tensor(shape: weight.shape, data: gw)]
            if bias != nil { grads.append(Tensor(vector: gb)) }
            return grads
        }
    }
}

/// The index map between a few images and their im2col matrix.
struct Im2Col {
    let c, h, w, kh, kw, ho, wo: Int
    let geo: ConvGeometry

    /// `images` consecutive images at x ([images, C, H, W]) → col: [C·kh·kw, images·Ho·Wo] (one row
    /// per (channel, kernel offset); zero where the kernel reaches past the border).
    func columns(_ x: UnsafePointer<Float>, images: Int, into col: UnsafeMutablePointer<Float>) {
        let cols = images * ho * wo
        if sameSize {
            // Each image's run [k0, k1) is copied; what lies before and after it is zeroed here,
            // the wrapped entries inside it by `wrap`: every entry is written once.
            let plane = h * w
            for r in 0..<(c * kh * kw) {
                var covered = 0
                shifted(r, images) { d, s, count in
                    let out = col + r * cols + d, input = x + s
                    let lead = d - (d / plane) * plane
                    if lead > 0 { (out - lead).update(repeating: 0, count: lead) }
                    for k in 0..<count { out[k] = input[k] }
                    let tail = plane - lead - count
                    if tail > 0 { (out + count).update(repeating: 0, count: tail) }
                    covered += 1
                } wrap: { d, count in (col + r * cols + d).update(repeating: 0, count: count) }
                if covered == 0 { (col + r * cols).update(repeating: 0, count: cols) }
            }
            return
        }
        for r in 0..<(c * kh * kw) {
            let row = col + r * cols
            var next = 0                                   // entries of this row written so far
            visit(r, images) { d, s, count, step in
                if d > next { (row + next).update(repeating: 0, count: d - next) }
                let out = row + d, input = x + s
                if step == 1 { for k in 0..<count { out[k] = input[k] } }          // short rows: a loop beats memcpy
                else if step == 2 { Im2Col.gatherEven(input, into: out, count) }
                else { for k in 0..<count { out[k] = input[k * step] } }
                next = d + count
            }
            if cols > next { (row + next).update(repeating: 0, count: cols - next) }
        }
    }

    /// dcol: [C·kh·kw, images·Ho·Wo] → adds every column entry onto its pixel of dx ([images, C, H, W]).
    /// (Same-size convolutions first zero dcol's entries that fall off the image's side.)
    func addColumns(_ dcol: UnsafeMutablePointer<Float>, images: Int, into dx: UnsafeMutablePointer<Float>) {
        let cols = images * ho * wo
        if sameSize {
            for r in 0..<(c * kh * kw) {
                shifted(r, images) { _, _, _ in } wrap: { d, count in (dcol + r * cols + d).update(repeating: 0, count: count) }
                shifted(r, images) { d, s, count in
                    let input = dcol + r * cols + d, out = dx + s
                    for k in 0..<count { out[k] += input[k] }
                } wrap: { _, _ in }
            }
            return
        }
        for r in 0..<(c * kh * kw) { visit(r, images) { d, s, count, step in
            let input = dcol + r * cols + d, out = dx + s
            if step == 1 { for k in 0..<count { out[k] += input[k] } }
            else if step == 2 { Im2Col.addEven(input, into: out, count) }
            else { for k in 0..<count { out[k * step] += input[k] } }
        } }
    }

    /// out[k] = input[2k], k < count: eight at a time as the even lanes of two loads.
    @inline(__always)
    static func gatherEven(_ input: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, _ count: Int) {
        var k = 0
        while k + 8 <= count {                           // reads input[2k ... 2k + 14]: nothing past input[2(count − 1)]
            let a = UnsafeRawPointer(input + 2 * k).loadUnaligned(as: SIMD8<Float>.self)
            let b = UnsafeRawPointer(input + 2 * k + 7).loadUnaligned(as: SIMD8<Float>.self)   // its odd lanes: 2k + 8, …, 2k + 14
            UnsafeMutableRawPointer(out + k).storeBytes(of: SIMD8(lowHalf: a.evenHalf, highHalf: b.oddHalf), as: SIMD8<Float>.self)
            k += 8
        }
        while k < count { out[k] = input[2 * k]; k += 1 }
    }

    /// out[2k] += input[k], k < count: four at a time into the even lanes of out[2k ..< 2k + 8].
    @inline(__always)
    static func addEven(_ input: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, _ count: Int) {
        var k = 0
        while k + 4 < count {                            // touches out[2k ..< 2k + 8]; 2k + 7 < 2·count − 1
            let raw = UnsafeMutableRawPointer(out + 2 * k)
            var o = raw.loadUnaligned(as: SIMD8<Float>.self)
            o.evenHalf += UnsafeRawPointer(input + k).loadUnaligned(as: SIMD4<Float>.self)
            raw.storeBytes(of: o, as: SIMD8<Float>.self)
            k += 4
        }
        while k < count { out[2 * k] += input[k]; k += 1 }
    }

    /// Stride 1 with the output the input's size (padding = dilation·(k − 1)/2): row r = (channel,
    /// i, j) of col is the channel's plane shifted by dy = i·d − p rows and dx = j·d − p columns.
    var sameSize: Bool { geo.stride == 1 && ho == h && wo == w }

    /// For a same-size convolution's row r, per image: run(colOffset, pixelOffset, count) for the one
    /// flat run of the plane that the shift keeps inside it, then wrap(colOffset, count) for the
    /// entries of that run that came from the next or previous image row (|dx| per row): col must be
    /// zero there, which `run` does not know.
    @inline(__always)
    func shifted(_ r: Int, _ n: Int, _ run: (Int, Int, Int) -> Void, wrap: (Int, Int) -> Void) {
        let (ch, i, j) = (r / (kh * kw), (r / kw) % kh, r % kw)
        let (dy, dx) = (i * geo.dilation - geo.padding, j * geo.dilation - geo.padding)
        let plane = h * w, shift = dy * w + dx
        let (u0, u1) = (max(0, -dy), min(h, h - dy))                  // output rows whose input row exists
        guard u1 > u0, abs(dx) < w else { return }
        let k0 = max(u0 * w, -shift), k1 = min(u1 * w, plane - shift)
        for img in 0..<n {
            let colBase = img * plane, pixelBase = (img * c + ch) * plane
            run(colBase + k0, pixelBase + k0 + shift, k1 - k0)
            if dx == 0 { continue }
            for u in u0..<u1 { wrap(colBase + u * w + (dx < 0 ? 0 : w - dx), abs(dx)) }
        }
    }

    /// For row r = (channel, i, j) of col, calls run(colOffset, pixelOffset, count, pixelStep)
    /// for each output row segment whose pixels lie inside the image (the rest stays zero).
    @inline(__always)
    func visit(_ r: Int, _ n: Int, _ run: (Int, Int, Int, Int) -> Void) {
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
