import Foundation

/// torchvision's RandomResizedCrop: a box of random area and aspect ratio, resized bilinearly.
///
/// x: [N, C, H, W] → [N, C, height, width].
///
/// Per image (torchvision's `get_params`), up to 10 tries of
///
///     area   = H·W · U(scale)                                    one nextDouble
///     aspect = exp(U(log ratio.lower, log ratio.upper))          one nextDouble
///     w = round(√(area · aspect)),  h = round(√(area / aspect))  (round half to even, as Python)
///
/// and the first try with 0 < w ≤ W and 0 < h ≤ H draws top = nextInt(below: H − h + 1), then
/// left = nextInt(below: W − w + 1). If all 10 fail, the fallback is a centre crop: the whole
/// image, narrowed to the nearest allowed aspect ratio (w = W, h = round(W / ratio.lower) when
/// W/H < ratio.lower; h = H, w = round(H · ratio.upper) when W/H > ratio.upper). Aspect is
/// width / height. The box is then resampled by ``ResizedCrop``.
///
/// Identity: scale 1…1, ratio W/H…W/H (1…1 for square images) and output size H×W.
public struct RandomResizedCrop: Augmentation {
    public var height: Int, width: Int
    public var scale: ClosedRange<Double>
    public var ratio: ClosedRange<Double>

    public init(height: Int, width: Int, scale: ClosedRange<Double> = 0.08...1,
                ratio: ClosedRange<Double> = (3.0 / 4.0)...(4.0 / 3.0)) {
        precondition(height > 0 && width > 0, "RandomResizedCrop: output size \(height)×\(width) must be positive")
        precondition(scale.lowerBound > 0 && ratio.lowerBound > 0, "RandomResizedCrop: scale \(scale) and ratio \(ratio) must be positive")
        self.height = height; self.width = width; self.scale = scale; self.ratio = ratio
    }

    /// A square output `size`×`size`.
    public init(size: Int, scale: ClosedRange<Double> = 0.08...1, ratio: ClosedRange<Double> = (3.0 / 4.0)...(4.0 / 3.0)) {
        self.init(height: size, width: size, scale: scale, ratio: ratio)
    }

    /// One image's box, with the draws described above.
    public func drawBox(imageHeight h: Int, imageWidth w: Int, using rng: inout SeededGenerator) -> CropBox {
        let area = Double(h * w)
        let logRatio = log(ratio.lowerBound)...log(ratio.upperBound)
        for _ in 0..<10 {
            let target = area * ImageBatch.uniform(scale, &rng)
            let aspect = exp(ImageBatch.uniform(logRatio, &rng))
            let bw = Int((target * aspect).squareRoot().rounded(.toNearestOrEven))
            let bh = Int((target / aspect).squareRoot().rounded(.toNearestOrEven))
            if bw > 0 && bw <= w && bh > 0 && bh <= h {
                let top = rng.nextInt(below: h - bh + 1)
                let left = rng.nextInt(below: w - bw + 1)
                return CropBox(top: top, left: left, height: bh, width: bw)
            }
        }
        let inRatio = Double(w) / Double(h)
        var (bw, bh) = (w, h)
        if inRatio < ratio.lowerBound {
            bh = min(h, max(1, Int((Double(w) / ratio.lowerBound).rounded(.toNearestOrEven))))
        } else if inRatio > ratio.upperBound {
            bw = min(w, max(1, Int((Double(h) * ratio.upperBound).rounded(.toNearestOrEven))))
        }
        return CropBox(top: (h - bh) / 2, left: (w - bw) / 2, height: bh, width: bw)
    }

    public func apply(_ x: Tensor, using rng: inout SeededGenerator) throws -> Tensor {
        let (n, _, h, w) = try ImageBatch.dims(x, "RandomResizedCrop")
        var boxes = [CropBox]()
        boxes.reserveCapacity(n)
        for _ in 0..<n { boxes.append(drawBox(imageHeight: h, imageWidth: w, using: &rng)) }
        return try ResizedCrop.apply(x, boxes: boxes, height: height, width: width)
    }
}
