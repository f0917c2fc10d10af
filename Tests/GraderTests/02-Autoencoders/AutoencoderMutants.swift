import Course
import Foundation
import RepLearn
import Solutions

// Plausible wrong implementations of lecture 2, one mistake each.

/// Covariance with 1/(n − 1) (the sample covariance) where the course asks for 1/n.
struct CovarianceSampleNormalisation: DelegatingAutoencoders {
    func covariance(_ x: Tensor) throws -> Tensor { try base.covariance(x) * (Float(x.rows) / Float(x.rows - 1)) }
}

/// Forgets to centre: xᵀx / n. Also makes PCA and the mean wrong downstream.
struct CovarianceWithoutCentring: DelegatingAutoencoders {
    func center(_ x: Tensor) throws -> (centered: Tensor, mean: Tensor) { (x, Tensor.zeros([x.cols])) }
    func covariance(_ x: Tensor) throws -> Tensor { try Tensor.matmul(x, x, transposeA: true) * (1 / Float(x.rows)) }
}

/// PCA without centring: eigenvectors of the uncentred second-moment matrix.
struct PCAWithoutCentring: DelegatingAutoencoders {
    func principalComponents(_ x: Tensor, k: Int) throws -> PrincipalComponents {
        let eig = try SymmetricEigen(Tensor.matmul(x, x, transposeA: true) * (1 / Float(x.rows)))
        return PrincipalComponents(mean: Tensor.zeros([x.cols]), components: try eig.vectors.gatherRows(Array(0..<k)),
                                   eigenvalues: Array(eig.values.prefix(k)))
    }
}

/// Takes eigenvectors from the wrong end (smallest eigenvalues, as LAPACK orders them).
struct PCAWrongEnd: DelegatingAutoencoders {
    func principalComponents(_ x: Tensor, k: Int) throws -> PrincipalComponents {
        let eig = try SymmetricEigen(base.covariance(x))
        let d = x.cols
        let idx = (0..<k).map { d - 1 - $0 }
        return PrincipalComponents(mean: try base.center(x).mean, components: try eig.vectors.gatherRows(idx),
                                   eigenvalues: idx.map { eig.values[$0] })
    }
}

/// Reads eigenvectors as columns of the row-major eigenvector matrix.
struct PCAEigenvectorsAsColumns: DelegatingAutoencoders {
    func principalComponents(_ x: Tensor, k: Int) throws -> PrincipalComponents {
        var p = try base.principalComponents(x, k: k)
        let eig = try SymmetricEigen(base.covariance(x))
        p.components = try eig.vectors.transposed().gatherRows(Array(0..<k))
        return p
    }
}

/// Explained variance divided by the top-k total instead of the trace.
struct RatioOverTopK: DelegatingAutoencoders {
    func explainedVarianceRatio(_ x: Tensor, k: Int) throws -> [Float] {
        let l = try base.principalComponents(x, k: k).eigenvalues
        return l.map { $0 / l.reduce(0, +) }
    }
}

/// Encodes without subtracting the mean.
struct EncodeWithoutMean: DelegatingAutoencoders {
    func pcaEncode(_ x: Tensor, _ pca: PrincipalComponents) throws -> Tensor { try Tensor.matmul(x, pca.components, transposeB: true) }
}

/// Decodes without adding the mean back.
struct DecodeWithoutMean: DelegatingAutoencoders {
    func pcaDecode(_ z: Tensor, _ pca: PrincipalComponents) throws -> Tensor { try Tensor.matmul(z, pca.components) }
}

/// Gradients missing the factor 2 of the square.
struct AEGradientMissingTwo: DelegatingAutoencoders {
    func linearAutoencoderLoss(_ x: Tensor, encoder: Tensor, decoder: Tensor) throws -> AutoencoderGradients {
        var g = try base.linearAutoencoderLoss(x, encoder: encoder, decoder: decoder)
        g.encoder = g.encoder * 0.5; g.decoder = g.decoder * 0.5
        return g
    }
}

/// Loss summed over the batch instead of averaged.
struct AELossSummed: DelegatingAutoencoders {
    func linearAutoencoderLoss(_ x: Tensor, encoder: Tensor, decoder: Tensor) throws -> AutoencoderGradients {
        var g = try base.linearAutoencoderLoss(x, encoder: encoder, decoder: decoder)
        g.loss *= Double(x.rows)
        return g
    }
}

/// Gradient *ascent*.
struct AEStepAscent: DelegatingAutoencoders {
    func linearAutoencoderStep(_ x: Tensor, encoder: Tensor, decoder: Tensor, learningRate: Float) throws -> (encoder: Tensor, decoder: Tensor) {
        try base.linearAutoencoderStep(x, encoder: encoder, decoder: decoder, learningRate: -learningRate)
    }
}

/// Updates E, then takes D's gradient at the *new* E.
struct AEStepSequential: DelegatingAutoencoders {
    func linearAutoencoderStep(_ x: Tensor, encoder: Tensor, decoder: Tensor, learningRate: Float) throws -> (encoder: Tensor, decoder: Tensor) {
        let e = try encoder - base.linearAutoencoderLoss(x, encoder: encoder, decoder: decoder).encoder * learningRate
        let d = try decoder - base.linearAutoencoderLoss(x, encoder: e, decoder: decoder).decoder * learningRate
        return (e, d)
    }
}

/// Angles in radians.
struct AnglesInRadians: DelegatingAutoencoders {
    func principalAngles(_ a: Tensor, _ b: Tensor) throws -> [Float] { try base.principalAngles(a, b).map { $0 * .pi / 180 } }
}

/// Skips the orthonormalisation: singular values of A Bᵀ are not cosines.
struct AnglesWithoutOrthonormalising: DelegatingAutoencoders {
    func principalAngles(_ a: Tensor, _ b: Tensor) throws -> [Float] {
        try QR.singularValues(Tensor.matmul(a, b, transposeB: true)).map { acosf(min(max($0, -1), 1)) * 180 / .pi }.sorted()
    }
}

/// Noise with variance σ where σ² was meant (std σ² instead of σ).
struct NoiseStdSquared: DelegatingAutoencoders {
    func corrupt(_ x: Tensor, noiseStd: Float, rng: inout SeededGenerator) throws -> Tensor {
        try base.corrupt(x, noiseStd: noiseStd * noiseStd, rng: &rng)
    }
}

/// Uniform noise on [−σ√3, σ√3]: the right mean and variance, not the documented draws.
struct NoiseUniform: DelegatingAutoencoders {
    func corrupt(_ x: Tensor, noiseStd: Float, rng: inout SeededGenerator) throws -> Tensor {
        let halfWidth: Float = noiseStd * Float(3).squareRoot()
        var out = x
        for i in 0..<out.count {
            let u: Float = 2 * rng.nextFloat() - 1
            out.data[i] += halfWidth * u
        }
        return out
    }
}

/// Compares the reconstruction with the *noisy* input.
struct DenoisingAgainstNoisy: DelegatingAutoencoders {
    func denoisingLoss(clean: Tensor, noisy: Tensor, reconstruct: (Tensor) throws -> Tensor) throws -> Double {
        try meanSquaredError(reconstruct(noisy), noisy).loss
    }
}

/// Feeds the *clean* input to the autoencoder (a plain autoencoder, not a denoising one).
struct DenoisingReconstructsClean: DelegatingAutoencoders {
    func denoisingLoss(clean: Tensor, noisy: Tensor, reconstruct: (Tensor) throws -> Tensor) throws -> Double {
        try meanSquaredError(reconstruct(clean), clean).loss
    }
}

/// Moves only the decoder: the encoder keeps its random start, so the code space is not PCA's.
struct AEStepDecoderOnly: DelegatingAutoencoders {
    func linearAutoencoderStep(_ x: Tensor, encoder: Tensor, decoder: Tensor, learningRate: Float) throws -> (encoder: Tensor, decoder: Tensor) {
        (encoder, try base.linearAutoencoderStep(x, encoder: encoder, decoder: decoder, learningRate: learningRate).decoder)
    }
}

// Issue 15's holes: parameters at one value, documented behaviour unchecked.

/// Always returns the example's three components, whatever k is asked for.
struct PCAFixedK: DelegatingAutoencoders {
    func principalComponents(_ x: Tensor, k: Int) throws -> PrincipalComponents {
        try base.principalComponents(x, k: min(3, x.cols))
    }
}

/// Covariance hard-coded to the example's 40 rows (divides by 40 whatever n is).
struct CovarianceFixedN: DelegatingAutoencoders {
    func covariance(_ x: Tensor) throws -> Tensor { try base.covariance(x) * (Float(x.rows) / 40) }
}

/// The step written for the example's η = 0.05.
struct AEStepFixedRate: DelegatingAutoencoders {
    func linearAutoencoderStep(_ x: Tensor, encoder: Tensor, decoder: Tensor, learningRate: Float) throws -> (encoder: Tensor, decoder: Tensor) {
        try base.linearAutoencoderStep(x, encoder: encoder, decoder: decoder, learningRate: 0.05)
    }
}

/// acos of the singular values without clamping: a cosine a few ulps above 1 gives NaN.
struct AnglesUnclamped: DelegatingAutoencoders {
    func principalAngles(_ a: Tensor, _ b: Tensor) throws -> [Float] {
        let qa = try QR.orthonormalRows(a), qb = try QR.orthonormalRows(b)
        return try QR.singularValues(Tensor.matmul(qa, qb, transposeB: true)).map { acosf($0) * 180 / .pi }.sorted()
    }
}

/// Noise drawn with the example's σ = 0.3, whatever σ is asked for.
struct NoiseFixedStd: DelegatingAutoencoders {
    func corrupt(_ x: Tensor, noiseStd: Float, rng: inout SeededGenerator) throws -> Tensor {
        try base.corrupt(x, noiseStd: 0.3, rng: &rng)
    }
}
