import Foundation
import RepLearn

/// Lecture 2's independent computations in Double: means, covariance, and a cyclic Jacobi
/// eigendecomposition (a different algorithm from LAPACK's divide and conquer).
enum PCAOracle {
    static func mean(_ x: DMatrix) -> [Double] {
        (0..<x.cols).map { j in (0..<x.rows).reduce(0) { $0 + x[$1, j] } / Double(x.rows) }
    }

    /// (1/n) Σᵢ (xᵢ − μ)(xᵢ − μ)ᵀ.
    static func covariance(_ x: DMatrix) -> DMatrix {
        let mu = mean(x)
        var c = DMatrix(rows: x.cols, cols: x.cols)
        for a in 0..<x.cols { for b in 0..<x.cols {
            c[a, b] = (0..<x.rows).reduce(0) { $0 + (x[$1, a] - mu[a]) * (x[$1, b] - mu[b]) } / Double(x.rows)
        } }
        return c
    }

    /// Jacobi rotations until the off-diagonal mass is < 1e-22: eigenvalues descending and
    /// eigenvectors as rows.
    static func eigen(_ a0: DMatrix) -> (values: [Double], vectors: [[Double]]) {
        var a = a0
        let n = a.rows
        var v = DMatrix(rows: n, cols: n)
        for i in 0..<n { v[i, i] = 1 }
        for _ in 0..<100 {
            var off = 0.0
            for p in 0..<n { for q in 0..<n where p != q { off += a[p, q] * a[p, q] } }
            if off < 1e-22 { break }
            for p in 0..<(n - 1) { for q in (p + 1)..<n where abs(a[p, q]) > 1e-300 {
                let theta = (a[q, q] - a[p, p]) / (2 * a[p, q])
                let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                let c = 1 / (t * t + 1).squareRoot(), s = t * c
                for k in 0..<n {
                    let (akp, akq) = (a[k, p], a[k, q])
                    a[k, p] = c * akp - s * akq; a[k, q] = s * akp + c * akq
                }
                for k in 0..<n {
                    let (apk, aqk) = (a[p, k], a[q, k])
                    a[p, k] = c * apk - s * aqk; a[q, k] = s * apk + c * aqk
                }
                for k in 0..<n {
                    let (vkp, vkq) = (v[k, p], v[k, q])
                    v[k, p] = c * vkp - s * vkq; v[k, q] = s * vkp + c * vkq
                }
            } }
        }
        let order = (0..<n).sorted { a[$0, $0] > a[$1, $1] }
        return (order.map { a[$0, $0] }, order.map { j in (0..<n).map { v[$0, j] } })
    }

    /// Orthonormal rows spanning the same subspace (modified Gram–Schmidt).
    static func orthonormalize(_ rows: [[Double]]) -> [[Double]] {
        var q: [[Double]] = []
        for r in rows {
            var v = r
            for u in q {
                let d = zip(v, u).reduce(0) { $0 + $1.0 * $1.1 }
                v = zip(v, u).map { $0 - d * $1 }
            }
            let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            q.append(v.map { $0 / norm })
        }
        return q
    }

    /// Principal angles in degrees, ascending, by a second method: the eigenvalues of
    /// M Mᵀ (M = Q_a Q_bᵀ) are cos²θ.
    static func principalAngles(_ a: [[Double]], _ b: [[Double]]) -> [Double] {
        let qa = orthonormalize(a), qb = orthonormalize(b)
        let k = qa.count
        var m = DMatrix(rows: k, cols: k)
        for i in 0..<k { for j in 0..<k { m[i, j] = zip(qa[i], qb[j]).reduce(0) { $0 + $1.0 * $1.1 } } }
        var mmt = DMatrix(rows: k, cols: k)
        for i in 0..<k { for j in 0..<k { mmt[i, j] = (0..<k).reduce(0) { $0 + m[i, $1] * m[j, $1] } } }
        return eigen(mmt).values.map { acos(min(max($0, 0), 1).squareRoot()) * 180 / Double.pi }.sorted()
    }

    static func rows(_ t: Tensor) -> [[Double]] { (0..<t.rows).map { t.row($0).map(Double.init) } }
}
