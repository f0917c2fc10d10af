import Course
import Foundation
import RepLearn
import Solutions

// Plausible wrong implementations of lecture 8, one mistake each.

// MARK: 8.1 NCE

/// NCE written out with one switchable mistake.
struct NCEVariant: DelegatingContrastive {
    enum Mistake { case noNuInLogit, noNuWeight, noiseOverDataCount, unnormalisedNoise, halfScaleGradient, noConstantGradient }
    let mistake: Mistake
    func nceLoss(data: Tensor, noise: Tensor, theta: Tensor, noiseMean: Float, noiseStd: Float, nu: Float) throws -> NCELoss {
        let (mu, s, c) = (Double(theta.data[0]), Double(theta.data[1]), Double(theta.data[2]))
        let (m, sn, v) = (Double(noiseMean), Double(noiseStd), Double(nu))
        let lognorm = mistake == .unnormalisedNoise ? 0 : log(sn * (2 * Double.pi).squareRoot())
        func G(_ u: Double) -> Double {
            -(u - mu) * (u - mu) * exp(-2 * s) / 2 + c - (mistake == .noNuInLogit ? 0 : log(v)) + (u - m) * (u - m) / (2 * sn * sn) + lognorm
        }
        let weight = mistake == .noNuWeight ? 1 : v
        let noiseDenominator = mistake == .noiseOverDataCount ? Double(data.count) : Double(noise.count) / weight
        var loss = 0.0, g = [0.0, 0.0, 0.0]
        func add(_ u: Double, _ w: Double) {
            g[0] += w * (u - mu) * exp(-2 * s)
            g[1] += w * (u - mu) * (u - mu) * exp(-2 * s) * (mistake == .halfScaleGradient ? 0.5 : 1)
            g[2] += mistake == .noConstantGradient ? 0 : w
        }
        for x in data.data.map(Double.init) {
            let p = 1 / (1 + exp(-G(x)))
            loss -= log(p) / Double(data.count); add(x, -(1 - p) / Double(data.count))
        }
        for y in noise.data.map(Double.init) {
            let p = 1 / (1 + exp(-G(y)))
            loss -= log(1 - p) / noiseDenominator; add(y, p / noiseDenominator)
        }
        return NCELoss(loss: loss, gradient: Tensor(vector: g.map(Float.init)))
    }
}

// MARK: 8.2 NT-Xent

/// NT-Xent written out (loss and a consistent gradient) with one switchable mistake.
struct NTXentVariant: DelegatingContrastive {
    enum Mistake { case keepSelf, adjacentPairs, tauTwice, noNormalisation, meanOverPairs, noProjection }
    let mistake: Mistake
    func ntXent(_ z: Tensor, temperature tau: Float) throws -> NTXentLoss {
        let (m, d, n) = (z.rows, z.cols, z.rows / 2)
        let norms = mistake == .noNormalisation ? [Float](repeating: 1, count: m) : try z.rowNorms()
        var u = z
        for i in 0..<m { for j in 0..<d { u[i, j] /= norms[i] } }
        let scale = mistake == .tauTwice ? 1 / (tau * tau) : 1 / tau
        let s = try Tensor.matmul(u, u, transposeB: true) * scale
        let count = Float(mistake == .meanOverPairs ? n : m)
        var loss = 0.0
        var dS = Tensor.zeros([m, m])
        for i in 0..<m {
            let p = mistake == .adjacentPairs ? (i ^ 1) : (i + n) % m
            let others = (0..<m).filter { $0 != i || mistake == .keepSelf }
            let top = others.map { Double(s[i, $0]) }.max()!
            let total = others.reduce(0.0) { $0 + exp(Double(s[i, $1]) - top) }
            loss += (top + log(total) - Double(s[i, p])) / Double(count)
            for k in others { dS[i, k] = Float(exp(Double(s[i, k]) - top) / total) / count }
            dS[i, p] -= 1 / count
        }
        let du = try Tensor.matmul(try dS + dS.transposed(), u) * scale
        var dz = du
        if mistake != .noNormalisation {
            for i in 0..<m {
                var dot: Float = 0
                for j in 0..<d { dot += u[i, j] * du[i, j] }
                if mistake == .noProjection { dot = 0 }
                for j in 0..<d { dz[i, j] = (du[i, j] - u[i, j] * dot) / norms[i] }
            }
        }
        return NTXentLoss(loss: loss, gradient: dz)
    }
}

// MARK: 8.3 Alignment and uniformity

/// ‖x − y‖² whatever α is.
struct AlignmentAlwaysSquared: DelegatingContrastive {
    func alignment(_ x: Tensor, _ y: Tensor, alpha: Double) throws -> Double { try base.alignment(x, y, alpha: 2) }
}

/// Summed over pairs, not averaged.
struct AlignmentSummed: DelegatingContrastive {
    func alignment(_ x: Tensor, _ y: Tensor, alpha: Double) throws -> Double { try base.alignment(x, y, alpha: alpha) * Double(x.rows) }
}

/// Uniformity written out with one switchable mistake.
struct UniformityVariant: DelegatingContrastive {
    enum Mistake { case includesSelfPairs, distanceNotSquared, fixedT }
    let mistake: Mistake
    func uniformity(_ x: Tensor, t: Double) throws -> Double {
        let tt = mistake == .fixedT ? 2 : t
        var sum = 0.0, count = 0.0
        for i in 0..<x.rows {
            for j in 0..<x.rows where j > i || (mistake == .includesSelfPairs && j == i) {
                var sq = 0.0
                for k in 0..<x.cols { sq += pow(Double(x[i, k] - x[j, k]), 2) }
                sum += exp(-tt * (mistake == .distanceNotSquared ? sq.squareRoot() : sq)); count += 1
            }
        }
        return log(sum / count)
    }
}

// MARK: 8.4 Views

/// The pipeline with one switchable mistake.
struct ViewVariant: DelegatingContrastive {
    enum Mistake { case noClamp, flipAfterRotation, oneSidedRotation, defaultCrop, ownGenerator, unchanged }
    let mistake: Mistake
    func augmentView(_ x: Tensor, _ a: ViewAugmentation, rng: inout SeededGenerator) throws -> Tensor {
        if mistake == .unchanged { return x }
        let (h, w) = (x.shape[2], x.shape[3])
        let crop = mistake == .defaultCrop ? RandomResizedCrop(height: h, width: w) : RandomResizedCrop(height: h, width: w, scale: a.cropScale, ratio: a.cropRatio)
        let flip = HorizontalFlip(p: a.flipProbability)
        let rotate = RandomAffine(degrees: (mistake == .oneSidedRotation ? 0 : -a.rotationDegrees)...a.rotationDegrees)
        let noise = GaussianNoise(std: a.noiseStd, clamp: mistake != .noClamp)
        let steps: [any Augmentation] = mistake == .flipAfterRotation ? [crop, rotate, flip, noise] : [crop, flip, rotate, noise]
        if mistake == .ownGenerator {
            var own = SeededGenerator(seed: 0)
            return try AugmentationPipeline(steps).apply(x, using: &own)
        }
        return try AugmentationPipeline(steps).apply(x, using: &rng)
    }
}

// MARK: 8.5 Rotation prediction

/// The rotation batch with one switchable mistake.
struct RotationBatchVariant: DelegatingContrastive {
    enum Mistake { case clockwise, rotationMajor, transposeForQuarterTurn }
    let mistake: Mistake
    func rotationBatch(_ x: Tensor) throws -> RotationBatch {
        let b = try base.rotationBatch(x)
        let (n, c, s) = (x.shape[0], x.shape[1], x.shape[2])
        let per = c * s * s
        var out = b.images
        var labels = b.labels
        for i in 0..<n {
            for k in 0..<4 {
                let src = (4 * i + k) * per
                switch mistake {
                case .clockwise:                                   // k ↔ 4 − k
                    let from = (4 * i + (4 - k) % 4) * per
                    for q in 0..<per { out.data[src + q] = b.images.data[from + q] }
                case .rotationMajor:                               // entry k·N + i
                    let dst = (k * n + i) * per
                    for q in 0..<per { out.data[dst + q] = b.images.data[src + q] }
                    labels[k * n + i] = k
                case .transposeForQuarterTurn:
                    guard k == 1 else { continue }
                    for ch in 0..<c { for y in 0..<s { for xx in 0..<s {
                        out.data[src + ch * s * s + y * s + xx] = x.data[(i * c + ch) * s * s + xx * s + y]
                    } } }
                }
            }
        }
        return RotationBatch(images: out, labels: labels)
    }
}

/// Cross-entropy in Float without subtracting the row's max: overflows for large logits.
struct RotationLossNoMaxShift: DelegatingContrastive {
    func rotationLoss(logits: Tensor, labels: [Int]) throws -> ClassificationLoss {
        let (m, k) = (logits.rows, logits.cols)
        var loss: Float = 0
        var g = Tensor.zeros([m, k])
        for i in 0..<m {
            let e = logits.row(i).map { expf($0) }
            let z = e.reduce(0, +)
            loss += (logf(z) - logits[i, labels[i]]) / Float(m)
            for j in 0..<k { g[i, j] = e[j] / z / Float(m) }
            g[i, labels[i]] -= 1 / Float(m)
        }
        return ClassificationLoss(loss: Double(loss), gradient: g)
    }
}

/// Summed over rows instead of averaged (loss and gradient).
struct RotationLossSummed: DelegatingContrastive {
    func rotationLoss(logits: Tensor, labels: [Int]) throws -> ClassificationLoss {
        let r = try base.rotationLoss(logits: logits, labels: labels)
        return ClassificationLoss(loss: r.loss * Double(logits.rows), gradient: r.gradient * Float(logits.rows))
    }
}

/// The right loss, the gradient without its 1/M.
struct RotationGradientNotAveraged: DelegatingContrastive {
    func rotationLoss(logits: Tensor, labels: [Int]) throws -> ClassificationLoss {
        let r = try base.rotationLoss(logits: logits, labels: labels)
        return ClassificationLoss(loss: r.loss, gradient: r.gradient * Float(logits.rows))
    }
}
