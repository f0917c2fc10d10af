import Course
import Foundation
import RepLearn
import Solutions

// Plausible wrong implementations of lecture 9, one mistake each.

/// The probe's loss with one mistake.
struct ProbeLossSlip: DelegatingTransfer {
    enum Slip { case biasPenalised, penaltyWithoutHalf, summed, lectureOneSign, gradientWithoutPenalty }
    let slip: Slip
    func probeLoss(_ x: Tensor, labels: [Int], weight: Tensor, bias: Tensor, l2: Float) throws -> ProbeGradients {
        switch slip {
        case .biasPenalised:
            var g = try base.probeLoss(x, labels: labels, weight: weight, bias: bias, l2: l2)
            g.loss += Double(l2) / 2 * bias.data.reduce(0) { $0 + Double($1 * $1) }
            g.bias = try g.bias + bias * l2
            return g
        case .penaltyWithoutHalf:
            var g = try base.probeLoss(x, labels: labels, weight: weight, bias: bias, l2: 2 * l2)
            g.loss -= 0                                              // λ‖W‖² and 2λW
            return g
        case .summed:
            let g = try base.probeLoss(x, labels: labels, weight: weight, bias: bias, l2: 0)
            let n = Float(x.rows)
            let pen = Double(l2) / 2 * weight.data.reduce(0) { $0 + Double($1 * $1) }
            return ProbeGradients(loss: g.loss * Double(n) + pen, weight: try g.weight * n + weight * l2, bias: g.bias * n)
        case .lectureOneSign:
            let g = try base.probeLoss(x, labels: labels, weight: weight * -1, bias: bias * -1, l2: l2)
            return ProbeGradients(loss: g.loss, weight: g.weight * -1, bias: g.bias * -1)
        case .gradientWithoutPenalty:
            var g = try base.probeLoss(x, labels: labels, weight: weight, bias: bias, l2: l2)
            g.weight = try base.probeLoss(x, labels: labels, weight: weight, bias: bias, l2: 0).weight
            return g
        }
    }
}

/// The probe's training loop with one mistake.
struct TrainProbeSlip: DelegatingTransfer {
    enum Slip { case ignoresSteps, ignoresPenalty, oneStepShort, randomStart }
    let slip: Slip
    func trainProbe(_ x: Tensor, labels: [Int], classes: Int, l2: Float, learningRate: Float, steps: Int) throws -> ProbeHead {
        if slip == .randomStart {
            var rng = SeededGenerator(seed: 1)
            var h = ProbeHead(weight: Tensor.randomNormal([classes, x.cols], std: 0.01, using: &rng), bias: Tensor.zeros([classes]))
            for _ in 0..<steps {
                let g = try base.probeLoss(x, labels: labels, weight: h.weight, bias: h.bias, l2: l2)
                h.weight = try h.weight - g.weight * learningRate
                h.bias = try h.bias - g.bias * learningRate
            }
            return h
        }
        let n = slip == .ignoresSteps ? 30 : slip == .oneStepShort ? steps - 1 : steps
        return try base.trainProbe(x, labels: labels, classes: classes, l2: slip == .ignoresPenalty ? 0 : l2, learningRate: learningRate, steps: n)
    }
}

/// The group step with one mistake.
struct GroupStepSlip: DelegatingTransfer {
    enum Slip { case frozenVelocityUpdated, frozenMovesByMomentum, scaleIgnored, decoupledDecay, stepWithOldVelocity }
    let slip: Slip
    func optimizerStep(_ p: [Tensor], gradients g: [Tensor], velocities v: [Tensor], groups: [Int],
                       settings: [GroupSetting], learningRate lr: Float, momentum mu: Float, weightDecay wd: Float) throws -> OptimizerState {
        var out = OptimizerState(parameters: p, velocities: v)
        for i in p.indices {
            let s = settings[groups[i]]
            let scale = slip == .scaleIgnored ? 1 : s.learningRateScale
            let decay: Float = slip == .decoupledDecay ? 0 : wd
            let newV = try v[i] * mu + g[i] + p[i] * decay
            if s.frozen {
                if slip == .frozenVelocityUpdated { out.velocities[i] = newV }
                if slip == .frozenMovesByMomentum { out.parameters[i] = try p[i] - v[i] * (lr * mu * scale) }
                continue
            }
            out.velocities[i] = newV
            let stepV = slip == .stepWithOldVelocity ? v[i] : newV
            out.parameters[i] = try p[i] - stepV * (lr * scale)
            if slip == .decoupledDecay { out.parameters[i] = try out.parameters[i] - p[i] * (lr * wd) }
        }
        return out
    }
}

/// Partial transfer with one mistake.
struct ReinitSlip: DelegatingTransfer {
    enum Slip { case bottomLayers, fanOut, biasKept, biasFirst }
    let slip: Slip
    func reinitializeTop(_ layers: [DenseLayer], k: Int, rng: inout SeededGenerator) throws -> [DenseLayer] {
        var out = layers
        let which = slip == .bottomLayers ? Array(0..<k) : Array((layers.count - k)..<layers.count)
        for l in which {
            let fan = slip == .fanOut ? layers[l].weight.rows : layers[l].weight.cols
            let bound = 1 / Float(fan).squareRoot()
            if slip == .biasFirst { out[l].bias = layers[l].bias.map { _ in (2 * rng.nextFloat() - 1) * bound } }
            out[l].weight = layers[l].weight.map { _ in (2 * rng.nextFloat() - 1) * bound }
            if slip != .biasKept && slip != .biasFirst { out[l].bias = layers[l].bias.map { _ in (2 * rng.nextFloat() - 1) * bound } }
        }
        return out
    }
}

/// 1 − cosine: the rows are not centred.
struct RDMCosine: DelegatingTransfer {
    func rdm(_ r: Tensor) throws -> Tensor {
        let u = try r.scalingRows(by: r.rowNorms().map { 1 / $0 })
        return try Tensor.matmul(u, u, transposeB: true).map { 1 - $0 }
    }
}

/// Euclidean distances between the response rows.
struct RDMEuclidean: DelegatingTransfer {
    func rdm(_ r: Tensor) throws -> Tensor { try ReferenceKMeans().squaredDistances(r, r).map { $0.squareRoot() } }
}

/// RSA with one mistake.
struct RSASlip: DelegatingTransfer {
    enum Slip { case diagonalIncluded, pearson, ordinalRanks }
    let slip: Slip
    func rsa(_ a: Tensor, _ b: Tensor) throws -> Double {
        var x: [Double] = [], y: [Double] = []
        for i in 0..<a.rows { for j in (slip == .diagonalIncluded ? i : i + 1)..<a.cols { x.append(Double(a[i, j])); y.append(Double(b[i, j])) } }
        switch slip {
        case .pearson:
            let n = Double(x.count), mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
            let sxy = zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
            return sxy / (x.reduce(0) { $0 + ($1 - mx) * ($1 - mx) } * y.reduce(0) { $0 + ($1 - my) * ($1 - my) }).squareRoot()
        case .ordinalRanks:
            func ranks(_ v: [Double]) -> [Double] {
                var r = [Double](repeating: 0, count: v.count)
                for (rank, i) in v.indices.sorted(by: { v[$0] < v[$1] }).enumerated() { r[i] = Double(rank + 1) }
                return r
            }
            return try ReferenceWord2Vec().spearman(ranks(x), ranks(y))
        case .diagonalIncluded: return try ReferenceWord2Vec().spearman(x, y)
        }
    }
}

/// CKA with one mistake.
struct CKASlip: DelegatingTransfer {
    enum Slip { case noCentring, numeratorNotSquared }
    let slip: Slip
    func linearCKA(_ x: Tensor, _ y: Tensor) throws -> Double {
        func c(_ t: Tensor) throws -> Tensor { slip == .noCentring ? t : try t.addingRowVector(t.columnSums() * (-1 / Float(t.rows))) }
        func f2(_ t: Tensor) -> Double { t.data.reduce(0) { $0 + Double($1) * Double($1) } }
        let (xc, yc) = (try c(x), try c(y))
        let cross = f2(try Tensor.matmul(yc, xc, transposeA: true))
        let den = (f2(try Tensor.matmul(xc, xc, transposeA: true)) * f2(try Tensor.matmul(yc, yc, transposeA: true))).squareRoot()
        return (slip == .numeratorNotSquared ? cross.squareRoot() : cross) / den
    }
}

/// Few-label sampling with one mistake.
struct FewLabelSlip: DelegatingTransfer {
    enum Slip { case withReplacement, noShuffle, fullShuffle, noError, fourClasses }
    let slip: Slip
    func fewLabelIndices(_ labels: [Int], perClass k: Int, classes: Int, rng: inout SeededGenerator) throws -> [Int] {
        var picked: [Int] = []
        for c in 0..<(slip == .fourClasses ? 4 : classes) {
            var idx = labels.indices.filter { labels[$0] == c }
            switch slip {
            case .fourClasses:
                guard idx.count >= k else { throw InputError("class \(c) too small") }
                for j in 0..<k { idx.swapAt(j, j + rng.nextInt(below: idx.count - j)) }
                picked += idx.prefix(k)
            case .withReplacement: picked += (0..<k).map { _ in idx[rng.nextInt(below: idx.count)] }
            case .noShuffle: picked += idx.prefix(k)
            case .fullShuffle:
                for j in stride(from: idx.count - 1, to: 0, by: -1) { idx.swapAt(j, rng.nextInt(below: j + 1)) }
                picked += idx.prefix(k)
            case .noError:
                for j in 0..<min(k, idx.count) { idx.swapAt(j, j + rng.nextInt(below: idx.count - j)) }
                picked += idx.prefix(k)
            }
        }
        return picked
    }
}
