import Course
import RepLearn

// Exercise 9.1 — the linear probe (softmax regression).   Lecture: Lectures/09-transfer.md, "The linear probe"
extension StudentTransfer {
    /// x: [n, d], labels in 0..<c, W: [c, d], b: [c], λ → L = (1/n) Σᵢ −log p_{yᵢ} + (λ/2)‖W‖² and ∂L/∂W, ∂L/∂b.
    /// p = the usual softmax of s = xWᵀ + b (subtract each row's max before exp). The bias is not regularised.
    public func probeLoss(_ features: Tensor, labels: [Int], weight: Tensor, bias: Tensor, l2: Float) throws -> ProbeGradients {
        throw NotImplemented("9.1")
    }

    /// Gradient descent on the full batch from W = 0, b = 0, exactly `steps` steps of size η → (W, b).
    public func trainProbe(_ features: Tensor, labels: [Int], classes: Int, l2: Float, learningRate: Float, steps: Int) throws -> ProbeHead {
        throw NotImplemented("9.1")
    }
}
