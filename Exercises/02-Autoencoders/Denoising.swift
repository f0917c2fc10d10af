import Course
import RepLearn

// Exercise 2.7 — denoising.                      Lecture: Lectures/02-autoencoders-pca.md, "Denoising autoencoders"
extension StudentAutoencoders {
    /// x: [n, d] → x + σ ε, ε ~ N(0, 1) drawn with `rng.nextNormal()` element by element, in row-major order.
    public func corrupt(_ x: Tensor, noiseStd: Float, rng: inout SeededGenerator) throws -> Tensor {
        throw NotImplemented("2.7")
    }

    /// L = (1/n) Σᵢ ‖xᵢ − g(f(x̃ᵢ))‖² with `reconstruct` = g ∘ f, x = clean, x̃ = noisy.
    public func denoisingLoss(clean: Tensor, noisy: Tensor, reconstruct: (Tensor) throws -> Tensor) throws -> Double {
        throw NotImplemented("2.7")
    }
}
