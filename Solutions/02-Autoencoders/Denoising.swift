import Course
import RepLearn

// Exercise 2.7 — denoising.
extension ReferenceAutoencoders {
    public func corrupt(_ x: Tensor, noiseStd: Float, rng: inout SeededGenerator) throws -> Tensor {
        var out = x
        for i in 0..<out.count { out.data[i] += noiseStd * rng.nextNormal() }
        return out
    }

    /// L = (1/n) Σᵢ ‖xᵢ − g(f(x̃ᵢ))‖².
    public func denoisingLoss(clean: Tensor, noisy: Tensor, reconstruct: (Tensor) throws -> Tensor) throws -> Double {
        guard clean.shape == noisy.shape else {
            throw ShapeError(op: "denoisingLoss", message: "clean \(clean.shape) vs noisy \(noisy.shape)")
        }
        return try meanSquaredError(reconstruct(noisy), clean).loss
    }
}
