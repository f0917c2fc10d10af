import Course
import RepLearn

// Exercise 8.4 — a view.                          Lecture: Lectures/08-contrastive.md, "Views: what the representation forgets"
extension StudentContrastive {
    /// x: [N, C, H, W] with values in [0, 1] → one view, [N, C, H, W], built from the toolkit's augmentations,
    /// applied to the whole batch one after the other (an AugmentationPipeline), each drawing from `rng` as its
    /// documentation says:
    ///   1. RandomResizedCrop back to H×W with scale `cropScale` and aspect ratio `cropRatio`;
    ///   2. HorizontalFlip with p = `flipProbability`;
    ///   3. RandomAffine with degrees −`rotationDegrees`…`rotationDegrees` (no translation, scale 1);
    ///   4. GaussianNoise with std `noiseStd`, clamped to [0, 1].
    /// With ViewAugmentation.identity the view is the input, bit for bit; the same seed gives the same view.
    public func augmentView(_ x: Tensor, _ settings: ViewAugmentation, rng: inout SeededGenerator) throws -> Tensor {
        throw NotImplemented("8.4")
    }
}
