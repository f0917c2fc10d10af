/// 3×3 stride-1 "same" convolutions by Winograd's minimal filtering F(2×2, 3×3) (Lavin & Gray,
/// "Fast Algorithms for Convolutional Neural Networks", 2016): each 2×2 block of outputs is
///     Y = Aᵀ [ (G g Gᵀ) ⊙ (Bᵀ d B) ] A
/// with d the 4×4 input tile under it and g the 3×3 filter: 16 multiplications instead of 36.
///     Bᵀ = [1 0 −1 0; 0 1 1 0; 0 −1 1 0; 0 1 0 −1],  G = [1 0 0; ½ ½ ½; ½ −½ ½; 0 0 1],
///     Aᵀ = [1 1 1 0; 0 1 −1 −1].
/// Over channels the ⊙ becomes 16 matrix products, one per tile position ξ:
///     M[ξ] = V[ξ]·U[ξ],  V[ξ]: [tiles, C] (transformed tiles), U[ξ]: [C, O] (transformed filters).
/// Backward is the adjoint of each linear step: ∂M = A ∂Y Aᵀ, ∂U[ξ] = V[ξ]ᵀ·∂M[ξ] (then
/// ∂g = Gᵀ ∂U G), ∂V[ξ] = ∂M[ξ]·U[ξ]ᵀ (then ∂d = B ∂V Bᵀ, added onto the pixels it read).
///
/// Dilation d with padding d (output the input's size) is the same convolution on each of the
/// d² phases x[·, d·u + a, d·v + b]: a tile (a, b, tu, tv) reads rows (2tu + ρ − 1)·d + a and
/// columns (2tv + σ − 1)·d + b, ρ, σ < 4 (zeros outside the image), and writes outputs
/// (2tu + r)·d + a, (2tv + s)·d + b, r, s < 2. The transforms run on channels-last copies of a
/// group of images, eight channels per vector. Images are split over the cores in groups; each
/// core sums its groups' ∂U in its own buffer, added in core order (the same sums run to run).
struct Winograd {
    typealias F8 = SIMD8<Float>
    let c, h, w, o, d: Int
    /// Tiles per phase along each axis (a phase is h/d × w/d; a tile covers 2×2 of its outputs).
    let th, tw: Int
    var tilesPerImage: Int { d * d * th * tw }

    /// The convolutions this path takes: 3×3, stride 1, padding = dilation, sides divisible by
    /// the dilation, channels in multiples of 8 and at least 16 (below that the products are too
    /// small to win).
    static func applies(c: Int, o: Int, h: Int, w: Int, kh: Int, kw: Int, _ geo: ConvGeometry) -> Bool {
        kh == 3 && kw == 3 && geo.stride == 1 && geo.padding == geo.dilation && h % geo.dilation == 0
            && w % geo.dilation == 0 && c % 8 == 0 && o % 8 == 0 && min(c, o) >= minimumChannels
    }
    /// (A variable so that tests can send a convolution down the im2col path to compare.)
    nonisolated(unsafe) static var minimumChannels = 16
    /// Tiles per group of images (per core, per product).
    static let columns = 256

    init(c: Int, h: Int, w: Int, o: Int, dilation: Int) {
        (self.c, self.h, self.w, self.o, self.d) = (c, h, w, o, dilation)
        (th, tw) = ((h / dilation + 1) / 2, (w / dilation + 1) / 2)
    }

    /// Calls body(image, q, row0, col0) for every tile of `count` images, q = image·tiles + t in
    /// order: (row0, col0) is the pixel of the tile's first output; its input starts d rows and
    /// d columns before it.
    @inline(__always)
    func forEachTile(count: Int, _ body: (Int, Int, Int, Int) -> Void) {
        var q = 0
        for img in 0..<count {
            for a in 0..<d { for b in 0..<d { for tu in 0..<th { for tv in 0..<tw {
                body(img, q, 2 * tu * d + a, 2 * tv * d + b)
                q += 1
            } } } }
        }
    }

    // MARK: filters

    /// U[ξ][ch][oc] = (G g Gᵀ)[ξ] for every filter g = weight[oc, ch]: [16, C, O]. G on three
    /// values: [g0, ½(g0 + g1 + g2), ½(g0 − g1 + g2), g2].
    func filters(_ weight: UnsafePointer<Float>) -> [Float] {
        @inline(__always) func gm(_ g0: Float, _ g1: Float, _ g2: Float) -> SIMD4<Float> { SIMD4(g0, 0.5 * (g0 + g1 + g2), 0.5 * (g0 - g1 + g2), g2) }
        var u = [Float](repeating: 0, count: 16 * c * o)
        u.withUnsafeMutableBufferPointer { pu in Parallel.chunks(o, minimumPerPart: 16) { _, outputs in
            for oc in outputs { for ch in 0..<c {
                let g = weight + (oc * c + ch) * 9
                // G g: column j of the filter → a column of four; then G on each of the four rows.
                let k0 = gm(g[0], g[3], g[6]), k1 = gm(g[1], g[4], g[7]), k2 = gm(g[2], g[5], g[8])
                for i in 0..<4 {
                    let row = gm(k0[i], k1[i], k2[i])
                    for j in 0..<4 { pu[((4 * i + j) * c + ch) * o + oc] = row[j] }
                }
            } }
        } }
        return u
    }

    /// ∂g = Gᵀ ∂U G for every filter: ∂U: [16, C, O] → [O, C, 3, 3]. Gᵀ on four values:
    /// [x0 + ½(x1 + x2), ½(x1 − x2), ½(x1 + x2) + x3].
    func filterGradients(_ du: [Float]) -> [Float] {
        @inline(__always) func gt(_ x: SIMD4<Float>) -> SIMD4<Float> { SIMD4(x[0] + 0.5 * (x[1] + x[2]), 0.5 * (x[1] - x[2]), 0.5 * (x[1] + x[2]) + x[3], 0) }
        var dg = [Float](repeating: 0, count: o * c * 9)
        dg.withUnsafeMutableBufferPointer { pg in du.withUnsafeBufferPointer { pu in Parallel.chunks(o, minimumPerPart: 16) { _, outputs in
            for oc in outputs { for ch in 0..<c {
                @inline(__always) func x(_ xi: Int) -> Float { pu[(xi * c + ch) * o + oc] }
                // Gᵀ on each column of ∂U (→ three rows of four), then on each row.
                let c0 = gt(SIMD4(x(0), x(4), x(8), x(12))), c1 = gt(SIMD4(x(1), x(5), x(9), x(13)))
                let c2 = gt(SIMD4(x(2), x(6), x(10), x(14))), c3 = gt(SIMD4(x(3), x(7), x(11), x(15)))
                let out = (oc * c + ch) * 9
                for i in 0..<3 {
                    let row = gt(SIMD4(c0[i], c1[i], c2[i], c3[i]))
                    (pg[out + 3 * i], pg[out + 3 * i + 1], pg[out + 3 * i + 2]) = (row[0], row[1], row[2])
                }
            } }
        } } }
        return dg
    }

    // MARK: layouts

    /// Images first..<first+count of x: [N, ch, H, W] → channels last, [count, H, W, ch]: 4×4
    /// blocks (four channels × four pixels) transposed in registers (ch is a multiple of 8).
    static func channelsLast(_ x: UnsafePointer<Float>, channels ch: Int, plane: Int, first: Int, count: Int, into t: UnsafeMutablePointer<Float>) {
        for img in 0..<count {
            Tensor.transpose(x + (first + img) * ch * plane, rows: ch, cols: plane, into: t + img * plane * ch)
        }
    }

    /// The inverse of ``channelsLast(_:channels:plane:first:count:into:)``.
    static func channelsFirst(_ t: UnsafePointer<Float>, channels ch: Int, plane: Int, first: Int, count: Int, into x: UnsafeMutablePointer<Float>) {
        for img in 0..<count {
            Tensor.transpose(t + img * plane * ch, rows: plane, cols: ch, into: x + (first + img) * ch * plane)
        }
    }

    @inline(__always) static func load(_ p: UnsafePointer<Float>) -> F8 { UnsafeRawPointer(p).loadUnaligned(as: F8.self) }
    @inline(__always) static func store(_ v: F8, _ p: UnsafeMutablePointer<Float>) { UnsafeMutableRawPointer(p).storeBytes(of: v, as: F8.self) }

    // MARK: tiles

    /// Bᵀ applied to four values: [x0 − x2, x1 + x2, x2 − x1, x1 − x3].
    @inline(__always) static func bt(_ x0: F8, _ x1: F8, _ x2: F8, _ x3: F8) -> (F8, F8, F8, F8) { (x0 - x2, x1 + x2, x2 - x1, x1 - x3) }
    /// B (the adjoint of ``bt``): [x0, x1 − x2 + x3, x1 + x2 − x0, −x3].
    @inline(__always) static func b(_ x0: F8, _ x1: F8, _ x2: F8, _ x3: F8) -> (F8, F8, F8, F8) { (x0, x1 - x2 + x3, x1 + x2 - x0, F8() - x3) }
    /// Aᵀ applied to four values: [x0 + x1 + x2, x1 − x2 − x3].
    @inline(__always) static func at(_ x0: F8, _ x1: F8, _ x2: F8, _ x3: F8) -> (F8, F8) { (x0 + x1 + x2, x1 - x2 - x3) }
    /// A (the adjoint of ``at``): [g0, g0 + g1, g0 − g1, −g1].
    @inline(__always) static func a(_ g0: F8, _ g1: F8) -> (F8, F8, F8, F8) { (g0, g0 + g1, g0 - g1, F8() - g1) }

    /// The pixel offset of row y0 + (r − 1)·d, column x0 + (s − 1)·d in a channels-last image, or
    /// nil outside it.
    @inline(__always)
    func pixel(_ y0: Int, _ x0: Int, _ r: Int, _ s: Int, channels: Int) -> Int? {
        let (yy, xx) = (y0 + (r - 1) * d, x0 + (s - 1) * d)
        return yy >= 0 && yy < h && xx >= 0 && xx < w ? (yy * w + xx) * channels : nil
    }

    /// V[ξ][q][ch] = (Bᵀ d B)[ξ] for the tiles of a channels-last group xt: [count, H, W, C]
    /// (q = image·tiles + t): [16, T, C].
    func inputTiles(_ xt: UnsafePointer<Float>, count: Int, into v: UnsafeMutablePointer<Float>) {
        let stride16 = count * tilesPerImage * c
        forEachTile(count: count) { img, q, y0, x0 in
            let image = xt + img * h * w * c, dst = v + q * c
            for cb in Swift.stride(from: 0, to: c, by: 8) {
                @inline(__always) func x(_ k: Int) -> F8 { pixel(y0, x0, k / 4, k % 4, channels: c).map { Self.load(image + $0 + cb) } ?? F8() }
                // Bᵀ on each column of the tile, then B on each row of the result.
                let c0 = Self.bt(x(0), x(4), x(8), x(12)), c1 = Self.bt(x(1), x(5), x(9), x(13))
                let c2 = Self.bt(x(2), x(6), x(10), x(14)), c3 = Self.bt(x(3), x(7), x(11), x(15))
                let base = dst + cb
                Self.store4(Self.bt(c0.0, c1.0, c2.0, c3.0), base, stride16)
                Self.store4(Self.bt(c0.1, c1.1, c2.1, c3.1), base + 4 * stride16, stride16)
                Self.store4(Self.bt(c0.2, c1.2, c2.2, c3.2), base + 8 * stride16, stride16)
                Self.store4(Self.bt(c0.3, c1.3, c2.3, c3.3), base + 12 * stride16, stride16)
            }
        }
    }

    /// Stores the four vectors at p, p + stride, p + 2·stride, p + 3·stride.
    @inline(__always)
    static func store4(_ v: (F8, F8, F8, F8), _ p: UnsafeMutablePointer<Float>, _ stride: Int) {
        store(v.0, p); store(v.1, p + stride); store(v.2, p + 2 * stride); store(v.3, p + 3 * stride)
    }

    /// Adds the four vectors onto pixels s = 0 ..< 4 of tile row r, where they lie inside the image.
    @inline(__always)
    func add4(_ v: (F8, F8, F8, F8), _ image: UnsafeMutablePointer<Float>, _ y0: Int, _ x0: Int, _ r: Int, _ cb: Int) {
        func add(_ x: F8, _ s: Int) { if let p = pixel(y0, x0, r, s, channels: c) { Self.store(Self.load(image + p + cb) + x, image + p + cb) } }
        add(v.0, 0); add(v.1, 1); add(v.2, 2); add(v.3, 3)
    }

    /// ∂d = B ∂V Bᵀ for every tile, added onto the pixels of the channels-last dxt it read.
    func addInputGradients(_ dv: UnsafePointer<Float>, count: Int, into dxt: UnsafeMutablePointer<Float>) {
        let stride16 = count * tilesPerImage * c
        forEachTile(count: count) { img, q, y0, x0 in
            let image = dxt + img * h * w * c, src = dv + q * c
            for cb in Swift.stride(from: 0, to: c, by: 8) {
                @inline(__always) func g(_ xi: Int) -> F8 { Self.load(src + xi * stride16 + cb) }
                // B on each column of ∂V, then on each row: ∂d = B ∂V Bᵀ.
                let c0 = Self.b(g(0), g(4), g(8), g(12)), c1 = Self.b(g(1), g(5), g(9), g(13))
                let c2 = Self.b(g(2), g(6), g(10), g(14)), c3 = Self.b(g(3), g(7), g(11), g(15))
                add4(Self.b(c0.0, c1.0, c2.0, c3.0), image, y0, x0, 0, cb)
                add4(Self.b(c0.1, c1.1, c2.1, c3.1), image, y0, x0, 1, cb)
                add4(Self.b(c0.2, c1.2, c2.2, c3.2), image, y0, x0, 2, cb)
                add4(Self.b(c0.3, c1.3, c2.3, c3.3), image, y0, x0, 3, cb)
            }
        }
    }

    /// yt = Aᵀ M A + bias for every tile of the group, written channels-last, [count, H, W, O],
    /// where it lies inside the image.
    func outputTiles(_ m: UnsafePointer<Float>, count: Int, bias: UnsafePointer<Float>, into yt: UnsafeMutablePointer<Float>) {
        let stride16 = count * tilesPerImage * o
        forEachTile(count: count) { img, q, y0, x0 in
            let image = yt + img * h * w * o, src = m + q * o
            let right = x0 + d < w, down = y0 + d < h
            for ob in Swift.stride(from: 0, to: o, by: 8) {
                @inline(__always) func x(_ xi: Int) -> F8 { Self.load(src + xi * stride16 + ob) }
                let bv = Self.load(bias + ob)
                // Aᵀ on each column of M, then on each of the two rows.
                let c0 = Self.at(x(0), x(4), x(8), x(12)), c1 = Self.at(x(1), x(5), x(9), x(13))
                let c2 = Self.at(x(2), x(6), x(10), x(14)), c3 = Self.at(x(3), x(7), x(11), x(15))
                let top = Self.at(c0.0, c1.0, c2.0, c3.0), bottom = Self.at(c0.1, c1.1, c2.1, c3.1)
                let p00 = image + (y0 * w + x0) * o + ob
                Self.store(top.0 + bv, p00)
                if right { Self.store(top.1 + bv, p00 + d * o) }
                if down {
                    Self.store(bottom.0 + bv, p00 + d * w * o)
                    if right { Self.store(bottom.1 + bv, p00 + (d * w + d) * o) }
                }
            }
        }
    }

    /// ∂M = A ∂Y Aᵀ for every tile from the channels-last gradient gt: [count, H, W, O] → [16, T, O]
    /// (∂Y zero outside the image).
    func outputGradients(_ gt: UnsafePointer<Float>, count: Int, into dm: UnsafeMutablePointer<Float>) {
        let stride16 = count * tilesPerImage * o
        forEachTile(count: count) { img, q, y0, x0 in
            let image = gt + img * h * w * o, dst = dm + q * o
            let right = x0 + d < w, down = y0 + d < h
            for ob in Swift.stride(from: 0, to: o, by: 8) {
                let p00 = image + (y0 * w + x0) * o + ob
                let g00 = Self.load(p00), g01 = right ? Self.load(p00 + d * o) : F8()
                let g10 = down ? Self.load(p00 + d * w * o) : F8(), g11 = right && down ? Self.load(p00 + (d * w + d) * o) : F8()
                // A on the two rows (each a pair of columns), then A on the columns of each.
                let left = Self.a(g00, g10), rightCol = Self.a(g01, g11)
                let base = dst + ob
                Self.store4(Self.a(left.0, rightCol.0), base, stride16)
                Self.store4(Self.a(left.1, rightCol.1), base + 4 * stride16, stride16)
                Self.store4(Self.a(left.2, rightCol.2), base + 8 * stride16, stride16)
                Self.store4(Self.a(left.3, rightCol.3), base + 12 * stride16, stride16)
            }
        }
    }
}

extension Variable {
    static func conv2dWinograd(_ x: Variable, weight: Variable, bias: Variable?, _ wg: Winograd) throws -> Variable {
        let n = x.shape[0]
        let (c, o, h, w) = (wg.c, wg.o, wg.h, wg.w)
        let tiles = wg.tilesPerImage
        let group = max(1, min(n, Winograd.columns / tiles)), groups = (n + group - 1) / group
        let u = weight.value.data.withUnsafeBufferPointer { wg.filters($0.baseAddress!) }
        let biasValues = bias?.value.data ?? [Float](repeating: 0, count: o)
        let (big, image) = (16 * max(c, o) * group * tiles, group * h * w * max(c, o))
        var y = Tensor(shape: [n, o, h, w], uninitialized: n * o * h * w)
        _ = GEMM.singleThreadedBLAS
        x.value.data.withUnsafeBufferPointer { px in y.data.withUnsafeMutableBufferPointer { py in
        u.withUnsafeBufferPointer { pu in biasValues.withUnsafeBufferPointer { pb in
            let (X, Y, U, B) = (px.baseAddress!, py.baseAddress!, pu.baseAddress!, pb.baseAddress!)
            Parallel.chunks(groups, minimumPerPart: 1) { _, range in
                let v = UnsafeMutablePointer<Float>.allocate(capacity: big), m = UnsafeMutablePointer<Float>.allocate(capacity: big)
                let t = UnsafeMutablePointer<Float>.allocate(capacity: image)
                defer { v.deallocate(); m.deallocate(); t.deallocate() }
                for gi in range {
                    let (first, count) = (gi * group, min(group, n - gi * group))
                    let rows = count * tiles
                    Winograd.channelsLast(X, channels: c, plane: h * w, first: first, count: count, into: t)
                    wg.inputTiles(t, count: count, into: v)
                    for xi in 0..<16 {                                      // M[ξ] = V[ξ]·U[ξ]: [T, O]
                        GEMM.strided(false, false, rows, o, c, 1, v + xi * rows * c, c, U + xi * c * o, o, 0, m + xi * rows * o, o)
                    }
                    wg.outputTiles(m, count: count, bias: B, into: t)
                    Winograd.channelsFirst(t, channels: o, plane: h * w, first: first, count: count, into: Y)
                }
            }
        } } } }
        let parents = bias.map { [x, weight, $0] } ?? [x, weight]
        return record("conv2d", y, parents) { g in
            let parts = min(Parallel.cores, groups)
            var duParts = [Float](repeating: 0, count: parts * 16 * c * o)
            var dx = x.requiresGrad ? Tensor.zeros(x.shape) : Tensor.zeros([0])
            x.value.data.withUnsafeBufferPointer { px in g.data.withUnsafeBufferPointer { pg in u.withUnsafeBufferPointer { pu in
            duParts.withUnsafeMutableBufferPointer { pdu in dx.data.withUnsafeMutableBufferPointer { pdx in
                let (X, G, U, DU) = (px.baseAddress!, pg.baseAddress!, pu.baseAddress!, pdu.baseAddress!)
                let DX = x.requiresGrad ? pdx.baseAddress : nil
                Parallel.chunks(groups, minimumPerPart: 1) { part, range in
                    let v = UnsafeMutablePointer<Float>.allocate(capacity: big), dm = UnsafeMutablePointer<Float>.allocate(capacity: big)
                    let t = UnsafeMutablePointer<Float>.allocate(capacity: image)
                    defer { v.deallocate(); dm.deallocate(); t.deallocate() }
                    let du = DU + part * 16 * c * o
                    for gi in range {
                        let (first, count) = (gi * group, min(group, n - gi * group))
                        let rows = count * tiles
                        Winograd.channelsLast(X, channels: c, plane: h * w, first: first, count: count, into: t)
                        wg.inputTiles(t, count: count, into: v)
                        Winograd.channelsLast(G, channels: o, plane: h * w, first: first, count: count, into: t)
                        wg.outputGradients(t, count: count, into: dm)
                        for xi in 0..<16 {                                  // ∂U[ξ] += V[ξ]ᵀ·∂M[ξ]: [C, O]
                            GEMM.strided(true, false, c, o, rows, 1, v + xi * rows * c, c, dm + xi * rows * o, o, 1, du + xi * c * o, o)
                        }
                        guard let DX else { continue }
                        for xi in 0..<16 {                                  // ∂V[ξ] = ∂M[ξ]·U[ξ]ᵀ: [T, C]
                            GEMM.strided(false, true, rows, c, o, 1, dm + xi * rows * o, o, U + xi * c * o, o, 0, v + xi * rows * c, c)
                        }
                        t.update(repeating: 0, count: count * h * w * c)
                        wg.addInputGradients(v, count: count, into: t)
                        Winograd.channelsFirst(t, channels: c, plane: h * w, first: first, count: count, into: DX)
                    }
                }
            } } } } }
            var du = Array(duParts[0..<(16 * c * o)])
            for p in 1..<max(parts, 1) { for i in 0..<(16 * c * o) { du[i] += duParts[p * 16 * c * o + i] } }
            var grads: [Tensor?] = [x.requiresGrad ? dx : nil, try Tensor(shape: weight.shape, data: wg.filterGradients(du))]
            if bias != nil {
                var gb = [Float](repeating: 0, count: o)
                g.data.withUnsafeBufferPointer { pg in
                    for img in 0..<n { for oc in 0..<o { gb[oc] += VectorKernels.sum(pg.baseAddress! + (img * o + oc) * h * w, h * w) } }
                }
                grads.append(Tensor(vector: gb))
            }
            return grads
        }
    }
}
