import Foundation
import RepLearn
import XCTest

final class AugmentationTests: XCTestCase {
    private func batch(_ shape: [Int], seed: UInt64) -> Tensor {
        var rng = SeededGenerator(seed: seed)
        return Tensor.randomUniform(shape, 0, 1, using: &rng)
    }

    /// An image [1, 1, h, w] with v(y, x) = f(y, x).
    private func image(_ h: Int, _ w: Int, _ f: (Double, Double) -> Double) throws -> Tensor {
        var d = [Float]()
        for y in 0..<h { for x in 0..<w { d.append(Float(f(Double(y), Double(x)))) } }
        return try Tensor(shape: [1, 1, h, w], data: d)
    }

    /// Settings that change images, for C = 3 (colour ones) or any C.
    private func busy(size: Int) -> [(String, any Augmentation, Bool)] {
        [("crop", RandomResizedCrop(height: size, width: size + 2), false),
         ("flip", HorizontalFlip(p: 0.5), false),
         ("affine", RandomAffine(degrees: -15...15, translate: (0.1, 0.2), scale: 0.9...1.1), false),
         ("blur", GaussianBlur(sigma: 0.3...1.5, p: 0.7), false),
         ("noise", GaussianNoise(std: 0.05, clamp: true), false),
         ("jitter", ColorJitter(brightness: 0.4, contrast: 0.4, saturation: 0.4, hue: 0.1, p: 0.8), true),
         ("gray", RandomGrayscale(p: 0.5), true)]
    }

    func testShapesAndValueRanges() throws {
        for c in [1, 3] {
            let x = batch([5, c, 12, 10], seed: 1)
            for (name, aug, colourOnly) in busy(size: 8) where !colourOnly || c == 3 {
                var rng = SeededGenerator(seed: 2)
                let y = try aug.apply(x, using: &rng)
                XCTAssertEqual(y.shape, name == "crop" ? [5, c, 8, 10] : x.shape, name)
                XCTAssertTrue(y.data.allSatisfy { $0 >= 0 && $0 <= 1 }, "\(name) left [0, 1]")
                XCTAssertNotEqual(y, x, "\(name) changed nothing")
            }
        }
        var rng = SeededGenerator(seed: 3)
        XCTAssertThrowsError(try ColorJitter(brightness: 0.5).apply(batch([2, 1, 4, 4], seed: 1), using: &rng)) {
            XCTAssertTrue("\($0)".contains("3 channels") && "\($0)".contains("[2, 1, 4, 4]"), "\($0)")
        }
        XCTAssertThrowsError(try HorizontalFlip().apply(Tensor.zeros([2, 4, 4]), using: &rng)) {
            XCTAssertTrue("\($0)".contains("[N, C, H, W]"), "\($0)")
        }
    }

    func testIdentitySettingsReturnTheInputExactly() throws {
        let identities: [any Augmentation] = [
            RandomResizedCrop(size: 9, scale: 1...1, ratio: 1...1),
            HorizontalFlip(p: 0), RandomAffine(degrees: 0...0), GaussianBlur(sigma: 0...0),
            GaussianBlur(sigma: 1...2, p: 0), GaussianNoise(std: 0), ColorJitter(), ColorJitter(brightness: 0.9, p: 0),
            RandomGrayscale(p: 0)]
        let x = batch([4, 3, 9, 9], seed: 5)
        for aug in identities {
            var rng = SeededGenerator(seed: 6)
            XCTAssertEqual(try aug.apply(x, using: &rng), x, "\(aug)")
        }
        var rng = SeededGenerator(seed: 7)
        XCTAssertEqual(try AugmentationPipeline(identities).apply(x, using: &rng), x)
        // Non-square: the ratio must be W/H for the crop to be the whole image.
        let wide = batch([3, 1, 6, 9], seed: 8)
        XCTAssertEqual(try RandomResizedCrop(height: 6, width: 9, scale: 1...1, ratio: 1.5...1.5).apply(wide, using: &rng), wide)
    }

    func testSameSeedSameOutputDifferentSeedDifferentOutput() throws {
        let x = batch([6, 3, 16, 16], seed: 9)
        let pipeline = AugmentationPipeline(AugmentationPipeline.simCLR(size: 12, blurProbability: 0.5).steps
                                            + [RandomAffine(degrees: -10...10, translate: (0.1, 0.1)), GaussianNoise(std: 0.02)])
        var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42), c = SeededGenerator(seed: 43)
        let ya = try pipeline.apply(x, using: &a)
        XCTAssertEqual(ya.shape, [6, 3, 12, 12])
        XCTAssertEqual(ya, try pipeline.apply(x, using: &b))
        XCTAssertNotEqual(ya, try pipeline.apply(x, using: &c))
        XCTAssertEqual(a.next(), b.next(), "the same number of draws")
        let views = try pipeline.views(of: x, count: 2, using: &a)
        XCTAssertNotEqual(views[0], views[1])
    }

    /// Draws are made image by image before any pixel is written, so a batch big enough to be
    /// split across cores gives what the images give one at a time with the same stream.
    func testBatchEqualsImagesOneAtATime() throws {
        let (n, c, h, w) = (64, 3, 16, 16)          // enough images for ImageBatch.forEach to use two parts
        let x = batch([n, c, h, w], seed: 10)
        for (name, aug, _) in busy(size: 12) {
            var whole = SeededGenerator(seed: 11), single = SeededGenerator(seed: 11)
            let y = try aug.apply(x, using: &whole)
            var parts = [Float]()
            for i in 0..<n {
                let xi = try Tensor(shape: [1, c, h, w], data: Array(x.data[(i * c * h * w)..<((i + 1) * c * h * w)]))
                parts += try aug.apply(xi, using: &single).data
            }
            XCTAssertEqual(y.data, parts, name)
        }
    }

    func testFlipMirrorsAndTwiceIsIdentity() throws {
        let x = try image(2, 3) { y, x in 10 * y + x }
        var rng = SeededGenerator(seed: 1)
        let once = try HorizontalFlip(p: 1).apply(x, using: &rng)
        XCTAssertEqual(once.data, [2, 1, 0, 12, 11, 10])
        let big = batch([3, 3, 5, 4], seed: 2)
        XCTAssertEqual(try HorizontalFlip(p: 1).apply(HorizontalFlip(p: 1).apply(big, using: &rng), using: &rng), big)
    }

    func testBlurKernelAndConstantImage() throws {
        let k = GaussianBlur.kernel(sigma: 1)
        XCTAssertEqual(k.count, 7, "radius ⌈3σ⌉ = 3")
        XCTAssertEqual(Double(k.reduce(0, +)), 1, accuracy: 1e-6)
        XCTAssertEqual(GaussianBlur.kernel(sigma: 0.4).count, 5, "⌈1.2⌉ = 2")
        XCTAssertEqual(Double(k[3] / k[4]), exp(0.5), accuracy: 1e-5)
        // A constant image stays constant everywhere, borders included, even when r ≥ W.
        let flat = Tensor(repeating: 0.37, shape: [2, 3, 5, 4])
        let blurred = try GaussianBlur.blur(flat, sigmas: [0.8, 2.5])
        XCTAssertEqual(blurred.data.map(Double.init).max()!, 0.37, accuracy: 1e-6)
        XCTAssertEqual(blurred.data.map(Double.init).min()!, 0.37, accuracy: 1e-6)
        // An impulse far from the borders spreads as the outer product k[dy] k[dx].
        var impulse = Tensor.zeros([1, 1, 11, 11])
        impulse.data[5 * 11 + 5] = 1
        let spread = try GaussianBlur.blur(impulse, sigmas: [1])
        XCTAssertEqual(spread.data[(5 + 1) * 11 + 5 - 2], k[3 + 1] * k[3 - 2], accuracy: 1e-7)
        XCTAssertEqual(Double(spread.data.reduce(0, +)), 1, accuracy: 1e-5)
    }

    func testResizedCropOfAGradientIsBilinear() throws {
        // f is bilinear, so bilinear interpolation reproduces it exactly at any source point.
        let f: (Double, Double) -> Double = { y, x in y * x + 2 * y + 3 * x }
        let x = try image(5, 6, f)
        let box = CropBox(top: 1, left: 2, height: 3, width: 4)
        let up = try ResizedCrop.apply(x, boxes: [box], height: 6, width: 8)
        XCTAssertEqual(up.shape, [1, 1, 6, 8])
        func expected(_ oy: Int, _ ox: Int, _ outH: Int, _ outW: Int, _ b: CropBox) -> Double {
            let sy = min(max((Double(oy) + 0.5) * Double(b.height) / Double(outH) - 0.5, 0), Double(b.height - 1))
            let sx = min(max((Double(ox) + 0.5) * Double(b.width) / Double(outW) - 0.5, 0), Double(b.width - 1))
            return f(Double(b.top) + sy, Double(b.left) + sx)
        }
        // Spot values worked by hand: (0, 0) clamps to (1, 2); (1, 3) reads (1.25, 3.25); (5, 7) clamps to (3, 5).
        XCTAssertEqual(Double(up.data[0]), f(1, 2), accuracy: 1e-5)
        XCTAssertEqual(Double(up.data[1 * 8 + 3]), f(1.25, 3.25), accuracy: 1e-5)
        XCTAssertEqual(Double(up.data[5 * 8 + 7]), f(3, 5), accuracy: 1e-5)
        for oy in 0..<6 { for ox in 0..<8 {
            XCTAssertEqual(Double(up.data[oy * 8 + ox]), expected(oy, ox, 6, 8, box), accuracy: 1e-4, "(\(oy), \(ox))")
        } }
        // Shrinking 4×4 → 2×3: sy = 2·oy + 0.5.
        let down = try ResizedCrop.apply(x, boxes: [CropBox(top: 0, left: 1, height: 4, width: 4)], height: 2, width: 3)
        XCTAssertEqual(Double(down.data[1 * 3 + 0]), f(2.5, 1 + 1.0 / 6), accuracy: 1e-4)
        XCTAssertThrowsError(try ResizedCrop.apply(x, boxes: [CropBox(top: 3, left: 0, height: 3, width: 2)], height: 2, width: 2))
    }

    func testRandomResizedCropBoxesFollowTorchvision() {
        var rng = SeededGenerator(seed: 12)
        let crop = RandomResizedCrop(size: 4, scale: 0.25...0.5, ratio: 0.5...2)
        for _ in 0..<200 {
            let b = crop.drawBox(imageHeight: 20, imageWidth: 30, using: &rng)
            XCTAssertTrue(b.top >= 0 && b.left >= 0 && b.top + b.height <= 20 && b.left + b.width <= 30, "\(b)")
            let area = Double(b.height * b.width) / 600
            XCTAssertTrue(area > 0.2 && area < 0.56, "area fraction \(area) of \(b)")        // scale, up to rounding
            let aspect = Double(b.width) / Double(b.height)
            XCTAssertTrue(aspect > 0.4 && aspect < 2.5, "aspect \(aspect) of \(b)")
        }
        // Impossible settings: 10 tries (20 nextDouble), then the centre crop narrowed to ratio 2.
        var a = SeededGenerator(seed: 13), b = a
        let box = RandomResizedCrop(size: 4, scale: 1...1, ratio: 2...3).drawBox(imageHeight: 8, imageWidth: 8, using: &a)
        XCTAssertEqual(box, CropBox(top: 2, left: 0, height: 4, width: 8))
        for _ in 0..<20 { _ = b.nextDouble() }
        XCTAssertEqual(a.next(), b.next())
        let tall = RandomResizedCrop(size: 4, scale: 1...1, ratio: 0.25...0.5).drawBox(imageHeight: 8, imageWidth: 8, using: &a)
        XCTAssertEqual(tall, CropBox(top: 0, left: 2, height: 8, width: 4))
    }

    func testAffineRotatesCounterClockwiseAndShiftsWithZeroFill() throws {
        let x = try image(5, 5) { y, x in 5 * y + x }
        let turned = try RandomAffine.warp(x, [.init(degrees: 90)])
        // out[y][x] = in[row x][column 4 − y]: the right edge moves to the top.
        for y in 0..<5 { for xx in 0..<5 {
            XCTAssertEqual(turned.data[y * 5 + xx], x.data[xx * 5 + 4 - y], accuracy: 1e-5, "(\(y), \(xx))")
        } }
        let shifted = try RandomAffine.warp(x, [.init(tx: 1)])
        for y in 0..<5 {
            XCTAssertEqual(shifted.data[y * 5], 0, "zero fill")
            for xx in 1..<5 { XCTAssertEqual(shifted.data[y * 5 + xx], x.data[y * 5 + xx - 1], accuracy: 1e-6) }
        }
        let half = try RandomAffine.warp(x, [.init(ty: 0.5)])
        XCTAssertEqual(half.data[2 * 5 + 3], (x.data[1 * 5 + 3] + x.data[2 * 5 + 3]) / 2, accuracy: 1e-6)
    }

    func testColorJitterAdjustmentsAndDraws() throws {
        let x = batch([1, 3, 4, 5], seed: 14)
        let luma = { (t: Tensor, q: Int) -> Float in 0.299 * t.data[q] + 0.587 * t.data[20 + q] + 0.114 * t.data[40 + q] }
        let dim = try ColorJitter.adjust(x, [.init(brightness: 0.5)])
        for i in 0..<60 { XCTAssertEqual(dim.data[i], 0.5 * x.data[i], accuracy: 1e-7) }
        let bright = try ColorJitter.adjust(x, [.init(brightness: 3)])
        XCTAssertTrue(bright.data.contains(1) && bright.data.allSatisfy { $0 <= 1 }, "clamped")
        let flat = try ColorJitter.adjust(x, [.init(contrast: 0)])
        let mean = (0..<20).map { luma(x, $0) }.reduce(0, +) / 20
        for v in flat.data { XCTAssertEqual(v, mean, accuracy: 1e-6) }
        var rng = SeededGenerator(seed: 1)
        let gray = try RandomGrayscale(p: 1).apply(x, using: &rng)
        XCTAssertEqual(try ColorJitter.adjust(x, [.init(saturation: 0)]).data, gray.data)
        for q in 0..<20 { XCTAssertEqual(gray.data[q], luma(x, q)); XCTAssertEqual(gray.data[40 + q], luma(x, q)) }
        // Hue: a third of a turn takes red to green; gray has no hue; the HSV round trip is exact to Float.
        let rgb = try Tensor(shape: [1, 3, 1, 2], data: [1, 0.4, 0, 0.4, 0, 0.4])
        let shifted = try ColorJitter.adjust(rgb, [.init(hue: 1.0 / 3)])
        XCTAssertEqual(shifted.data.map { ($0 * 1e5).rounded() / 1e5 }, [0, 0.4, 1, 0.4, 0, 0.4])
        for (r, g, b) in [(0.2, 0.7, 0.1), (0.9, 0.1, 0.5), (0.3, 0.3, 0.8)] as [(Float, Float, Float)] {
            let hsv = HSV.fromRGB(r, g, b), back = HSV.toRGB(hsv.h, hsv.s, hsv.v)
            XCTAssertEqual(back.r, r, accuracy: 1e-6); XCTAssertEqual(back.g, g, accuracy: 1e-6); XCTAssertEqual(back.b, b, accuracy: 1e-6)
        }
        // Draws: factors inside torchvision's ranges, order a permutation, nothing when u ≥ p.
        let jitter = ColorJitter(brightness: 0.4, contrast: 1.5, saturation: 0.2, hue: 0.1)
        var orders = Set<[Int]>()
        for _ in 0..<100 {
            let f = jitter.drawFactors(using: &rng)
            XCTAssertTrue((0.6...1.4).contains(f.brightness!) && (0...2.5).contains(f.contrast!)
                          && (0.8...1.2).contains(f.saturation!) && (-0.1...0.1).contains(f.hue!), "\(f)")
            XCTAssertEqual(f.order.sorted(), [0, 1, 2, 3])
            orders.insert(f.order)
        }
        XCTAssertGreaterThan(orders.count, 5, "random order")
        let off = ColorJitter(brightness: 0.4, p: 0, randomOrder: false).drawFactors(using: &rng)
        XCTAssertEqual(off, .init())
    }

    func testNoiseStatisticsAndClamp() throws {
        var rng = SeededGenerator(seed: 15)
        let y = try GaussianNoise(std: 0.1).apply(Tensor.zeros([2, 1, 50, 50]), using: &rng)
        let m = y.data.reduce(0, +) / 5000
        let s = (y.data.map { ($0 - m) * ($0 - m) }.reduce(0, +) / 5000).squareRoot()
        XCTAssertEqual(m, 0, accuracy: 0.005)          // 3.5 standard errors (0.1/√5000)
        XCTAssertEqual(s, 0.1, accuracy: 0.005)        // 5 standard errors of the sample std
        let z = try GaussianNoise(std: 0.5, clamp: true).apply(Tensor(repeating: 0.5, shape: [1, 3, 8, 8]), using: &rng)
        XCTAssertTrue(z.data.allSatisfy { $0 >= 0 && $0 <= 1 } && z.data.contains(0) && z.data.contains(1))
    }
}
