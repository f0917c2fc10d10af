import Foundation
import RepLearn

/// A photo in Lab at the experiment's working size: L: [H·W], ab: [2, H·W] (a plane then b).
struct LabPhoto {
    let name: String
    let height: Int, width: Int
    var lightness: [Float]
    var ab: [Float]
    /// The photo's own sRGB pixels, [3, H·W] in [0, 1] (for crops of the original colours).
    var rgb: [Float]

    /// Loads `name` from datasets/photos, halves it `halvings` times (2×2 means), crops both
    /// sides to multiples of 4 (the network's output stride) and converts it to Lab with `impl`
    /// (exercise 5.1).
    static func load(_ name: String, halvings: Int, impl: any ColorizationExercises) throws -> LabPhoto {
        let img = try Datasets.photo(name, channels: 3)
        var (h, w) = (img.height, img.width)
        var px = [Float](repeating: 0, count: 3 * h * w)                  // planar RGB in [0, 1]
        for y in 0..<h { for x in 0..<w { for c in 0..<3 { px[(c * h + y) * w + x] = Float(img.pixels[(y * w + x) * 3 + c]) / 255 } } }
        for _ in 0..<halvings {
            let (h2, w2) = (h / 2, w / 2)
            var next = [Float](repeating: 0, count: 3 * h2 * w2)
            for c in 0..<3 { for y in 0..<h2 { for x in 0..<w2 {
                let s = px[(c * h + 2 * y) * w + 2 * x] + px[(c * h + 2 * y) * w + 2 * x + 1]
                      + px[(c * h + 2 * y + 1) * w + 2 * x] + px[(c * h + 2 * y + 1) * w + 2 * x + 1]
                next[(c * h2 + y) * w2 + x] = s / 4
            } } }
            (px, h, w) = (next, h2, w2)
        }
        let (hc, wc) = (h / 4 * 4, w / 4 * 4)
        var rgb = [Float](repeating: 0, count: 3 * hc * wc)
        for c in 0..<3 { for y in 0..<hc { for x in 0..<wc { rgb[(c * hc + y) * wc + x] = px[(c * h + y) * w + x] } } }
        let n = hc * wc
        let rows = try impl.labFromSRGB(PositionRows.rows(planar: rgb, channels: 3))       // [n, 3] (L, a, b)
        guard rows.shape == [n, 3], rows.data.allSatisfy(\.isFinite) else {
            throw InputError("labFromSRGB (exercise 5.1) returned \(rows.shape) for [\(n), 3] pixels, or non-finite values")
        }
        let lab = PositionRows.planar(rows)
        return LabPhoto(name: name, height: hc, width: wc, lightness: Array(lab[0..<n]), ab: Array(lab[n..<(3 * n)]), rgb: rgb)
    }

    /// The network's input for the whole photo: (L/50 − 1), [1, 1, H, W].
    var input: Tensor { try! Tensor(shape: [1, 1, height, width], data: lightness.map { $0 / 50 - 1 }) }

    /// ab averaged over each 4×4 block, [2, H/4·W/4]: the targets at the output's resolution.
    var quarterAB: [Float] {
        let (h4, w4) = (height / 4, width / 4)
        var out = [Float](repeating: 0, count: 2 * h4 * w4)
        for c in 0..<2 { for y in 0..<h4 { for x in 0..<w4 {
            var s: Float = 0
            for dy in 0..<4 { for dx in 0..<4 { s += ab[c * height * width + (4 * y + dy) * width + 4 * x + dx] } }
            out[(c * h4 + y) * w4 + x] = s / 16
        } } }
        return out
    }
}

/// Random training crops (positions and horizontal flips drawn from the generator in that order).
struct CropSampler {
    let photos: [LabPhoto]
    let size: Int

    /// → inputs [B, 1, s, s] (L/50 − 1) and the crops' 4×4-block mean ab, [B][2][(s/4)²].
    func batch(_ b: Int, rng: inout SeededGenerator) -> (input: Tensor, ab: [[Float]]) {
        let s = size, q = s / 4
        var input = Tensor.zeros([b, 1, s, s])
        var targets: [[Float]] = []
        for i in 0..<b {
            let p = photos[rng.nextInt(below: photos.count)]
            let y0 = rng.nextInt(below: p.height - s + 1), x0 = rng.nextInt(below: p.width - s + 1)
            let flip = rng.nextFloat() < 0.5
            var t = [Float](repeating: 0, count: 2 * q * q)
            for y in 0..<s { for x in 0..<s {
                let sx = x0 + (flip ? s - 1 - x : x), k = (y0 + y) * p.width + sx
                input.data[(i * s + y) * s + x] = p.lightness[k] / 50 - 1
                for c in 0..<2 { t[(c * q + y / 4) * q + x / 4] += p.ab[c * p.height * p.width + k] / 16 }
            } }
            targets.append(t)
        }
        return (input, targets)
    }
}
