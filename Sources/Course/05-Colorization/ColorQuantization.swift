import Foundation
import RepLearn

/// Zhang, Isola & Efros (ECCV 2016) cast colorization as classification over a quantised ab
/// plane. These are the reference computations of lecture 5 (they become its exercises).
///
/// Grid: bin centres at multiples of `gridSize` (10) in a and b; a colour belongs to the bin of
/// its nearest centre, (10·round(a/10), 10·round(b/10)). A bin is *in gamut* when some sRGB
/// colour falls in it; we find them by a dense sweep of the sRGB cube (`levels`³ colours).
public struct ABBins: Sendable {
    public let gridSize: Float
    /// [Q, 2] bin centres (a, b), sorted by a then b.
    public let centres: [(a: Float, b: Float)]

    public var count: Int { centres.count }

    public init(gridSize: Float = 10, levels: Int = 64) {
        self.gridSize = gridSize
        var seen = Set<Int64>()
        for r in 0..<levels { for g in 0..<levels { for b in 0..<levels {
            let s = Float(levels - 1)
            let lab = ColorSpace.lab(r: Float(r) / s, g: Float(g) / s, b: Float(b) / s)
            let (i, j) = (Int64((lab.a / gridSize).rounded()), Int64((lab.b / gridSize).rounded()))
            seen.insert(i << 32 | (j & 0xFFFF_FFFF))
        } } }
        centres = seen.map { (Int32(truncatingIfNeeded: $0 >> 32), Int32(truncatingIfNeeded: $0)) }
            .sorted { ($0.0, $0.1) < ($1.0, $1.1) }
            .map { (a: Float($0.0) * gridSize, b: Float($0.1) * gridSize) }
    }

    /// The bin whose centre is nearest to (a, b) among the in-gamut bins.
    public func nearest(_ a: Float, _ b: Float) -> Int {
        var best = 0, bestD = Float.infinity
        for (q, c) in centres.enumerated() {
            let d = (c.a - a) * (c.a - a) + (c.b - b) * (c.b - b)
            if d < bestD { bestD = d; best = q }
        }
        return best
    }

    /// Soft encoding: each of the P colours ab: [P] pairs → weights over its `k` nearest bins,
    /// ∝ exp(−d²/2σ²), normalised to sum 1; returned as (bins [P][k], weights [P][k]).
    public func softEncode(_ ab: [(Float, Float)], neighbours k: Int = 5, sigma: Float = 5) -> (bins: [[Int]], weights: [[Float]]) {
        var bins: [[Int]] = [], weights: [[Float]] = []
        bins.reserveCapacity(ab.count); weights.reserveCapacity(ab.count)
        var d2 = [Float](repeating: 0, count: count)
        for (a, b) in ab {
            for (q, c) in centres.enumerated() { d2[q] = (c.a - a) * (c.a - a) + (c.b - b) * (c.b - b) }
            // the k smallest distances by insertion into a sorted list (ties: the lower bin first)
            var idx = [Int](), best = [Float]()
            for q in 0..<count where idx.count < k || d2[q] < best[best.count - 1] {
                var at = best.count
                while at > 0 && best[at - 1] > d2[q] { at -= 1 }
                idx.insert(q, at: at); best.insert(d2[q], at: at)
                if idx.count > k { idx.removeLast(); best.removeLast() }
            }
            let w = best.map { Foundation.exp(-$0 / (2 * sigma * sigma)) }
            let s = w.reduce(0, +)
            bins.append(idx); weights.append(w.map { $0 / max(s, 1e-30) })
        }
        return (bins, weights)
    }

    /// Class rebalancing: p = empirical bin distribution, p̃ = p smoothed by a Gaussian of σ (in ab
    /// units) over the bin centres, w ∝ ((1 − λ)p̃ + λ/Q)⁻¹ scaled so that Σ_q p̃_q w_q = 1.
    public func rebalancingWeights(prior p: [Double], sigma: Float = 5, lambda: Double = 0.5) -> (smoothed: [Double], weights: [Double]) {
        var smooth = [Double](repeating: 0, count: count)
        for q in 0..<count {
            var s = 0.0, z = 0.0
            for r in 0..<count {
                let d2 = Double((centres[q].a - centres[r].a) * (centres[q].a - centres[r].a) + (centres[q].b - centres[r].b) * (centres[q].b - centres[r].b))
                let k = Foundation.exp(-d2 / (2 * Double(sigma * sigma)))
                s += k * p[r]; z += k
            }
            smooth[q] = s / z
        }
        let total = smooth.reduce(0, +)
        smooth = smooth.map { $0 / total }
        var w = smooth.map { 1 / ((1 - lambda) * $0 + lambda / Double(count)) }
        let e = zip(smooth, w).reduce(0) { $0 + $1.0 * $1.1 }
        w = w.map { $0 / e }
        return (smooth, w)
    }

    /// Annealed mean: with probabilities z over the bins, f_T(z) = Σ_q softmax(log z / T)_q·centre_q.
    /// T = 1 is the mean, T → 0 the mode. (T is a true temperature: log z is divided by it.)
    public func annealedMean(_ z: UnsafePointer<Float>, stride: Int, temperature t: Float) -> (a: Float, b: Float) {
        var mx = -Float.infinity
        for q in 0..<count { mx = max(mx, Foundation.log(max(z[q * stride], 1e-30)) / t) }
        var s: Float = 0, a: Float = 0, b: Float = 0
        for q in 0..<count {
            let e = Foundation.exp(Foundation.log(max(z[q * stride], 1e-30)) / t - mx)
            s += e; a += e * centres[q].a; b += e * centres[q].b
        }
        return (a / s, b / s)
    }
}
