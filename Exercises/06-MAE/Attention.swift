import Course
import RepLearn

// Exercise 6.5 — attention, one head.            Lecture: Lectures/06-mae.md, "Attention, by hand"
extension StudentMAE {
    /// q: [Tq, d], k: [Tk, d], v: [Tk, dv], mask: [Tq, Tk] or nil →
    /// A = softmax(q·kᵀ/√d + mask) with the softmax over each row (over keys); output A·v: [Tq, dv].
    /// The mask is added before the softmax (an entry −∞ gives that key weight 0).
    public func attentionForward(q: Tensor, k: Tensor, v: Tensor, mask: Tensor?) throws -> Tensor {
        throw NotImplemented("6.5")
    }

    /// outputGradient G = ∂L/∂output: [Tq, dv] → ∂L/∂q: [Tq, d], ∂L/∂k: [Tk, d], ∂L/∂v: [Tk, dv].
    public func attentionBackward(q: Tensor, k: Tensor, v: Tensor, mask: Tensor?, outputGradient: Tensor) throws -> AttentionGradients {
        throw NotImplemented("6.5")
    }
}
