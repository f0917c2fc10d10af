import Course
import RepLearn

// Exercise 8.4 — one view: crop, flip, small rotation, noise, from the toolkit's augmentations.
extension ReferenceContrastive {
    public func augmentView(_ x: Tensor, _ a: ViewAugmentation, rng: inout SeededGenerator) throws -> Tensor {
        guard x.rank == 4 else { throw ShapeError(op: "augmentView", message: "x should be [N, C, H, W] but has shape \(x.shape)") }
        guard a.cropScale.lowerBound > 0, a.cropRatio.lowerBound > 0, (0...1).contains(a.flipProbability), a.rotationDegrees >= 0, a.noiseStd >= 0 else {
            throw InputError("augmentView: crop scale and ratio must be positive, flip p in [0, 1], rotation and noise ≥ 0; got \(a)")
        }
        let pipeline = AugmentationPipeline([
            RandomResizedCrop(height: x.shape[2], width: x.shape[3], scale: a.cropScale, ratio: a.cropRatio),
            HorizontalFlip(p: a.flipProbability),
            RandomAffine(degrees: -a.rotationDegrees...a.rotationDegrees),
            GaussianNoise(std: a.noiseStd, clamp: true),
        ])
        return try pipeline.apply(x, using: &rng)
    }
}
