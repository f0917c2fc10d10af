import Foundation
import RepLearn

/// Lecture 5's independent computations, in Double, written from the formulas (CIE 1976 Lab,
/// IEC 61966-2-1 sRGB, Zhang et al. 2016) as plain loops. They share no code with the reference
/// or with the library's ColorSpace.
enum ColorOracle {
    // MARK: sRGB ↔ Lab

    static let white = [0.95047, 1.0, 1.08883]
    static let m: [[Double]] = [[0.4124564, 0.3575761, 0.1804375],
                                [0.2126729, 0.7151522, 0.0721750],
                                [0.0193339, 0.1191920, 0.9503041]]
    /// M⁻¹ by cofactors (in Double, so it is the exact inverse of the 7-digit M).
    static let mInverse: [[Double]] = {
        let a = m
        func c(_ i: Int, _ j: Int) -> Double {      // cofactor of entry (i, j)
            let r = [0, 1, 2].filter { $0 != i }, k = [0, 1, 2].filter { $0 != j }
            let minor = a[r[0]][k[0]] * a[r[1]][k[1]] - a[r[0]][k[1]] * a[r[1]][k[0]]
            return (i + j) % 2 == 0 ? minor : -minor
        }
        let det = (0..<3).reduce(0.0) { $0 + a[0][$1] * c(0, $1) }
        return (0..<3).map { i in (0..<3).map { j in c(j, i) / det } }
    }()
    static let delta = 6.0 / 29.0

    static func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
    static func encoded(_ c: Double) -> Double { c <= 0.0031308 ? 12.92 * c : 1.055 * pow(c, 1 / 2.4) - 0.055 }
    static func f(_ t: Double) -> Double { t > pow(delta, 3) ? cbrt(t) : t / (3 * delta * delta) + 4.0 / 29.0 }
    static func fInverse(_ u: Double) -> Double { u > delta ? u * u * u : 3 * delta * delta * (u - 4.0 / 29.0) }

    static func lab(_ rgb: [Double]) -> [Double] {
        let lin = rgb.map(linear)
        let xyz = (0..<3).map { i in (0..<3).reduce(0.0) { $0 + m[i][$1] * lin[$1] } / white[i] }
        let (fx, fy, fz) = (f(xyz[0]), f(xyz[1]), f(xyz[2]))
        return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)]
    }

    static func srgb(_ lab: [Double]) -> [Double] {
        let fy = (lab[0] + 16) / 116
        let xyz = [fInverse(fy + lab[1] / 500) * white[0], fInverse(fy) * white[1], fInverse(fy - lab[2] / 200) * white[2]]
        return (0..<3).map { i in encoded((0..<3).reduce(0.0) { $0 + mInverse[i][$1] * xyz[$1] }) }
    }

    /// Rows of a [n, 3] matrix mapped by `f`.
    static func rows(_ x: DMatrix, _ f: ([Double]) -> [Double]) -> DMatrix {
        var out = x
        for i in 0..<x.rows { let v = f((0..<x.cols).map { x[i, $0] }); for j in 0..<x.cols { out[i, j] = v[j] } }
        return out
    }

    // MARK: bins

    /// The sweep in Double: `sure` = bins some colour falls in with both coordinates more than
    /// `margin` (in ab units) from a rounding boundary; `possible` = bins a colour within the margin
    /// could go to (Float32 rounding may send it either way). Bins as integer grid indices.
    static func gamut(gridSize g: Double, levels: Int, margin: Double = 2e-3) -> (sure: Set<[Int]>, possible: Set<[Int]>) {
        var sure = Set<[Int]>(), possible = Set<[Int]>()
        func candidates(_ x: Double) -> (Int, [Int]) {
            let u = x / g, r = Int(u.rounded())
            let frac = u - u.rounded(.down)
            if abs(frac - 0.5) * g < margin { return (r, [Int(u.rounded(.down)), Int(u.rounded(.down)) + 1]) }
            return (r, [r])
        }
        let s = Double(levels - 1)
        for i in 0..<levels { for j in 0..<levels { for k in 0..<levels {
            let v = lab([Double(i) / s, Double(j) / s, Double(k) / s])
            let (a, ca) = candidates(v[1]), (b, cb) = candidates(v[2])
            if ca.count == 1 && cb.count == 1 { sure.insert([a, b]) }
            for x in ca { for y in cb { possible.insert([x, y]) } }
        } } }
        return (sure, possible)
    }

    // MARK: soft encoding, rebalancing, losses, decoding

    /// Z: [P, Q] with the k nearest centres (ties: lower index), Gaussian σ, rows normalised.
    static func softEncode(_ ab: DMatrix, _ centres: DMatrix, k: Int, sigma: Double) -> DMatrix {
        var z = DMatrix(rows: ab.rows, cols: centres.rows)
        for p in 0..<ab.rows {
            let d2 = (0..<centres.rows).map { pow(ab[p, 0] - centres[$0, 0], 2) + pow(ab[p, 1] - centres[$0, 1], 2) }
            let order = (0..<centres.rows).sorted { (d2[$0], $0) < (d2[$1], $1) }.prefix(k)
            let dmin = d2[order.first!]
            let w = order.map { exp(-(d2[$0] - dmin) / (2 * sigma * sigma)) }
            let s = w.reduce(0, +)
            for (q, wq) in zip(order, w) { z[p, q] = wq / s }
        }
        return z
    }

    /// (p̃, w) of Zhang et al.'s class rebalancing with σ in bin units.
    static func rebalance(_ p: [Double], _ centres: DMatrix, gridSize g: Double, sigma: Double, lambda: Double) -> (smoothed: [Double], weights: [Double]) {
        let q = p.count
        var s = [Double](repeating: 0, count: q)
        for i in 0..<q { for r in 0..<q {
            let d2 = pow(centres[i, 0] - centres[r, 0], 2) + pow(centres[i, 1] - centres[r, 1], 2)
            s[i] += exp(-d2 / (2 * sigma * sigma * g * g)) * p[r]
        } }
        let total = s.reduce(0, +)
        s = s.map { $0 / total }
        let raw = s.map { 1 / ((1 - lambda) * $0 + lambda / Double(q)) }
        let e = zip(s, raw).reduce(0.0) { $0 + $1.0 * $1.1 }
        return (s, raw.map { $0 / e })
    }

    /// −(1/P) Σ_p w_{argmax Z_p} Σ_q Z_pq log softmax(x_p)_q, by a stable log-sum-exp.
    static func crossEntropy(_ x: DMatrix, _ z: DMatrix, _ w: [Double]) -> Double {
        var total = 0.0
        for p in 0..<x.rows {
            let row = (0..<x.cols).map { x[p, $0] }
            let mx = row.max()!
            let lse = mx + log(row.reduce(0.0) { $0 + exp($1 - mx) })
            var top = 0
            for q in 0..<x.cols where z[p, q] > z[p, top] { top = q }
            total += w[top] * (0..<x.cols).reduce(0.0) { $0 - z[p, $1] * (row[$1] - lse) }
        }
        return total / Double(x.rows)
    }

    /// Σ_q softmax(log z / T)_q c_q per row, stable.
    static func annealedMean(_ z: DMatrix, _ centres: DMatrix, t: Double) -> DMatrix {
        var out = DMatrix(rows: z.rows, cols: 2)
        for p in 0..<z.rows {
            let s = (0..<z.cols).map { z[p, $0] > 0 ? log(z[p, $0]) / t : -Double.infinity }
            let mx = s.max()!
            let e = s.map { exp($0 - mx) }
            let total = e.reduce(0, +)
            for c in 0..<2 { out[p, c] = (0..<z.cols).reduce(0.0) { $0 + e[$1] * centres[$1, c] } / total }
        }
        return out
    }

    /// (1/P) Σ_p ‖ŷ_p − y_p‖².
    static func l2(_ y: DMatrix, _ target: DMatrix) -> Double {
        var s = 0.0
        for i in 0..<y.data.count { s += pow(y.data[i] - target.data[i], 2) }
        return s / Double(y.rows)
    }
}
