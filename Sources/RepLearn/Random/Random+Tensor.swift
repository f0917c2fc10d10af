import Foundation

/// Random tensors and permutations drawn from a ``SeededGenerator``.
extension Tensor {
    /// Entries i.i.d. N(0, std²).
    public static func randomNormal(_ shape: [Int], std: Float = 1, using rng: inout SeededGenerator) -> Tensor {
        var t = Tensor.zeros(shape)
        for i in 0..<t.count { t.data[i] = rng.nextNormal() * std }
        return t
    }

    /// Entries i.i.d. uniform in [low, high).
    public static func randomUniform(_ shape: [Int], _ low: Float, _ high: Float, using rng: inout SeededGenerator) -> Tensor {
        var t = Tensor.zeros(shape)
        for i in 0..<t.count { t.data[i] = low + (high - low) * rng.nextFloat() }
        return t
    }
}

extension SeededGenerator {
    /// A uniformly random permutation of 0..<n (Fisher–Yates).
    public mutating func permutation(_ n: Int) -> [Int] {
        var p = Array(0..<n)
        shuffle(&p)
        return p
    }

    /// Shuffles `a` in place (Fisher–Yates with ``nextInt(below:)``).
    public mutating func shuffle<T>(_ a: inout [T]) {
        guard a.count > 1 else { return }
        for i in stride(from: a.count - 1, to: 0, by: -1) {
            a.swapAt(i, nextInt(below: i + 1))
        }
    }
}

extension SeededGenerator {
    /// Fills `out` with i.i.d. N(mean, std²) draws by Box–Muller in Float, both values of each
    /// pair: one 64-bit draw gives u₁ in (0, 1] and u₂ in [0, 1) (24 bits each), and
    /// √(−2 ln u₁)·cos 2πu₂ and ·sin 2πu₂ go to out[16b + j] and out[16b + 8 + j] for the pair j of
    /// block b (|value| ≤ 5.8). The draws are taken in order on this thread; the transcendentals
    /// (``FastMath``'s eight-lane log and sin/cos) are split across cores, each value depending on
    /// its own draw only, so the result does not depend on the split. A different stream from
    /// nextNormal's for the same seed.
    public mutating func fillNormal(_ out: UnsafeMutableBufferPointer<Float>, mean: Float = 0, std: Float = 1) {
        typealias F8 = SIMD8<Float>
        let blocks = (out.count + 15) / 16
        let words = [UInt64](unsafeUninitializedCapacity: blocks * 8) { buf, n in
            for i in 0..<(blocks * 8) { buf[i] = next() }
            n = blocks * 8
        }
        words.withUnsafeBufferPointer { w in
            let (src, dst, count) = (w.baseAddress!, out.baseAddress!, out.count)
            Parallel.chunks(blocks, minimumPerPart: 1024) { _, range in
                for b in range {
                    let raw = UnsafeRawPointer(src + b * 8).loadUnaligned(as: SIMD8<UInt64>.self)
                    let u1 = (F8(SIMD8<Int32>(truncatingIfNeeded: raw &>> 40)) + 1) * 0x1p-24
                    let u2 = F8(SIMD8<Int32>(truncatingIfNeeded: (raw &>> 16) & 0xFF_FFFF)) * 0x1p-24
                    let r = (-2 * FastMath.log(u1)).squareRoot() * std
                    let (s, c) = FastMath.sinCos2Pi(u2)
                    let (z0, z1) = (r * c + mean, r * s + mean)
                    let at = b * 16
                    if at + 16 <= count {
                        UnsafeMutableRawPointer(dst + at).storeBytes(of: z0, as: F8.self)
                        UnsafeMutableRawPointer(dst + at + 8).storeBytes(of: z1, as: F8.self)
                    } else {
                        for j in 0..<8 where at + j < count { dst[at + j] = z0[j] }
                        for j in 0..<8 where at + 8 + j < count { dst[at + 8 + j] = z1[j] }
                    }
                }
            }
        }
    }
}
