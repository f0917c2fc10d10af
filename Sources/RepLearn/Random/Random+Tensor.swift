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
    /// Fills `out` with i.i.d. N(mean, std²) draws, both values of each Box–Muller pair
    /// (√(−2 ln u₁)·cos 2πu₂ and ·sin 2πu₂, in Double): half the draws and transcendentals of
    /// ``nextNormal()`` per value. A different stream from nextNormal's for the same seed.
    public mutating func fillNormal(_ out: UnsafeMutableBufferPointer<Float>, mean: Float = 0, std: Float = 1) {
        var i = 0
        while i < out.count {
            var u1 = nextDouble()
            while u1 <= .leastNormalMagnitude { u1 = nextDouble() }
            let r = (-2 * Foundation.log(u1)).squareRoot(), angle = 2 * Double.pi * nextDouble()
            out[i] = mean + std * Float(r * Foundation.cos(angle))
            if i + 1 < out.count { out[i + 1] = mean + std * Float(r * Foundation.sin(angle)) }
            i += 2
        }
    }
}
