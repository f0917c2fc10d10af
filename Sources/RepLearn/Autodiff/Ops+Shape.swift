/// Ops that move values without arithmetic: reshape, permute, concatenate, slice, gather and
/// scatter. Each backward moves the gradient back the way the value came.
extension Tensor {
    /// Axes reordered: output axis i is input axis `order[i]` ([2, 3, 4], order [2, 0, 1] → [4, 2, 3]).
    func permuted(_ order: [Int]) -> Tensor {
        let r = shape.count
        let outShape = order.map { shape[$0] }
        var inStrides = [Int](repeating: 1, count: r)
        for i in stride(from: r - 2, through: 0, by: -1) { inStrides[i] = inStrides[i + 1] * shape[i + 1] }
        let s = order.map { inStrides[$0] }                     // input stride of each output axis
        let o = Broadcast.strides(of: outShape, in: outShape)
        var out = try! Tensor(shape: outShape, data: .uninitialized(count))     // every entry is written below
        out.data.withUnsafeMutableBufferPointer { dst in
            data.withUnsafeBufferPointer { src in
                Broadcast.forEach(outShape, o, s) { os, _, isrc, n, _, step in
                    if step == 1 { for j in 0..<n { dst[os + j] = src[isrc + j] } }
                    else { for j in 0..<n { dst[os + j] = src[isrc + j * step] } }
                }
            }
        }
        return out
    }

    /// (outer, extent, inner) of a tensor viewed around `axis`.
    func split(at axis: Int) -> (Int, Int, Int) {
        (shape[..<axis].reduce(1, *), shape[axis], shape[(axis + 1)...].reduce(1, *))
    }
}

extension Variable {
    /// Same values, new shape with the same count.
    public func reshaped(_ newShape: [Int]) throws -> Variable {
        let old = shape
        return Variable.record("reshape", try value.reshaped(newShape), [self]) { g in [try g.reshaped(old)] }
    }

    /// Axes reordered (output axis i is input axis `order[i]`); backward applies the inverse order.
    public func permuted(_ order: [Int]) throws -> Variable {
        guard order.sorted() == Array(0..<shape.count) else {
            throw ShapeError(op: "permute", message: "order \(order) is not a permutation of the \(shape.count) axes of \(shape)")
        }
        var inverse = order
        for (i, a) in order.enumerated() { inverse[a] = i }
        return Variable.record("permute", value.permuted(order), [self]) { g in [g.permuted(inverse)] }
    }

    /// Swaps two axes.
    public func transposed(_ a: Int = -2, _ b: Int = -1) throws -> Variable {
        let ax = try axes([a, b], "transpose")
        var order = Array(0..<shape.count)
        order.swapAt(ax[0], ax[1])
        return try permuted(order)
    }

    /// Joins tensors along `axis`; all other extents must agree.
    public static func concatenate(_ parts: [Variable], axis: Int) throws -> Variable {
        guard let first = parts.first else { throw ShapeError(op: "concatenate", message: "nothing to concatenate") }
        let ax = try first.axes([axis], "concatenate")[0]
        for p in parts where p.shape.count != first.shape.count || p.shape.enumerated().contains(where: { $0.offset != ax && $0.element != first.shape[$0.offset] }) {
            throw ShapeError(op: "concatenate", message: "cannot join \(p.shape) with \(first.shape) along axis \(ax)")
        }
        let extents = parts.map { $0.shape[ax] }
        var outShape = first.shape; outShape[ax] = extents.reduce(0, +)
        var out = Tensor.zeros(outShape)
        let (outer, total, inner) = out.split(at: ax)
        var offset = 0
        for p in parts {
            let n = p.shape[ax]
            for o in 0..<outer {
                let dst = (o * total + offset) * inner, src = o * n * inner
                out.data.replaceSubrange(dst..<(dst + n * inner), with: p.value.data[src..<(src + n * inner)])
            }
            offset += n
        }
        return record("concatenate", out, parts) { g in
            var start = 0
            return try extents.map { n in
                defer { start += n }
                return try g.slice(axis: ax, start..<(start + n))
            }
        }
    }

    /// Entries `range` along `axis`: [..., n, ...] → [..., range.count, ...].
    public func sliced(axis: Int, _ range: Range<Int>) throws -> Variable {
        let ax = try axes([axis], "slice")[0]
        guard range.lowerBound >= 0 && range.upperBound <= shape[ax] else {
            throw ShapeError(op: "slice", message: "range \(range) outside 0..<\(shape[ax]) on axis \(ax) of \(shape)")
        }
        let inShape = shape
        return Variable.record("slice", try value.slice(axis: ax, range), [self]) { g in
            var full = Tensor.zeros(inShape)
            let (outer, n, inner) = full.split(at: ax)
            for o in 0..<outer {
                let dst = (o * n + range.lowerBound) * inner, src = o * range.count * inner
                full.data.replaceSubrange(dst..<(dst + range.count * inner), with: g.data[src..<(src + range.count * inner)])
            }
            return [full]
        }
    }

    /// Picks entries along `axis`: out[o, j, i] = x[o, idx[j], i], where o runs over the axes
    /// before `axis` and i over those after; [..., n, ...] → [..., m, ...]. Backward scatters
    /// (adds) the gradient back.
    public func gathered(axis: Int, indices: [Int]) throws -> Variable {
        try gathered(axis: axis, flat: indices, perOuter: false)
    }

    /// As ``gathered(axis:indices:)`` with its own m indices for each leading position o:
    /// out[o, j, i] = x[o, idx[o][j], i] (e.g. per-sample token orders, [B][m] on [B, N, D], axis 1).
    public func gathered(axis: Int, indices: [[Int]]) throws -> Variable {
        let m = indices.first?.count ?? 0
        guard indices.allSatisfy({ $0.count == m }) else {
            throw ShapeError(op: "gather", message: "every leading position needs the same number of indices")
        }
        return try gathered(axis: axis, flat: indices.flatMap { $0 }, perOuter: true)
    }

    func gathered(axis: Int, flat indices: [Int], perOuter: Bool) throws -> Variable {
        let ax = try axes([axis], "gather")[0]
        let (outer, n, inner) = value.split(at: ax)
        if perOuter && indices.count % max(outer, 1) != 0 || perOuter && outer == 0 {
            throw ShapeError(op: "gather", message: "\(indices.count) indices for \(outer) leading positions of \(shape)")
        }
        let m = perOuter ? indices.count / outer : indices.count
        if let bad = indices.first(where: { $0 < 0 || $0 >= n }) {
            throw ShapeError(op: "gather", message: "index \(bad) outside 0..<\(n) on axis \(ax) of \(shape)")
        }
        var outShape = shape; outShape[ax] = m
        let out = Tensor.zeros(outShape)
        let moved = Self.move(value, into: out, outer: outer, inner: inner, from: n, to: m, indices, perOuter, gather: true)
        let inShape = shape
        return Variable.record("gather", moved, [self]) { g in
            [Self.move(g, into: Tensor.zeros(inShape), outer: outer, inner: inner, from: m, to: n, indices, perOuter, gather: false)]
        }
    }

    /// The inverse placement of ``gathered(axis:indices:)``: a zero tensor with extent `size` on
    /// `axis` whose entries idx[j] receive x[o, j] (added where an index repeats).
    public func scattered(axis: Int, indices: [Int], size: Int) throws -> Variable {
        try scattered(axis: axis, flat: indices, perOuter: false, size: size)
    }

    /// As ``scattered(axis:indices:size:)`` with its own indices per leading position.
    public func scattered(axis: Int, indices: [[Int]], size: Int) throws -> Variable {
        try scattered(axis: axis, flat: indices.flatMap { $0 }, perOuter: true, size: size)
    }

    func scattered(axis: Int, flat indices: [Int], perOuter: Bool, size: Int) throws -> Variable {
        let ax = try axes([axis], "scatter")[0]
        let (outer, m, inner) = value.split(at: ax)
        guard indices.count == (perOuter ? outer * m : m) else {
            throw ShapeError(op: "scatter", message: "\(indices.count) indices for \(m) entries on axis \(ax) of \(shape)")
        }
        if let bad = indices.first(where: { $0 < 0 || $0 >= size }) {
            throw ShapeError(op: "scatter", message: "index \(bad) outside 0..<\(size)")
        }
        var outShape = shape; outShape[ax] = size
        let out = Self.move(value, into: Tensor.zeros(outShape), outer: outer, inner: inner, from: m, to: size, indices, perOuter, gather: false)
        let inShape = shape
        return Variable.record("scatter", out, [self]) { g in
            [Self.move(g, into: Tensor.zeros(inShape), outer: outer, inner: inner, from: size, to: m, indices, perOuter, gather: true)]
        }
    }

    /// gather: dst[o, j] = src[o, idx(o, j)]; scatter: dst[o, idx(o, j)] += src[o, j] (rows of `inner`).
    static func move(_ src: Tensor, into dst: Tensor, outer: Int, inner: Int, from n: Int, to m: Int,
                     _ indices: [Int], _ perOuter: Bool, gather: Bool) -> Tensor {
        var out = dst
        let count = gather ? m : n          // entries of the index list per leading position
        out.data.withUnsafeMutableBufferPointer { d in
            src.data.withUnsafeBufferPointer { s in
                indices.withUnsafeBufferPointer { idx in
                    for o in 0..<outer { for j in 0..<count {
                        let k = idx[perOuter ? o * count + j : j]
                        if gather {
                            let (a, b) = ((o * m + j) * inner, (o * n + k) * inner)
                            for i in 0..<inner { d[a + i] = s[b + i] }
                        } else {
                            let (a, b) = ((o * m + k) * inner, (o * n + j) * inner)
                            for i in 0..<inner { d[a + i] += s[b + i] }
                        }
                    } }
                }
            }
        }
        return out
    }
}

extension Tensor {
    /// Entries `range` along `axis` (no gradient).
    func slice(axis: Int, _ range: Range<Int>) throws -> Tensor {
        let (outer, n, inner) = split(at: axis)
        var outShape = shape; outShape[axis] = range.count
        var out = [Float](); out.reserveCapacity(outer * range.count * inner)
        for o in 0..<outer {
            let s = (o * n + range.lowerBound) * inner
            out.append(contentsOf: data[s..<(s + range.count * inner)])
        }
        return try Tensor(shape: outShape, data: out)
    }
}
