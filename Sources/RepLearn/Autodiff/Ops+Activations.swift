import Foundation

/// Pointwise nonlinearities and softmax over an axis.
extension Variable {
    /// max(x, 0); derivative 1 where x > 0.
    public func relu() -> Variable {
        unary("relu", { max($0, 0) }, derivative: { x, _ in x > 0 ? 1 : 0 })
    }

    /// GELU, exact form as PyTorch's default: x·Φ(x) = ½x(1 + erf(x/√2)); derivative Φ(x) + x·φ(x).
    public func gelu() -> Variable {
        unary("gelu", { 0.5 * $0 * (1 + erf($0 * 0.70710678)) }, derivative: { x, _ in
            0.5 * (1 + erf(x * 0.70710678)) + x * 0.39894228 * Foundation.exp(-0.5 * x * x)
        })
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
            var gx = g
            y.alongAxis(ax) { offset, n, stride in
                gx.data.withUnsafeMutableBufferPointer { d in
                    y.data.withUnsafeBufferPointer { ys in
                        var dot: Float = 0
                        for i in 0..<n { dot += d[offset + i * stride] * ys[offset + i * stride] }
                        for i in 0..<n { let k = offset + i * stride; d[k] = ys[k] * (d[k] - dot) }
                    }
                }
            }
            return [gx]
        }
    }

    /// log softmax along `axis`: xᵢ − max − log Σⱼ e^{xⱼ − max}. Backward: g − softmax·Σg.
    public func logSoftmax(axis: Int = -1) throws -> Variable {
        let ax = try axes([axis], "logSoftmax")[0]
        let y = value.softmax(axis: ax, log: true)
        return Variable.record("logSoftmax", y, [self]) { g in
            var gx = g
            y.alongAxis(ax) { offset, n, stride in
                gx.data.withUnsafeMutableBufferPointer { d in
                    y.data.withUnsafeBufferPointer { ys in
                        var total: Float = 0
                        for i in 0..<n { total += d[offset + i * stride] }
                        for i in 0..<n { let k = offset + i * stride; d[k] -= Foundation.exp(ys[k]) * total }
                    }
                }
            }
            return [gx]
        }
    }
}

extension Tensor {
    /// Calls body(offset, n, stride) once per fibre along `axis` (n entries, `stride` apart).
    func alongAxis(_ axis: Int, _ body: (Int, Int, Int) -> Void) {
        let (outer, n, inner) = split(at: axis)
        for o in 0..<outer { for i in 0..<inner { body(o * n * inner + i, n, inner) } }
    }

    /// Softmax (or log-softmax) along `axis`, max-subtracted; the last axis runs in parallel.
    func softmax(axis: Int, log: Bool) -> Tensor {
        var out = self
        let (outer, n, inner) = split(at: axis)
        out.data.withUnsafeMutableBufferPointer { d in
            let base = d.baseAddress!
            Parallel.chunks(outer * inner, minimumPerPart: max(1, 8192 / max(n, 1))) { _, range in
                for f in range {
                    let (o, i) = (f / inner, f % inner)
                    let p = base + o * n * inner + i
                    var mx = -Float.infinity
                    for j in 0..<n { mx = max(mx, p[j * inner]) }
                    if mx == -.infinity { mx = 0 }
                    var s: Float = 0
                    for j in 0..<n { let e = Foundation.exp(p[j * inner] - mx); s += e; if !log { p[j * inner] = e } }
                    if log { let ls = mx + Foundation.log(s); for j in 0..<n { p[j * inner] -= ls } }
                    else { let inv = 1 / s; for j in 0..<n { p[j * inner] *= inv } }
                }
            }
        }
        return out
    }
}
