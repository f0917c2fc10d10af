import Course
import RepLearn

// Exercise 4.2 — the VQ losses.                  Lecture: Lectures/04-vq.md, "Three losses, two stop-gradients"
extension StudentVQ {
    /// → L_codebook = (1/n) Σ ‖sg[z_e] − e_k‖², L_commit = (1/n) Σ ‖z_e − sg[e_k]‖², total = L_codebook + β·L_commit.
    public func vqLosses(_ z: Tensor, codebook: Tensor, indices: [Int], beta: Float) throws -> VQLosses {
        throw NotImplemented("4.2")
    }
}
