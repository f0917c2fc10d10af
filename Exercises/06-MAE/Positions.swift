import Course
import RepLearn

// Exercise 6.3 — 2-D sin-cos position embedding. Lecture: Lectures/06-mae.md, "The MAE recipe"
extension StudentMAE {
    /// → [gridH·gridW, dim], row l = row·gridW + column. Values 0..<dim/2: the 1-D embedding of the column;
    /// dim/2..<dim: of the row. 1-D embedding of x with D = dim/2 values:
    /// [sin(x·ω₀) … sin(x·ω_{D/2−1}), cos(x·ω₀) … cos(x·ω_{D/2−1})], ωᵢ = 1 / 10000^{i/(D/2)}.
    public func sinCosEmbedding2D(dim: Int, gridH: Int, gridW: Int) throws -> Tensor {
        throw NotImplemented("6.3")
    }
}
