extension Tensor {
    /// [n, k] → [k, n].
    public func transposed() throws -> Tensor {
        try expectShape([-1, -1], "transposed")
        let (n, k) = (shape[0], shape[1])
        guard n * k > 0 else { return Tensor.zeros([k, n]) }
        var out = Tensor(shape: [k, n], uninitialized: n * k)            // every entry is written below
        data.withUnsafeBufferPointer { src in out.data.withUnsafeMutableBufferPointer { dst in
            Tensor.transpose(src.baseAddress!, rows: n, cols: k, into: dst.baseAddress!)
        } }
        return out
    }

    /// dst[j, i] = src[i, j] for a row-major [rows, cols] matrix: whole 4×4 blocks transposed in
    /// registers, the edges one by one.
    static func transpose(_ src: UnsafePointer<Float>, rows: Int, cols: Int, into dst: UnsafeMutablePointer<Float>) {
        typealias F4 = SIMD4<Float>
        let (r4, c4) = (rows & ~3, cols & ~3)
        for i in Swift.stride(from: 0, to: r4, by: 4) {
            for j in Swift.stride(from: 0, to: c4, by: 4) {
                @inline(__always) func row(_ k: Int) -> F4 { UnsafeRawPointer(src + (i + k) * cols + j).loadUnaligned(as: F4.self) }
                let (a, b, c, d) = (row(0), row(1), row(2), row(3))
                @inline(__always) func put(_ v: F4, _ k: Int) { UnsafeMutableRawPointer(dst + (j + k) * rows + i).storeBytes(of: v, as: F4.self) }
                put(F4(a[0], b[0], c[0], d[0]), 0); put(F4(a[1], b[1], c[1], d[1]), 1)
                put(F4(a[2], b[2], c[2], d[2]), 2); put(F4(a[3], b[3], c[3], d[3]), 3)
            }
            for j in c4..<cols { for k in 0..<4 { dst[j * rows + i + k] = src[(i + k) * cols + j] } }
        }
        for i in r4..<rows { for j in 0..<cols { dst[j * rows + i] = src[i * cols + j] } }
    }
}
