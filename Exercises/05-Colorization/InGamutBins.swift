import Course
import RepLearn

// Exercise 5.2 — in-gamut ab bins.               Lecture: Lectures/05-colorization.md, "Colour as classification"
extension StudentColorization {
    /// Sweep the sRGB cube on levels³ colours (r, g, b) = (i, j, k) / (levels − 1), i, j, k ∈ 0..<levels.
    /// A colour's bin is its nearest grid centre: (gridSize · round(a / gridSize), gridSize · round(b / gridSize)).
    /// → the centres of the bins some colour falls in, [Q, 2] rows (a, b), each bin once, sorted by a, then by b.
    public func inGamutBins(gridSize: Float, levels: Int) throws -> Tensor {
        throw NotImplemented("5.2")
    }
}
