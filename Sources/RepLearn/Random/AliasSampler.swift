/// Walker's alias method: O(K) set-up, O(1) draws from a discrete distribution over 0..<K.
/// (Vose's numerically stable construction.)
public struct AliasSampler: Sendable {
    public let probability: [Float]
    public let alias: [Int32]
    public var count: Int { probability.count }

    /// weights: non-negative, not all zero (they need not sum to 1).
    public init(weights: [Double]) throws {
        let k = weights.count
        let total = weights.reduce(0, +)
        guard k > 0, total > 0, weights.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
            throw InputError("AliasSampler: weights must be finite, non-negative and not all zero")
        }
        var scaled = weights.map { $0 * Double(k) / total }
        var prob = [Float](repeating: 1, count: k), alias = [Int32](repeating: 0, count: k)
        var small: [Int] = [], large: [Int] = []
        for (i, p) in scaled.enumerated() { if p < 1 { small.append(i) } else { large.append(i) } }
        while let s = small.popLast(), let l = large.popLast() {
            prob[s] = Float(scaled[s]); alias[s] = Int32(l)
            scaled[l] = scaled[l] + scaled[s] - 1
            if scaled[l] < 1 { small.append(l) } else { large.append(l) }
        }
        for i in small + large { prob[i] = 1; alias[i] = Int32(i) }
        probability = prob
        self.alias = alias
    }

    /// One draw using two uniforms taken from `rng`.
    @inline(__always)
    public func sample(using rng: inout SeededGenerator) -> Int {
        let i = rng.nextInt(below: count)
        return rng.nextFloat() < probability[i] ? i : Int(alias[i])
    }

    /// One draw from a raw 64-bit random value (fast path for the word2vec kernel):
    /// the high 32 bits pick the column, the next 24 bits the coin.
    @inline(__always)
    public func sample(bits: UInt64) -> Int {
        let i = Int(((bits >> 32) * UInt64(count)) >> 32)      // Swift's >> binds tighter than *
        let u = Float((bits >> 8) & 0xFF_FFFF) * 0x1p-24
        return u < probability[i] ? i : Int(alias[i])
    }
}
