import Foundation
import RepLearn

/// Lecture 8's independent computations, in Double, written from the papers' formulas as plain
/// loops (no code shared with the reference).
enum ContrastiveOracle {
    /// log σ(g), stable for large |g|.
    static func logSigmoid(_ g: Double) -> Double { g >= 0 ? -log1p(exp(-g)) : g - log1p(exp(g)) }

    /// NCE's loss (Gutmann & Hyvärinen 2010) for θ = [μ, s, c], model −(u − μ)²/(2e^{2s}) + c,
    /// noise N(m, sn²): −mean_data log σ(G) − ν·mean_noise log(1 − σ(G)).
    static func nce(_ data: [Double], _ noise: [Double], _ theta: [Double], m: Double, sn: Double, nu: Double) -> Double {
        func G(_ u: Double) -> Double {
            let model = -(u - theta[0]) * (u - theta[0]) / (2 * exp(2 * theta[1])) + theta[2]
            let logNoise = -(u - m) * (u - m) / (2 * sn * sn) - 0.5 * log(2 * Double.pi * sn * sn)
            return model - log(nu * exp(logNoise))
        }
        let a = data.reduce(0) { $0 - logSigmoid(G($1)) } / Double(data.count)
        let b = noise.reduce(0) { $0 - logSigmoid(-G($1)) } / Double(noise.count)   // log(1 − σ(g)) = log σ(−g)
        return a + nu * b
    }

    /// NT-Xent (Chen et al. 2020) over the rows of z: [2N, d] (row-major `z`, `d` columns).
    static func ntXent(_ z: [Double], rows m: Int, cols d: Int, tau: Double) -> Double {
        let n = m / 2
        func row(_ i: Int) -> ArraySlice<Double> { z[(i * d)..<((i + 1) * d)] }
        func cosine(_ i: Int, _ k: Int) -> Double {
            let (a, b) = (row(i), row(k))
            var dot = 0.0, na = 0.0, nb = 0.0
            for j in 0..<d { dot += a[a.startIndex + j] * b[b.startIndex + j]; na += a[a.startIndex + j] * a[a.startIndex + j]; nb += b[b.startIndex + j] * b[b.startIndex + j] }
            return dot / (na.squareRoot() * nb.squareRoot())
        }
        var total = 0.0
        for i in 0..<m {
            let positive = i < n ? i + n : i - n
            var denominator = 0.0
            for k in 0..<m where k != i { denominator += exp(cosine(i, k) / tau) }
            total += -(cosine(i, positive) / tau - log(denominator))
        }
        return total / Double(m)
    }

    /// Euclidean distance between row i of a and row j of b.
    static func distance(_ a: DMatrix, _ i: Int, _ b: DMatrix, _ j: Int) -> Double {
        var s = 0.0
        for k in 0..<a.cols { s += (a[i, k] - b[j, k]) * (a[i, k] - b[j, k]) }
        return s.squareRoot()
    }

    /// Wang & Isola's L_align = E ‖x − y‖^α over the given pairs.
    static func alignment(_ x: DMatrix, _ y: DMatrix, alpha: Double) -> Double {
        (0..<x.rows).reduce(0) { $0 + pow(distance(x, $1, y, $1), alpha) } / Double(x.rows)
    }

    /// Wang & Isola's L_uniform = log E_{i<j} e^{−t‖xᵢ − xⱼ‖²}.
    static func uniformity(_ x: DMatrix, t: Double) -> Double {
        var sum = 0.0, pairs = 0.0
        for i in 0..<x.rows { for j in (i + 1)..<x.rows { sum += exp(-t * pow(distance(x, i, x, j), 2)); pairs += 1 } }
        return log(sum / pairs)
    }

    /// One image's pixel under k counter-clockwise quarter turns: out[y, x] for an S×S plane.
    static func rotatedPixel(_ plane: ArraySlice<Float>, side s: Int, k: Int, y: Int, x: Int) -> Float {
        let base = plane.startIndex
        switch k % 4 {
        case 0: return plane[base + y * s + x]
        case 1: return plane[base + x * s + (s - 1 - y)]                   // out[y, x] = in[x, S − 1 − y]
        case 2: return plane[base + (s - 1 - y) * s + (s - 1 - x)]
        default: return plane[base + (s - 1 - x) * s + y]
        }
    }

    /// Mean cross-entropy of softmax rows and its gradient (softmax − one-hot)/M, in Double.
    static func crossEntropy(_ logits: DMatrix, _ labels: [Int]) -> (loss: Double, gradient: DMatrix) {
        var g = DMatrix(rows: logits.rows, cols: logits.cols)
        var loss = 0.0
        let m = Double(logits.rows)
        for i in 0..<logits.rows {
            let top = (0..<logits.cols).map { logits[i, $0] }.max()!
            let z = (0..<logits.cols).reduce(0) { $0 + exp(logits[i, $1] - top) }
            loss += (top + log(z) - logits[i, labels[i]]) / m
            for j in 0..<logits.cols { g[i, j] = (exp(logits[i, j] - top) / z - (j == labels[i] ? 1 : 0)) / m }
        }
        return (loss, g)
    }

    /// 8.4's view, written out: the toolkit's RandomResizedCrop (the piece the exercise composes;
    /// it has its own tests), then flip, rotation (bilinear, zero fill) and clamped noise as loops
    /// with the draws each piece documents. x: [N, C, H, W] → the view, and `rng` advanced.
    static func view(_ x: Tensor, scale: ClosedRange<Double>, ratio: ClosedRange<Double>, flip p: Double,
                     degrees r: Double, noise sigma: Float, rng: inout SeededGenerator) throws -> [Double] {
        let (n, c, h, w) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let cropped = try RandomResizedCrop(height: h, width: w, scale: scale, ratio: ratio).apply(x, using: &rng)
        var img = cropped.data.map(Double.init)
        let plane = h * w
        func at(_ i: Int, _ ch: Int, _ y: Int, _ xx: Int) -> Int { ((i * c + ch) * h + y) * w + xx }
        // Flip: one nextDouble per image, flipped when u < p.
        let flips = (0..<n).map { _ in rng.nextDouble() < p }
        var flipped = img
        for i in 0..<n where flips[i] { for ch in 0..<c { for y in 0..<h { for xx in 0..<w { flipped[at(i, ch, y, xx)] = img[at(i, ch, y, w - 1 - xx)] } } } }
        img = flipped
        // Rotation: four nextDouble per image (θ, tx, ty, scale); only θ ~ U(−r, r) matters here.
        var angles: [Double] = []
        for _ in 0..<n {
            let u = rng.nextDouble()
            angles.append(-r + 2 * r * u)
            for _ in 0..<3 { _ = rng.nextDouble() }
        }
        var rotated = img
        let (cx, cy) = (Double(w - 1) / 2, Double(h - 1) / 2)
        for i in 0..<n {
            let t = angles[i] * Double.pi / 180
            for ch in 0..<c {
                func v(_ y: Int, _ xx: Int) -> Double { (0..<h).contains(y) && (0..<w).contains(xx) ? img[at(i, ch, y, xx)] : 0 }
                for y in 0..<h {
                    for xx in 0..<w {
                        let (dx, dy) = (Double(xx) - cx, Double(y) - cy)
                        let qx = cx + cos(t) * dx - sin(t) * dy, qy = cy + sin(t) * dx + cos(t) * dy
                        let (x0, y0) = (Int(floor(qx)), Int(floor(qy)))
                        let (fx, fy) = (qx - Double(x0), qy - Double(y0))
                        rotated[at(i, ch, y, xx)] = (1 - fy) * ((1 - fx) * v(y0, x0) + fx * v(y0, x0 + 1))
                            + fy * ((1 - fx) * v(y0 + 1, x0) + fx * v(y0 + 1, x0 + 1))
                    }
                }
            }
        }
        img = rotated
        // Noise: one nextNormal per element in memory order, then clamp to [0, 1].
        if sigma > 0 {
            for q in 0..<(n * c * plane) { img[q] = min(max(img[q] + Double(sigma * rng.nextNormal()), 0), 1) }
        }
        return img
    }
}
