import Course
import RepLearn

// Exercise 6.1 — patchify / unpatchify.          Lecture: Lectures/06-mae.md, "The MAE recipe"
extension StudentMAE {
    /// images [n, c, H, W] (H, W multiples of p) → [n, (H/p)(W/p), p·p·c], MAE's order:
    /// patch l = row·(W/p) + column; inside it out[s, l, (i·p + j)·c + ch] = images[s, ch, row·p + i, column·p + j].
    public func patchify(_ images: Tensor, patch: Int) throws -> Tensor {
        throw NotImplemented("6.1")
    }

    /// The inverse: [n, gridH·gridW, p·p·c] → [n, c, gridH·p, gridW·p] (unpatchify(patchify(x)) == x).
    public func unpatchify(_ patches: Tensor, patch: Int, gridH: Int, gridW: Int, channels: Int) throws -> Tensor {
        throw NotImplemented("6.1")
    }
}
