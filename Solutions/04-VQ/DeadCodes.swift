import Course
import RepLearn

// Exercise 4.5 — re-initialising dead codes with encoder outputs.
extension ReferenceVQ {
    public func reinitializeDeadCodes(_ codebook: Tensor, counts: [Int], encoderOutputs: Tensor, rng: inout SeededGenerator) throws -> Tensor {
        guard counts.count == codebook.rows else {
            throw ShapeError(op: "reinitializeDeadCodes", message: "\(counts.count) counts for \(codebook.rows) codes")
        }
        try encoderOutputs.expectShape([-1, codebook.cols], "reinitializeDeadCodes", name: "encoderOutputs")
        var out = codebook
        let d = codebook.cols
        for k in 0..<codebook.rows where counts[k] == 0 {
            let r = rng.nextInt(below: encoderOutputs.rows)
            for j in 0..<d { out.data[k * d + j] = encoderOutputs.data[r * d + j] }
        }
        return out
    }
}
