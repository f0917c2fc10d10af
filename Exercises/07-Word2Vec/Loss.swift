import Course
import Foundation
import RepLearn

// Exercise 7.3 — the SGNS loss.                  Lecture: Lectures/07-word2vec.md, "Skip-gram with negative sampling"
extension StudentWord2Vec {
    /// L = −log σ(u_oᵀv) − Σ_k log σ(−u_kᵀv) and its gradients with respect to v (center), u_o (context), u_k (negatives).
    public func sgnsLoss(center: [Float], context: [Float], negatives: [[Float]]) throws -> SGNSGradients {
        throw NotImplemented("7.3")
    }
}
