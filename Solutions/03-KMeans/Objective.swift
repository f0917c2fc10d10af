import Course
import RepLearn

// Exercise 3.3 — the objective.
extension ReferenceKMeans {
    /// J = Σᵢ ‖xᵢ − c_{a(i)}‖², accumulated in Double.
    public func objective(_ x: Tensor, _ centers: Tensor, assignments: [Int]) throws -> Double {
        try centers.expectShape([-1, x.cols], "objective", name: "centers")
        let d = x.cols
        var total = 0.0
        for (i, a) in assignments.enumerated() {
            for j in 0..<d {
                let r = Double(x.data[i * d + j]) - Double(centers.data[a * d + j])
                total += r * r
            }
        }
        return total
    }
}
