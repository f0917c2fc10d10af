/// NumPy broadcasting for elementwise ops: shapes are aligned at their last axes and an axis of
/// extent 1 (or a missing leading axis) stretches to the other's extent, e.g.
/// [8, 1, 5] ⊕ [3, 1] → [8, 3, 5]. Gradients flow back through ``Tensor/summed(to:)``.
enum Broadcast {
    /// The broadcast result shape, or a ShapeError naming `op` and both shapes.
    static func shape(_ a: [Int], _ b: [Int], op: String) throws -> [Int] {
        let r = max(a.count, b.count)
        var out = [Int](repeating: 1, count: r)
        for i in 0..<r {
            let x = i < r - a.count ? 1 : a[i - (r - a.count)]
            let y = i < r - b.count ? 1 : b[i - (r - b.count)]
            guard x == y || x == 1 || y == 1 else {
                throw ShapeError(op: op, message: "cannot broadcast \(a) with \(b): axis \(i) has extents \(x) and \(y)")
            }
            out[i] = x == 1 ? y : x
        }
        return out
    }

    /// Row-major strides of `shape` laid against `outShape` (same rank or fewer axes), 0 on
    /// every axis that is broadcast.
    static func strides(of shape: [Int], in outShape: [Int]) -> [Int] {
        let r = outShape.count, offset = r - shape.count
        var strides = [Int](repeating: 0, count: r)
        var s = 1
        for i in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[i + offset] = shape[i] == 1 ? 0 : s
            s *= shape[i]
        }
        return strides
    }

    /// Visits every position of `outShape` in row-major order, with the flat offsets into two
    /// broadcast operands; the last axis is the inner loop.
    @inline(__always)
    static func forEach(_ outShape: [Int], _ sa: [Int], _ sb: [Int], _ body: (Int, Int, Int, Int, Int, Int) -> Void) {
        // body(outStart, aStart, bStart, count, aStep, bStep) for one run along the last axis.
        let r = outShape.count
        guard r > 0 else { body(0, 0, 0, 1, 0, 0); return }
        let inner = outShape[r - 1]
        let outer = outShape.dropLast().reduce(1, *)
        guard inner > 0 && outer > 0 else { return }
        var index = [Int](repeating: 0, count: r)
        var ia = 0, ib = 0
        for o in 0..<outer {
            body(o * inner, ia, ib, inner, sa[r - 1], sb[r - 1])
            var axis = r - 2
            while axis >= 0 {            // odometer step over the outer axes
                index[axis] += 1; ia += sa[axis]; ib += sb[axis]
                if index[axis] < outShape[axis] { break }
                ia -= sa[axis] * index[axis]; ib -= sb[axis] * index[axis]; index[axis] = 0
                axis -= 1
            }
        }
    }
}

extension Tensor {
    /// f(a, b) elementwise with broadcasting.
    static func broadcasting(_ a: Tensor, _ b: Tensor, _ op: String, _ f: (Float, Float) -> Float) throws -> Tensor {
        if a.shape == b.shape {                      // written into a fresh buffer: no copy of a first
            var out = try Tensor(shape: a.shape, data: .uninitialized(a.count))
            out.data.withUnsafeMutableBufferPointer { o in
                a.data.withUnsafeBufferPointer { x in
                    b.data.withUnsafeBufferPointer { y in for i in 0..<o.count { o[i] = f(x[i], y[i]) } }
                }
            }
            return out
        }
        let shape = try Broadcast.shape(a.shape, b.shape, op: op)
        var out = Tensor.zeros(shape)
        let sa = Broadcast.strides(of: a.shape, in: shape), sb = Broadcast.strides(of: b.shape, in: shape)
        out.data.withUnsafeMutableBufferPointer { o in
            a.data.withUnsafeBufferPointer { x in
                b.data.withUnsafeBufferPointer { y in
                    Broadcast.forEach(shape, sa, sb) { os, ia, ib, n, da, db in
                        for j in 0..<n { o[os + j] = f(x[ia + j * da], y[ib + j * db]) }
                    }
                }
            }
        }
        return out
    }

    /// Sums a broadcast result back to `target` (the gradient of broadcasting): every axis that
    /// `target` lacks or holds with extent 1 is summed out.
    func summed(to target: [Int]) throws -> Tensor {
        if shape == target { return self }
        guard (try? Broadcast.shape(target, shape, op: "sum to shape")) == shape else {
            throw ShapeError(op: "sum to shape", message: "\(shape) is not a broadcast of \(target)")
        }
        var out = Tensor.zeros(target)
        let st = Broadcast.strides(of: target, in: shape), s = Broadcast.strides(of: shape, in: shape)
        out.data.withUnsafeMutableBufferPointer { o in
            data.withUnsafeBufferPointer { x in
                Broadcast.forEach(shape, s, st) { _, ix, it, n, dx, dt in
                    if dt == 0 {
                        var acc: Float = 0
                        for j in 0..<n { acc += x[ix + j * dx] }
                        o[it] += acc
                    } else {
                        for j in 0..<n { o[it + j * dt] += x[ix + j * dx] }
                    }
                }
            }
        }
        return out
    }
}
