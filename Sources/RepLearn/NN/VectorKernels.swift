/// Small dense kernels on raw pointers (the word2vec trainer, d ≈ 100; conv's bias gradient): eight lanes at a time.
enum VectorKernels {
    typealias F8 = SIMD8<Float>

    @inline(__always)
    static func dot(_ a: UnsafeMutablePointer<Float>, _ b: UnsafeMutablePointer<Float>, _ n: Int) -> Float {
        var acc = F8(repeating: 0)
        var i = 0
        while i + 8 <= n {
            acc += UnsafeRawPointer(a + i).loadUnaligned(as: F8.self) * UnsafeRawPointer(b + i).loadUnaligned(as: F8.self)
            i += 8
        }
        var s = acc.sum()
        while i < n { s += a[i] * b[i]; i += 1 }
        return s
    }

    /// y += α x.
    @inline(__always)
    static func axpy(_ alpha: Float, _ x: UnsafeMutablePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ n: Int) {
        let av = F8(repeating: alpha)
        var i = 0
        while i + 8 <= n {
            let yv = UnsafeRawPointer(y + i).loadUnaligned(as: F8.self) + av * UnsafeRawPointer(x + i).loadUnaligned(as: F8.self)
            UnsafeMutableRawPointer(y + i).storeBytes(of: yv, as: F8.self)
            i += 8
        }
        while i < n { y[i] += alpha * x[i]; i += 1 }
    }

    /// Σ x[i], i < n, in eight lanes (then the lanes, then the tail).
    @inline(__always)
    static func sum(_ x: UnsafePointer<Float>, _ n: Int) -> Float {
        var acc = F8(repeating: 0)
        var i = 0
        while i + 8 <= n { acc += UnsafeRawPointer(x + i).loadUnaligned(as: F8.self); i += 8 }
        var s = acc.sum()
        while i < n { s += x[i]; i += 1 }
        return s
    }
}
