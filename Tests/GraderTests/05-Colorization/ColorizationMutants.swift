import Course
import Foundation
import RepLearn
import Solutions

// Plausible wrong implementations of lecture 5, one mistake each. Each is the reference
// computation with one switch flipped (the switches' defaults are the right answer).

// MARK: 5.1 — Lab

/// sRGB → Lab with switches for each step.
func mutantLab(_ rgb: Tensor, gamma: Bool = true, linearSegment: Bool = true, white: (Float, Float, Float) = (0.95047, 1, 1.08883),
               linearF: Bool = true) -> Tensor {
    var out = rgb
    let d: Float = 6.0 / 29.0
    func lin(_ c: Float) -> Float { !gamma ? c : (linearSegment && c <= 0.04045) ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
    func f(_ t: Float) -> Float { (!linearF || t > d * d * d) ? cbrt(t) : t / (3 * d * d) + 4.0 / 29.0 }
    for i in 0..<rgb.rows {
        let (r, g, b) = (lin(rgb[i, 0]), lin(rgb[i, 1]), lin(rgb[i, 2]))
        let x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / white.0
        let y = (0.2126729 * r + 0.7151522 * g + 0.0721750 * b) / white.1
        let z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / white.2
        out[i, 0] = 116 * f(y) - 16; out[i, 1] = 500 * (f(x) - f(y)); out[i, 2] = 200 * (f(y) - f(z))
    }
    return out
}

/// Lab → sRGB with switches.
func mutantSRGB(_ lab: Tensor, gamma: Bool = true, white: (Float, Float, Float) = (0.95047, 1, 1.08883), linearFInverse: Bool = true,
                clamp: Bool = false) -> Tensor {
    var out = lab
    let d: Float = 6.0 / 29.0
    func fi(_ u: Float) -> Float { (!linearFInverse || u > d) ? u * u * u : 3 * d * d * (u - 4.0 / 29.0) }
    func enc(_ c: Float) -> Float {
        let v = !gamma ? c : c <= 0.0031308 ? 12.92 * c : 1.055 * pow(c, 1 / 2.4) - 0.055
        return clamp ? min(max(v, 0), 1) : v
    }
    for i in 0..<lab.rows {
        let fy = (lab[i, 0] + 16) / 116
        let x = white.0 * fi(fy + lab[i, 1] / 500), y = white.1 * fi(fy), z = white.2 * fi(fy - lab[i, 2] / 200)
        out[i, 0] = enc(3.2404542 * x - 1.5371385 * y - 0.4985314 * z)
        out[i, 1] = enc(-0.9692660 * x + 1.8760108 * y + 0.0415560 * z)
        out[i, 2] = enc(0.0556434 * x - 0.2040259 * y + 1.0572252 * z)
    }
    return out
}

let d50: (Float, Float, Float) = (0.96422, 1, 0.82521)

struct LabNoGamma: DelegatingColorization { func labFromSRGB(_ rgb: Tensor) throws -> Tensor { mutantLab(rgb, gamma: false) } }
struct LabNoLinearSegment: DelegatingColorization { func labFromSRGB(_ rgb: Tensor) throws -> Tensor { mutantLab(rgb, linearSegment: false) } }
struct LabWhiteD50: DelegatingColorization { func labFromSRGB(_ rgb: Tensor) throws -> Tensor { mutantLab(rgb, white: d50) } }
struct LabNoWhite: DelegatingColorization { func labFromSRGB(_ rgb: Tensor) throws -> Tensor { mutantLab(rgb, white: (1, 1, 1)) } }
struct LabNoLinearF: DelegatingColorization { func labFromSRGB(_ rgb: Tensor) throws -> Tensor { mutantLab(rgb, linearF: false) } }
struct SRGBNoGamma: DelegatingColorization { func srgbFromLab(_ lab: Tensor) throws -> Tensor { mutantSRGB(lab, gamma: false) } }
struct SRGBWhiteD50: DelegatingColorization { func srgbFromLab(_ lab: Tensor) throws -> Tensor { mutantSRGB(lab, white: d50) } }
struct SRGBNoLinearFInverse: DelegatingColorization { func srgbFromLab(_ lab: Tensor) throws -> Tensor { mutantSRGB(lab, linearFInverse: false) } }
struct SRGBClamped: DelegatingColorization { func srgbFromLab(_ lab: Tensor) throws -> Tensor { mutantSRGB(lab, clamp: true) } }

// MARK: 5.2 — bins

/// The sweep with switches: divisor of the sweep, rounding, grid, levels, order, duplicates.
func mutantBins(gridSize: Float, levels: Int, divisor: Int? = nil, round: (Float) -> Float = { $0.rounded() },
                bMajor: Bool = false, keepDuplicates: Bool = false) -> Tensor {
    let s = Float(divisor ?? (levels - 1))
    var all: [[Int]] = []
    for r in 0..<levels { for g in 0..<levels { for b in 0..<levels {
        let lab = ColorSpace.lab(r: Float(r) / s, g: Float(g) / s, b: Float(b) / s)
        all.append([Int(round(lab.a / gridSize)), Int(round(lab.b / gridSize))])
    } } }
    var rows = keepDuplicates ? all : Array(Set(all))
    rows.sort { bMajor ? ($0[1], $0[0]) < ($1[1], $1[0]) : ($0[0], $0[1]) < ($1[0], $1[1]) }
    return try! Tensor(shape: [rows.count, 2], data: rows.flatMap { [Float($0[0]) * gridSize, Float($0[1]) * gridSize] })
}

struct BinsFloor: DelegatingColorization {
    func inGamutBins(gridSize: Float, levels: Int) throws -> Tensor { mutantBins(gridSize: gridSize, levels: levels, round: { $0.rounded(.down) }) }
}
struct BinsSweepMissesOne: DelegatingColorization {
    func inGamutBins(gridSize: Float, levels: Int) throws -> Tensor { mutantBins(gridSize: gridSize, levels: levels, divisor: levels) }
}
struct BinsGridTen: DelegatingColorization {
    func inGamutBins(gridSize: Float, levels: Int) throws -> Tensor { mutantBins(gridSize: 10, levels: levels) }
}
struct BinsLevelsIgnored: DelegatingColorization {
    func inGamutBins(gridSize: Float, levels: Int) throws -> Tensor { mutantBins(gridSize: gridSize, levels: 32) }
}
struct BinsSortedByB: DelegatingColorization {
    func inGamutBins(gridSize: Float, levels: Int) throws -> Tensor { mutantBins(gridSize: gridSize, levels: levels, bMajor: true) }
}
struct BinsDuplicates: DelegatingColorization {
    func inGamutBins(gridSize: Float, levels: Int) throws -> Tensor { mutantBins(gridSize: gridSize, levels: levels, keepDuplicates: true) }
}

// MARK: 5.3 — soft encoding

func mutantEncode(_ ab: Tensor, _ centres: Tensor, k: Int, sigma: Float, squared: Bool = true, shift: Bool = true,
                  normalise: Bool = true, tiesHigh: Bool = false) -> Tensor {
    let (p, q) = (ab.rows, centres.rows)
    var z = Tensor.zeros([p, q])
    for i in 0..<p {
        let d2 = (0..<q).map { j -> Float in
            let (da, db) = (ab[i, 0] - centres[j, 0], ab[i, 1] - centres[j, 1])
            return squared ? da * da + db * db : (da * da + db * db).squareRoot()
        }
        let order = (0..<q).sorted { d2[$0] != d2[$1] ? d2[$0] < d2[$1] : (tiesHigh ? $0 > $1 : $0 < $1) }.prefix(min(k, q))
        let w = order.map { exp(-(d2[$0] - (shift ? d2[order.first!] : 0)) / (2 * sigma * sigma)) }
        let s = normalise ? w.reduce(0, +) : 1
        for (j, wj) in zip(order, w) { z[i, j] = wj / s }
    }
    return z
}

struct EncodeKIsFive: DelegatingColorization {
    func softEncode(_ ab: Tensor, centres: Tensor, neighbours k: Int, sigma: Float) throws -> Tensor { mutantEncode(ab, centres, k: 5, sigma: sigma) }
}
struct EncodeSigmaIsFive: DelegatingColorization {
    func softEncode(_ ab: Tensor, centres: Tensor, neighbours k: Int, sigma: Float) throws -> Tensor { mutantEncode(ab, centres, k: k, sigma: 5) }
}
struct EncodeAllBins: DelegatingColorization {
    func softEncode(_ ab: Tensor, centres: Tensor, neighbours k: Int, sigma: Float) throws -> Tensor { mutantEncode(ab, centres, k: centres.rows, sigma: sigma) }
}
struct EncodeUnnormalised: DelegatingColorization {
    func softEncode(_ ab: Tensor, centres: Tensor, neighbours k: Int, sigma: Float) throws -> Tensor {
        mutantEncode(ab, centres, k: k, sigma: sigma, shift: false, normalise: false)
    }
}
struct EncodeDistanceNotSquared: DelegatingColorization {
    func softEncode(_ ab: Tensor, centres: Tensor, neighbours k: Int, sigma: Float) throws -> Tensor { mutantEncode(ab, centres, k: k, sigma: sigma, squared: false) }
}
struct EncodeTiesHigh: DelegatingColorization {
    func softEncode(_ ab: Tensor, centres: Tensor, neighbours k: Int, sigma: Float) throws -> Tensor { mutantEncode(ab, centres, k: k, sigma: sigma, tiesHigh: true) }
}
struct EncodeNoShift: DelegatingColorization {
    func softEncode(_ ab: Tensor, centres: Tensor, neighbours k: Int, sigma: Float) throws -> Tensor { mutantEncode(ab, centres, k: k, sigma: sigma, shift: false) }
}

// MARK: 5.4 — rebalancing

enum WeightScale { case expectation, none, plainMean }

func mutantRebalance(_ prior: Tensor, _ centres: Tensor, gridSize: Float, sigma: Float, lambda: Float, smooth: Bool = true,
                     sigmaInBins: Bool = true, edgeNormalised: Bool = false, rawPriorInWeights: Bool = false,
                     scale: WeightScale = .expectation) -> Rebalancing {
    let q = centres.rows
    let p = prior.data.map(Double.init)
    let s = Double(sigmaInBins ? sigma * gridSize : sigma)
    var sm = p
    if smooth {
        sm = (0..<q).map { i in
            var num = 0.0, den = 0.0
            for r in 0..<q {
                let d2 = Double(pow(centres[i, 0] - centres[r, 0], 2) + pow(centres[i, 1] - centres[r, 1], 2))
                let k = exp(-d2 / (2 * s * s))
                num += k * p[r]; den += k
            }
            return edgeNormalised ? num / den : num
        }
        let t = sm.reduce(0, +)
        sm = sm.map { $0 / t }
    }
    let l = Double(lambda)
    var w = (rawPriorInWeights ? p : sm).map { 1 / ((1 - l) * $0 + l / Double(q)) }
    switch scale {
    case .expectation: let e = zip(sm, w).reduce(0) { $0 + $1.0 * $1.1 }; w = w.map { $0 / e }
    case .plainMean: let e = w.reduce(0, +) / Double(q); w = w.map { $0 / e }
    case .none: break
    }
    return Rebalancing(smoothed: Tensor(vector: sm.map(Float.init)), weights: Tensor(vector: w.map(Float.init)))
}

struct RebalanceNoSmoothing: DelegatingColorization {
    func rebalancingWeights(prior: Tensor, centres: Tensor, gridSize: Float, sigma: Float, lambda: Float) throws -> Rebalancing {
        mutantRebalance(prior, centres, gridSize: gridSize, sigma: sigma, lambda: lambda, smooth: false)
    }
}
struct RebalanceSigmaInABUnits: DelegatingColorization {
    func rebalancingWeights(prior: Tensor, centres: Tensor, gridSize: Float, sigma: Float, lambda: Float) throws -> Rebalancing {
        mutantRebalance(prior, centres, gridSize: gridSize, sigma: sigma, lambda: lambda, sigmaInBins: false)
    }
}
struct RebalanceSigmaIsFive: DelegatingColorization {
    func rebalancingWeights(prior: Tensor, centres: Tensor, gridSize: Float, sigma: Float, lambda: Float) throws -> Rebalancing {
        mutantRebalance(prior, centres, gridSize: gridSize, sigma: 5, lambda: lambda)
    }
}
struct RebalanceEdgeNormalised: DelegatingColorization {
    func rebalancingWeights(prior: Tensor, centres: Tensor, gridSize: Float, sigma: Float, lambda: Float) throws -> Rebalancing {
        mutantRebalance(prior, centres, gridSize: gridSize, sigma: sigma, lambda: lambda, edgeNormalised: true)
    }
}
struct RebalanceLambdaIgnored: DelegatingColorization {
    func rebalancingWeights(prior: Tensor, centres: Tensor, gridSize: Float, sigma: Float, lambda: Float) throws -> Rebalancing {
        mutantRebalance(prior, centres, gridSize: gridSize, sigma: sigma, lambda: 0.5)
    }
}
struct RebalanceNotNormalised: DelegatingColorization {
    func rebalancingWeights(prior: Tensor, centres: Tensor, gridSize: Float, sigma: Float, lambda: Float) throws -> Rebalancing {
        mutantRebalance(prior, centres, gridSize: gridSize, sigma: sigma, lambda: lambda, scale: .none)
    }
}
struct RebalancePlainMeanOne: DelegatingColorization {
    func rebalancingWeights(prior: Tensor, centres: Tensor, gridSize: Float, sigma: Float, lambda: Float) throws -> Rebalancing {
        mutantRebalance(prior, centres, gridSize: gridSize, sigma: sigma, lambda: lambda, scale: .plainMean)
    }
}
struct RebalanceRawPriorInWeights: DelegatingColorization {
    func rebalancingWeights(prior: Tensor, centres: Tensor, gridSize: Float, sigma: Float, lambda: Float) throws -> Rebalancing {
        mutantRebalance(prior, centres, gridSize: gridSize, sigma: sigma, lambda: lambda, rawPriorInWeights: true)
    }
}

// MARK: 5.5 — weighted cross-entropy

enum WeightRule { case targetArgmax, predictedArgmax, targetAverage, none }

func mutantCE(_ x: Tensor, _ z: Tensor, _ w: Tensor, rule: WeightRule = .targetArgmax, tiesHigh: Bool = false, overEntries: Bool = false,
              weightedGradient: Bool = true, shift: Bool = true) -> LossAndGradient {
    let (p, q) = (x.rows, x.cols)
    var grad = Tensor.zeros(x.shape)
    var loss = 0.0
    let n = Float(overEntries ? p * q : p)
    for i in 0..<p {
        var top = 0, pred = 0
        for j in 0..<q {
            if tiesHigh ? z[i, j] >= z[i, top] : z[i, j] > z[i, top] { top = j }
            if x[i, j] > x[i, pred] { pred = j }
        }
        let weight: Float
        switch rule {
        case .targetArgmax: weight = w.data[top]
        case .predictedArgmax: weight = w.data[pred]
        case .targetAverage: weight = (0..<q).reduce(0) { $0 + z[i, $1] * w.data[$1] }
        case .none: weight = 1
        }
        let mx = shift ? x.row(i).max()! : 0
        let s = x.row(i).reduce(Float(0)) { $0 + exp($1 - mx) }
        let logZ = mx + log(s)
        var ce: Float = 0
        for j in 0..<q { ce -= z[i, j] * (x[i, j] - logZ) }
        loss += Double(weight * ce)
        for j in 0..<q { grad[i, j] = (weightedGradient ? weight : 1) / n * (exp(x[i, j] - logZ) - z[i, j]) }
    }
    return LossAndGradient(loss: loss / Double(n), gradient: grad)
}

struct CEUnweighted: DelegatingColorization {
    func weightedCrossEntropy(logits: Tensor, targets: Tensor, binWeights: Tensor) throws -> LossAndGradient { mutantCE(logits, targets, binWeights, rule: .none) }
}
struct CEWeightOfPredictedBin: DelegatingColorization {
    func weightedCrossEntropy(logits: Tensor, targets: Tensor, binWeights: Tensor) throws -> LossAndGradient { mutantCE(logits, targets, binWeights, rule: .predictedArgmax) }
}
struct CEWeightAveragedOverTargets: DelegatingColorization {
    func weightedCrossEntropy(logits: Tensor, targets: Tensor, binWeights: Tensor) throws -> LossAndGradient { mutantCE(logits, targets, binWeights, rule: .targetAverage) }
}
struct CEMeanOverEntries: DelegatingColorization {
    func weightedCrossEntropy(logits: Tensor, targets: Tensor, binWeights: Tensor) throws -> LossAndGradient { mutantCE(logits, targets, binWeights, overEntries: true) }
}
struct CEGradientUnweighted: DelegatingColorization {
    func weightedCrossEntropy(logits: Tensor, targets: Tensor, binWeights: Tensor) throws -> LossAndGradient { mutantCE(logits, targets, binWeights, weightedGradient: false) }
}
struct CETiesHigh: DelegatingColorization {
    func weightedCrossEntropy(logits: Tensor, targets: Tensor, binWeights: Tensor) throws -> LossAndGradient { mutantCE(logits, targets, binWeights, tiesHigh: true) }
}
struct CENoShift: DelegatingColorization {
    func weightedCrossEntropy(logits: Tensor, targets: Tensor, binWeights: Tensor) throws -> LossAndGradient { mutantCE(logits, targets, binWeights, shift: false) }
}

// MARK: 5.6 — annealed mean

/// Σ_q softmax(score(z_q))_q c_q for a given score, optionally without the max-subtraction.
func mutantAnneal(_ z: Tensor, _ centres: Tensor, shift: Bool = true, score: (Float) -> Float) -> Tensor {
    var out = Tensor.zeros([z.rows, 2])
    for i in 0..<z.rows {
        let s = z.row(i).map(score)
        let mx = shift ? s.max()! : 0
        let e = s.map { exp($0 - mx) }
        let t = e.reduce(0, +)
        for c in 0..<2 { out[i, c] = (0..<z.cols).reduce(Float(0)) { $0 + e[$1] * centres[$1, c] } / t }
    }
    return out
}

struct AnnealSoftmaxOfProbabilities: DelegatingColorization {
    func annealedMean(_ probabilities: Tensor, centres: Tensor, temperature t: Float) throws -> Tensor { mutantAnneal(probabilities, centres) { $0 / t } }
}
struct AnnealTemperatureInverted: DelegatingColorization {
    func annealedMean(_ probabilities: Tensor, centres: Tensor, temperature t: Float) throws -> Tensor { mutantAnneal(probabilities, centres) { log($0) * t } }
}
struct AnnealTemperatureFixed: DelegatingColorization {
    func annealedMean(_ probabilities: Tensor, centres: Tensor, temperature t: Float) throws -> Tensor { mutantAnneal(probabilities, centres) { log($0) / 0.38 } }
}
struct AnnealNoShift: DelegatingColorization {
    func annealedMean(_ probabilities: Tensor, centres: Tensor, temperature t: Float) throws -> Tensor {
        mutantAnneal(probabilities, centres, shift: false) { log($0) / t }
    }
}

// MARK: 5.7 — L2

func mutantL2(_ y: Tensor, _ t: Tensor, lossScale: Double = 1, gradientScale: Float = 1) -> LossAndGradient {
    let r = try! ReferenceColorization().l2Loss(prediction: y, target: t)
    return LossAndGradient(loss: r.loss * lossScale, gradient: r.gradient * gradientScale)
}

struct L2MeanOverEntries: DelegatingColorization {
    func l2Loss(prediction: Tensor, target: Tensor) throws -> LossAndGradient { mutantL2(prediction, target, lossScale: 0.5, gradientScale: 0.5) }
}
struct L2Summed: DelegatingColorization {
    func l2Loss(prediction: Tensor, target: Tensor) throws -> LossAndGradient {
        mutantL2(prediction, target, lossScale: Double(prediction.rows), gradientScale: Float(prediction.rows))
    }
}
struct L2GradientWithoutTwo: DelegatingColorization {
    func l2Loss(prediction: Tensor, target: Tensor) throws -> LossAndGradient { mutantL2(prediction, target, gradientScale: 0.5) }
}
struct L2GradientSign: DelegatingColorization {
    func l2Loss(prediction: Tensor, target: Tensor) throws -> LossAndGradient { mutantL2(prediction, target, gradientScale: -1) }
}
struct L2Root: DelegatingColorization {
    func l2Loss(prediction: Tensor, target: Tensor) throws -> LossAndGradient {
        let d = try prediction - target
        let s = (0..<prediction.rows).reduce(0.0) { $0 + Double((d[$1, 0] * d[$1, 0] + d[$1, 1] * d[$1, 1]).squareRoot()) }
        return LossAndGradient(loss: s / Double(prediction.rows), gradient: try base.l2Loss(prediction: prediction, target: target).gradient)
    }
}

/// Zero probabilities floored at 1e-4 before the log ("to avoid log 0"): they get weight.
struct AnnealZerosFloored: DelegatingColorization {
    func annealedMean(_ probabilities: Tensor, centres: Tensor, temperature t: Float) throws -> Tensor {
        mutantAnneal(probabilities, centres) { log(max($0, 1e-4)) / t }
    }
}
