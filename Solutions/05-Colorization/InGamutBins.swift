import Course
import RepLearn

// Exercise 5.2 — the ab bins some sRGB colour reaches: sweep the cube, round to the grid, dedupe.
extension ReferenceColorization {
    public func inGamutBins(gridSize g: Float, levels: Int) throws -> Tensor {
        guard levels >= 2, g > 0 else { throw InputError("inGamutBins: needs levels ≥ 2 and gridSize > 0 (got \(levels), \(g))") }
        let s = Float(levels - 1)
        var seen = Set<[Int]>()
        for r in 0..<levels { for gr in 0..<levels { for b in 0..<levels {
            let lab = ColorSpace.lab(r: Float(r) / s, g: Float(gr) / s, b: Float(b) / s)
            seen.insert([Int((lab.a / g).rounded()), Int((lab.b / g).rounded())])      // nearest centre, in grid units
        } } }
        let sorted = seen.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }
        return try Tensor(shape: [sorted.count, 2], data: sorted.flatMap { [Float($0[0]) * g, Float($0[1]) * g] })
    }
}
