import Course
import RepLearn
import Solutions

/// A mutant of lecture 2 overrides one function; the rest are the reference's.
protocol DelegatingAutoencoders: AutoencoderExercises {}

extension DelegatingAutoencoders {
    var base: ReferenceAutoencoders { ReferenceAutoencoders() }
    func center(_ x: Tensor) throws -> (centered: Tensor, mean: Tensor) { try base.center(x) }
    func covariance(_ x: Tensor) throws -> Tensor { try base.covariance(x) }
    func principalComponents(_ x: Tensor, k: Int) throws -> PrincipalComponents { try base.principalComponents(x, k: k) }
    func explainedVarianceRatio(_ x: Tensor, k: Int) throws -> [Float] { try base.explainedVarianceRatio(x, k: k) }
    func pcaEncode(_ x: Tensor, _ pca: PrincipalComponents) throws -> Tensor { try base.pcaEncode(x, pca) }
    func pcaDecode(_ z: Tensor, _ pca: PrincipalComponents) throws -> Tensor { try base.pcaDecode(z, pca) }
    func linearAutoencoderLoss(_ x: Tensor, encoder: Tensor, decoder: Tensor) throws -> AutoencoderGradients {
        try base.linearAutoencoderLoss(x, encoder: encoder, decoder: decoder)
    }
    /// The step runs through *this* mutant's loss, so a wrong gradient shows in 2.5 too.
    func linearAutoencoderStep(_ x: Tensor, encoder: Tensor, decoder: Tensor, learningRate: Float) throws -> (encoder: Tensor, decoder: Tensor) {
        let g = try linearAutoencoderLoss(x, encoder: encoder, decoder: decoder)
        return (try encoder - g.encoder * learningRate, try decoder - g.decoder * learningRate)
    }
    func principalAngles(_ a: Tensor, _ b: Tensor) throws -> [Float] { try base.principalAngles(a, b) }
    func corrupt(_ x: Tensor, noiseStd: Float, rng: inout SeededGenerator) throws -> Tensor {
        try base.corrupt(x, noiseStd: noiseStd, rng: &rng)
    }
    func denoisingLoss(clean: Tensor, noisy: Tensor, reconstruct: (Tensor) throws -> Tensor) throws -> Double {
        try base.denoisingLoss(clean: clean, noisy: noisy, reconstruct: reconstruct)
    }
}
