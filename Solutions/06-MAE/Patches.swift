import Course
import RepLearn

// Exercise 6.1 — patchify / unpatchify, as loops over MAE's index map
//   patches[s, row·gw + col, (i·p + j)·c + ch] = images[s, ch, row·p + i, col·p + j].
extension ReferenceMAE {
    public func patchify(_ images: Tensor, patch p: Int) throws -> Tensor {
        guard images.rank == 4, p > 0, images.shape[2] % p == 0, images.shape[3] % p == 0 else {
            throw ShapeError(op: "patchify", message: "images \(images.shape) ([n, c, H, W]) are not a multiple of patch \(p)")
        }
        let (n, c, h, w) = (images.shape[0], images.shape[1], images.shape[2], images.shape[3])
        let (gh, gw) = (h / p, w / p)
        var out = Tensor.zeros([n, gh * gw, p * p * c])
        for s in 0..<n { for row in 0..<gh { for col in 0..<gw { for i in 0..<p { for j in 0..<p { for ch in 0..<c {
            let src = ((s * c + ch) * h + row * p + i) * w + col * p + j
            let dst = (s * gh * gw + row * gw + col) * p * p * c + (i * p + j) * c + ch
            out.data[dst] = images.data[src]
        } } } } } }
        return out
    }

    public func unpatchify(_ patches: Tensor, patch p: Int, gridH gh: Int, gridW gw: Int, channels c: Int) throws -> Tensor {
        guard patches.rank == 3, patches.shape[1] == gh * gw, patches.shape[2] == p * p * c else {
            throw ShapeError(op: "unpatchify", message: "patches \(patches.shape) are not [n, \(gh * gw), \(p * p * c)]")
        }
        let n = patches.shape[0], (h, w) = (gh * p, gw * p)
        var out = Tensor.zeros([n, c, h, w])
        for s in 0..<n { for row in 0..<gh { for col in 0..<gw { for i in 0..<p { for j in 0..<p { for ch in 0..<c {
            let dst = ((s * c + ch) * h + row * p + i) * w + col * p + j
            let src = (s * gh * gw + row * gw + col) * p * p * c + (i * p + j) * c + ch
            out.data[dst] = patches.data[src]
        } } } } } }
        return out
    }
}
