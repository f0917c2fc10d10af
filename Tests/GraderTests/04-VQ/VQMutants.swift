import Course
import Foundation
import RepLearn
import Solutions

// Plausible wrong implementations of lecture 4, one mistake each.

/// Farthest code instead of nearest.
struct QuantizeArgmax: DelegatingVQ {
    func quantize(_ z: Tensor, codebook: Tensor) throws -> Quantized {
        let idx = try ReferenceKMeans().squaredDistances(z, codebook).argmaxRows()
        return Quantized(indices: idx, vectors: try codebook.gatherRows(idx))
    }
}

/// Finds the indices but passes the encoder output through unsnapped.
struct QuantizeNoSnap: DelegatingVQ {
    func quantize(_ z: Tensor, codebook: Tensor) throws -> Quantized {
        Quantized(indices: try base.quantize(z, codebook: codebook).indices, vectors: z)
    }
}

/// Forgets β in the total.
struct LossTotalWithoutBeta: DelegatingVQ {
    func vqLosses(_ z: Tensor, codebook: Tensor, indices: [Int], beta: Float) throws -> VQLosses {
        var l = try base.vqLosses(z, codebook: codebook, indices: indices, beta: beta)
        l.total = l.codebook + l.commitment
        return l
    }
}

/// Sums over rows instead of averaging.
struct LossSummed: DelegatingVQ {
    func vqLosses(_ z: Tensor, codebook: Tensor, indices: [Int], beta: Float) throws -> VQLosses {
        let l = try base.vqLosses(z, codebook: codebook, indices: indices, beta: beta)
        let n = Double(z.rows)
        return VQLosses(codebook: l.codebook * n, commitment: l.commitment * n, total: l.total * n)
    }
}

/// No stop-gradients: both loss terms reach both the encoder and the codebook.
struct BackwardNoStopGradient: DelegatingVQ {
    func vqBackward(_ z: Tensor, codebook: Tensor, indices: [Int], decoderInputGradient g: Tensor, beta: Float) throws -> VQGradients {
        let r = try base.vqBackward(z, codebook: codebook, indices: indices, decoderInputGradient: g, beta: beta)
        let diff = try z - codebook.gatherRows(indices)
        var enc = r.encoder
        try enc.addScaled(diff, 2 / Float(z.rows))                       // + ∂L_codebook/∂z_e
        return VQGradients(encoder: enc, codebook: r.codebook * (1 + beta))   // + β ∂L_commit/∂e
    }
}

/// The decoder-input gradient is not passed straight through to the encoder.
struct BackwardNotStraightThrough: DelegatingVQ {
    func vqBackward(_ z: Tensor, codebook: Tensor, indices: [Int], decoderInputGradient g: Tensor, beta: Float) throws -> VQGradients {
        try base.vqBackward(z, codebook: codebook, indices: indices, decoderInputGradient: Tensor.zeros(g.shape), beta: beta)
    }
}

/// β on the codebook term instead of the commitment term.
struct BackwardBetaOnWrongTerm: DelegatingVQ {
    func vqBackward(_ z: Tensor, codebook: Tensor, indices: [Int], decoderInputGradient g: Tensor, beta: Float) throws -> VQGradients {
        let r = try base.vqBackward(z, codebook: codebook, indices: indices, decoderInputGradient: g, beta: 1)
        return VQGradients(encoder: r.encoder, codebook: r.codebook * beta)
    }
}

/// Routes the decoder-input gradient into the codebook as well (z_q treated as e_k without the straight-through trick).
struct BackwardGradientIntoCodebook: DelegatingVQ {
    func vqBackward(_ z: Tensor, codebook: Tensor, indices: [Int], decoderInputGradient g: Tensor, beta: Float) throws -> VQGradients {
        var r = try base.vqBackward(z, codebook: codebook, indices: indices, decoderInputGradient: g, beta: beta)
        for (i, k) in indices.enumerated() { for j in 0..<z.cols { r.codebook[k, j] += g[i, j] } }
        return r
    }
}

/// "Perplexity" as the number of codes in use.
struct PerplexityAsUsedCount: DelegatingVQ {
    func codebookUsage(_ indices: [Int], codebookSize: Int) throws -> CodebookUsage {
        var u = try base.codebookUsage(indices, codebookSize: codebookSize)
        u.perplexity = Double(u.counts.filter { $0 > 0 }.count)
        return u
    }
}

/// exp of the entropy measured in bits.
struct PerplexityMixedBases: DelegatingVQ {
    func codebookUsage(_ indices: [Int], codebookSize: Int) throws -> CodebookUsage {
        var u = try base.codebookUsage(indices, codebookSize: codebookSize)
        u.perplexity = exp(log(u.perplexity) / log(2))
        return u
    }
}

/// Re-initialises every code, dead or alive.
struct ReinitAllCodes: DelegatingVQ {
    func reinitializeDeadCodes(_ codebook: Tensor, counts: [Int], encoderOutputs: Tensor, rng: inout SeededGenerator) throws -> Tensor {
        try base.reinitializeDeadCodes(codebook, counts: counts.map { _ in 0 }, encoderOutputs: encoderOutputs, rng: &rng)
    }
}

/// Resets dead codes to the origin.
struct ReinitToZero: DelegatingVQ {
    func reinitializeDeadCodes(_ codebook: Tensor, counts: [Int], encoderOutputs: Tensor, rng: inout SeededGenerator) throws -> Tensor {
        var out = codebook
        for k in 0..<codebook.rows where counts[k] == 0 { for j in 0..<codebook.cols { out[k, j] = 0 } }
        return out
    }
}

// Issue 15's holes: a last code never used, indices that were the nearest ones, β at one value, dead-code patterns.

/// Searches codes 0..<K−1 only: the last code is never chosen.
struct QuantizeSkipsLastCode: DelegatingVQ {
    func quantize(_ z: Tensor, codebook: Tensor) throws -> Quantized {
        let first = try codebook.gatherRows(Array(0..<(codebook.rows - 1)))
        let idx = try ReferenceKMeans().assign(z, first)
        return Quantized(indices: idx, vectors: try codebook.gatherRows(idx))
    }
}

/// Ties go to the highest index.
struct QuantizeTiesHighest: DelegatingVQ {
    func quantize(_ z: Tensor, codebook: Tensor) throws -> Quantized {
        let d = try ReferenceKMeans().squaredDistances(z, codebook)
        let idx = (0..<z.rows).map { i in (0..<codebook.rows).reduce(0) { d[i, $1] <= d[i, $0] ? $1 : $0 } }
        return Quantized(indices: idx, vectors: try codebook.gatherRows(idx))
    }
}

/// Re-quantizes instead of using the given indices.
struct LossesRequantize: DelegatingVQ {
    func vqLosses(_ z: Tensor, codebook: Tensor, indices: [Int], beta: Float) throws -> VQLosses {
        try base.vqLosses(z, codebook: codebook, indices: try base.quantize(z, codebook: codebook).indices, beta: beta)
    }
}

/// β written as the example's 0.25.
struct LossesFixedBeta: DelegatingVQ {
    func vqLosses(_ z: Tensor, codebook: Tensor, indices: [Int], beta: Float) throws -> VQLosses {
        try base.vqLosses(z, codebook: codebook, indices: indices, beta: 0.25)
    }
}

/// Backward re-quantizes instead of using the given indices.
struct BackwardRequantizes: DelegatingVQ {
    func vqBackward(_ z: Tensor, codebook: Tensor, indices: [Int], decoderInputGradient g: Tensor, beta: Float) throws -> VQGradients {
        try base.vqBackward(z, codebook: codebook, indices: try base.quantize(z, codebook: codebook).indices, decoderInputGradient: g, beta: beta)
    }
}

/// Backward with β = 0.25 whatever is given.
struct BackwardFixedBeta: DelegatingVQ {
    func vqBackward(_ z: Tensor, codebook: Tensor, indices: [Int], decoderInputGradient g: Tensor, beta: Float) throws -> VQGradients {
        try base.vqBackward(z, codebook: codebook, indices: indices, decoderInputGradient: g, beta: 0.25)
    }
}

/// Starts the dead-code scan at code 1.
struct ReinitSkipsCodeZero: DelegatingVQ {
    func reinitializeDeadCodes(_ codebook: Tensor, counts: [Int], encoderOutputs: Tensor, rng: inout SeededGenerator) throws -> Tensor {
        var c = counts
        c[0] = max(c[0], 1)
        return try base.reinitializeDeadCodes(codebook, counts: c, encoderOutputs: encoderOutputs, rng: &rng)
    }
}

/// Draws a row for every code, and uses the draw only for the dead ones (the draws no longer line up).
struct ReinitDrawsForEveryCode: DelegatingVQ {
    func reinitializeDeadCodes(_ codebook: Tensor, counts: [Int], encoderOutputs z: Tensor, rng: inout SeededGenerator) throws -> Tensor {
        var out = codebook
        for k in 0..<codebook.rows {
            let r = rng.nextInt(below: z.rows)
            if counts[k] == 0 { for j in 0..<codebook.cols { out[k, j] = z[r, j] } }
        }
        return out
    }
}

/// Correct, written differently: the perplexity in Float arithmetic. Must pass.
struct PerplexityInFloat: DelegatingVQ {
    func codebookUsage(_ indices: [Int], codebookSize: Int) throws -> CodebookUsage {
        var counts = [Int](repeating: 0, count: codebookSize)
        for k in indices { counts[k] += 1 }
        let n = Float(indices.count)
        var h: Float = 0
        for c in counts where c > 0 { let p = Float(c) / n; h -= p * logf(p) }
        return CodebookUsage(counts: counts, perplexity: Double(expf(h)))
    }
}
