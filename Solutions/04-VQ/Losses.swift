import Course
import RepLearn

// Exercise 4.2 — codebook and commitment losses. Equal in value; the stop-gradients differ.
extension ReferenceVQ {
    public func vqLosses(_ z: Tensor, codebook: Tensor, indices: [Int], beta: Float) throws -> VQLosses {
        let zq = try codebook.gatherRows(indices)
        try z.expectShape(zq.shape, "vqLosses", name: "z_e")
        let sq = try meanSquaredError(zq, z).loss          // (1/n) Σ ‖z_e − e_k‖²
        return VQLosses(codebook: sq, commitment: sq, total: sq + Double(beta) * sq)
    }
}
