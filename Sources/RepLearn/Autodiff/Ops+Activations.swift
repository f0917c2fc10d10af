import Foundation

/// Pointwise nonlinearities and softmax over an axis.
extension Variable {
    /// max(x, 0); derivative 1 where x > 0.
    public func relu() -> Variable {
        // unary("relu", { max($0, 0) }, derivative: { x, _ in x > 0 ? 1 : 0 }), eight lanes at a
        // time and split across cores (ReLU follows every conv: millions of entries).
        let x = value
        var y = Tensor(shape: shape, uninitialized: value.count)
        x.data.withUnsafeBufferPointer { src in y.data.withUnsafeMutableBufferPointer { dst in
            let (xs, ys) = (src.baseAddress!, dst.baseAddress!)
            Parallel.chunks(x.count, minimumPerPart: 1 << 16) { _, r in
                Self.select(r, xs, xs, ys)
            }
        } }
        return Variable.record("relu", y, [self]) { g in
            var gx = Tensor(shape: g.shape, uninitialized: g.count)
            x.data.withUnsafeBufferPointer { src in g.data.withUnsafeBufferPointer { grad in gx.data.withUnsafeMutableBufferPointer { dst in
                let (xs, gs, ds) = (src.baseAddress!, grad.baseAddress!, dst.baseAddress!)
                Parallel.chunks(g.count, minimumPerPart: 1 << 16) { _, r in
                    Self.select(r, xs, gs, ds)
                }
            } } }
            return [gx]
        }
    }

    /// out[i] = x[i] > 0 ? v[i] : 0 for i in r (0 for NaN x, as the scalar form), eight lanes at a time.
    @inline(__always)
    static func select(_ r: Range<Int>, _ x: UnsafePointer<Float>, _ v: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>) {
        typealias F8 = SIMD8<Float>
        var i = r.lowerBound
        while i + 8 <= r.upperBound {
            let xv = UnsafeRawPointer(x + i).loadUnaligned(as: F8.self), vv = UnsafeRawPointer(v + i).loadUnaligned(as: F8.self)
            UnsafeMutableRawPointer(out + i).storeBytes(of: F8(repeating: 0).replacing(with: vv, where: xv .> 0), as: F8.self)
            i += 8
        }
        while i < r.upperBound { out[i] = x[i] > 0 ? v[i] : 0; i += 1 }
    }

    /// GELU, exact form as PyTorch's default: x·Φ(x) = ½x(1 + erf(x/√2)); derivative Φ(x) + x·φ(x).
    /// (erf to 1.5e-7, vectorised.)
    public func gelu() -> Variable {
        typealias F8 = SIMD8<Float>
        let x = value
        var y = Tensor(shape: shape, uninitialized: value.count), phi = y   // Φ(x) is kept for the backward
        x.data.withUnsafeBufferPointer { src in y.data.withUnsafeMutableBufferPointer { dst in phi.data.withUnsafeMutableBufferPointer { cdf in
            Parallel.chunks(x.count, minimumPerPart: 1 << 15) { _, r in
                let (xs, ys, cs) = (src.baseAddress! + r.lowerBound, dst.baseAddress! + r.lowerBound, cdf.baseAddress! + r.lowerBound)
                FastMath.map(xs, cs, r.count) { v in 0.5 * (1 + FastMath.erf(v * 0.70710678)) }
                for i in 0..<r.count { ys[i] = xs[i] * cs[i] }
            }
        } } }
        return Variable.record("gelu", y, [self]) { g in
            var gx = Tensor(shape: g.shape, uninitialized: g.count)   // g·(Φ(x) + x·φ(x)), φ(x) = e^{−x²/2}/√(2π)
            x.data.withUnsafeBufferPointer { src in phi.data.withUnsafeBufferPointer { cdf in
            g.data.withUnsafeBufferPointer { grad in gx.data.withUnsafeMutableBufferPointer { dst in
                Parallel.chunks(x.count, minimumPerPart: 1 << 15) { _, r in
                    let (xs, cs) = (src.baseAddress! + r.lowerBound, cdf.baseAddress! + r.lowerBound)
                    let (gin, gs) = (grad.baseAddress! + r.lowerBound, dst.baseAddress! + r.lowerBound)
                    var i = 0
                    while i + 8 <= r.count {
                        let v = UnsafeRawPointer(xs + i).loadUnaligned(as: F8.self)
                        let d = UnsafeRawPointer(cs + i).loadUnaligned(as: F8.self) + v * 0.39894228 * FastMath.exp(-0.5 * v * v)
                        let gv = UnsafeRawPointer(gin + i).loadUnaligned(as: F8.self)
                        UnsafeMutableRawPointer(gs + i).storeBytes(of: gv * d, as: F8.self)
                        i += 8
                    }
                    while i < r.count { gs[i] = gin[i] * (cs[i] + xs[i] * 0.39894228 * Foundation.exp(-0.5 * xs[i] * xs[i])); i += 1 }
                }
            } } } }
            return [gx]
        }
    }

    /// σ(x) = 1/(1 + e⁻ˣ); derivative σ(1 − σ).
    public func sigmoid() -> Variable {
        unary("sigmoid", { 1 / (1 + Foundation.exp(-$0)) }, derivative: { _, y in y * (1 - y) })
    }

    /// tanh x; derivative 1 − tanh².
    public func tanh() -> Variable { unary("tanh", { Foundation.tanh($0) }, derivative: { _, y in 1 - y * y }) }

    /// softmax along `axis`: yᵢ = e^{xᵢ − max} / Σⱼ e^{xⱼ − max}. Backward: y ⊙ (g − ⟨g, y⟩).
    public func softmax(axis: Int = -1) throws -> Variable {
        let ax = try axes([axis], "softmax")[0]
        let y = value.softmax(axis: ax, log: false)
        return Variable.record("softmax", y, [self]) { g in
            [Tensor.blockwise(g, y, axis: ax) { gp, yp, n, inner in
                if inner == 1 {
                    var dot: Float = 0
                    for j in 0..<n { dot += gp[j] * yp[j] }
                    for j in 0..<n { gp[j] = yp[j] * (gp[j] - dot) }
                    return
                }
                var dot = [Float](repeating: 0, count: inner)
                for j in 0..<n { for i in 0..<inner { dot[i] += gp[j * inner + i] * yp[j * inner + i] } }
                for j in 0..<n { for i in 0..<inner { let k = j * inner + i; gp[k] = yp[k] * (gp[k] - dot[i]) } }
            }]
        }
    }

    /// log softmax along `axis`: xᵢ − max − log Σⱼ e^{xⱼ − max}. Backward: g − softmax·Σg.
    public func logSoftmax(axis: Int = -1) throws -> Variable {
        let ax = try axes([axis], "logSoftmax")[0]
        let y = value.softmax(axis: ax, log: true)
        return Variable.record("logSoftmax", y, [self]) { g in
            [Tensor.blockwise(g, y, axis: ax) { gp, yp, n, inner in
                var total = [Float](repeating: 0, count: inner)
                for j in 0..<n { for i in 0..<inner { total[i] += gp[j * inner + i] } }
                let e = UnsafeMutablePointer<Float>.allocate(capacity: n * inner)
                defer { e.deallocate() }
                e.update(from: yp, count: n * inner)
                FastMath.expInPlace(e, n * inner)
                for j in 0..<n { for i in 0..<inner { let k = j * inner + i; gp[k] -= e[k] * total[i] } }
            }]
        }
    }
}

extension Tensor {
    /// One contiguous row in place (the common case: classes on the last axis).
    static func softmaxRow(_ p: UnsafeMutablePointer<Float>, _ n: Int, _ log: Bool) {
        var mx = -Float.infinity
        for j in 0..<n { mx = max(mx, p[j]) }
        if mx == -.infinity { mx = 0 }
        for j in 0..<n { p[j] -= mx }
        if log {
            var s: Float = 0
            for j in 0..<n { s += Foundation.exp(p[j]) }
            let ls = Foundation.log(s)
            for j in 0..<n { p[j] -= ls }
        } else {
            FastMath.expInPlace(p, n)
            var s: Float = 0
            for j in 0..<n { s += p[j] }
            let inv = 1 / s
            for j in 0..<n { p[j] *= inv }
        }
    }

    /// A copy of `g` passed block by block ([n, inner] around `axis`) with the same block of `y`
    /// to `body(gBlock, yBlock, n, inner)`, which rewrites the gradient block in place.
    static func blockwise(_ g: Tensor, _ y: Tensor, axis: Int,
                          _ body: @escaping (UnsafeMutablePointer<Float>, UnsafePointer<Float>, Int, Int) -> Void) -> Tensor {
        var gx = g
        let (outer, n, inner) = y.split(at: axis)
        gx.data.withUnsafeMutableBufferPointer { gp in y.data.withUnsafeBufferPointer { yp in
            let (G, Y) = (gp.baseAddress!, yp.baseAddress!)
            Parallel.chunks(outer, minimumPerPart: max(1, 8192 / max(n * inner, 1))) { _, blocks in
                for o in blocks { body(G + o * n * inner, Y + o * n * inner, n, inner) }
            }
        } }
        return gx
    }

    /// Softmax (or log-softmax) along `axis` (no tape), max-subtracted. Works on each [n, inner] block:
    /// maxima and sums run across the inner (contiguous) positions, eˣ over the whole block at once.
    public func softmax(axis: Int, log: Bool) -> Tensor {
        var out = self
        let (outer, n, inner) = split(at: axis)
        out.data.withUnsafeMutableBufferPointer { d in
            let base = d.baseAddress!
            if inner == 1 {
                Parallel.chunks(outer, minimumPerPart: max(1, 8192 / max(n, 1))) { _, rows in
                    for o in rows { Self.softmaxBlock(base + o * n, n, 1, log) }
                }
            } else {
                Parallel.chunks(outer, minimumPerPart: max(1, 8192 / max(n * inner, 1))) { _, blocks in
                    for o in blocks { Self.softmaxBlock(base + o * n * inner, n, inner, log) }
                }
            }
        }
        return out
    }

    /// One [n, inner] block in place: each of the `inner` columns becomes its (log-)softmax.
    static func softmaxBlock(_ p: UnsafeMutablePointer<Float>, _ n: Int, _ inner: Int, _ log: Bool) {
        if inner == 1 { softmaxRow(p, n, log); return }
        var mx = [Float](repeating: -.infinity, count: inner), sum = [Float](repeating: 0, count: inner)
        for j in 0..<n { let row = p + j * inner; for i in 0..<inner { mx[i] = max(mx[i], row[i]) } }
        for i in 0..<inner where mx[i] == -.infinity { mx[i] = 0 }
        for j in 0..<n { let row = p + j * inner; for i in 0..<inner { row[i] -= mx[i] } }
        if log {
            // log softmax = (x − max) − log Σ e^{x − max}: the exponentials go to a scratch copy.
            let e = UnsafeMutablePointer<Float>.allocate(capacity: n * inner)
            defer { e.deallocate() }
            e.update(from: p, count: n * inner)
            FastMath.expInPlace(e, n * inner)
            for j in 0..<n { let row = e + j * inner; for i in 0..<inner { sum[i] += row[i] } }
            for i in 0..<inner { sum[i] = Foundation.log(sum[i]) }
            for j in 0..<n { let row = p + j * inner; for i in 0..<inner { row[i] -= sum[i] } }
        } else {
            FastMath.expInPlace(p, n * inner)
            for j in 0..<n { let row = p + j * inner; for i in 0..<inner { sum[i] += row[i] } }
            for i in 0..<inner { sum[i] = 1 / sum[i] }
            for j in 0..<n { let row = p + j * inner; for i in 0..<inner { row[i] *= sum[i] } }
        }
    }
}
