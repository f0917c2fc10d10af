/// Augmentations applied one after the other: step k draws for every image, then step k + 1.
///
/// x: [N, C, H, W] → the last step's output shape.
public struct AugmentationPipeline: Augmentation {
    public var steps: [any Augmentation]

    public init(_ steps: [any Augmentation]) { self.steps = steps }

    public func apply(_ x: Tensor, using rng: inout SeededGenerator) throws -> Tensor {
        var y = x
        for s in steps { y = try s.apply(y, using: &rng) }
        return y
    }

    /// `count` independently augmented views of the same batch (view 0's draws first): the
    /// positive pairs of a contrastive loss. x: [N, C, H, W] → `count` tensors [N, C, H', W'].
    public func views(of x: Tensor, count: Int = 2, using rng: inout SeededGenerator) throws -> [Tensor] {
        precondition(count >= 1, "AugmentationPipeline.views: count must be at least 1, got \(count)")
        return try (0..<count).map { _ in try apply(x, using: &rng) }
    }

    /// SimCLR's recipe (Chen et al. 2020, appendix A) for RGB batches, output `size`×`size`:
    /// random resized crop (scale 0.08…1, ratio 3/4…4/3), horizontal flip p = 0.5, colour
    /// jitter (0.8s, 0.8s, 0.8s, 0.2s) applied with p = 0.8, grayscale p = 0.2, and Gaussian
    /// blur with p = `blurProbability`, σ ∈ [0.1, 2] scaled by size/224 (the paper blurs ImageNet
    /// at p = 0.5 and leaves CIFAR unblurred, s = 0.5).
    public static func simCLR(size: Int, strength s: Double = 0.5, blurProbability: Double = 0) -> AugmentationPipeline {
        let sigmaScale = Double(size) / 224
        var steps: [any Augmentation] = [
            RandomResizedCrop(size: size),
            HorizontalFlip(p: 0.5),
            ColorJitter(brightness: 0.8 * s, contrast: 0.8 * s, saturation: 0.8 * s, hue: 0.2 * s, p: 0.8),
            RandomGrayscale(p: 0.2),
        ]
        if blurProbability > 0 {
            steps.append(GaussianBlur(sigma: (0.1 * sigmaScale)...(2 * sigmaScale), p: blurProbability))
        }
        return AugmentationPipeline(steps)
    }
}
