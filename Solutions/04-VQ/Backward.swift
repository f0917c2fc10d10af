import Course
import RepLearn

// Exercise 4.3 — backward through the quantizer.
extension ReferenceVQ {
    /// ∂L/∂z_e = g + (2β/n)(z_e − e_{k(i)})   (straight-through + commitment; sg[e] blocks the codebook)
    /// ∂L/∂e_k = (2/n) Σ_{i: k(i)=k} (e_k − z_e,i)   (codebook loss; sg[z_e] blocks the encoder)
    public func vqBackward(_ z: Tensor, codebook: Tensor, indices: [Int], decoderInputGradient g: Tensor, beta: Float) throws -> VQGradients {
        try g.expectShape(z.shape, "vqBackward", name: "decoderInputGradient")
        let zq = try codebook.gatherRows(indices)
        let n = Float(z.rows)
        let diff = try z - zq                                           // z_e − e_k, [n, d]
        var encoder = g
        try encoder.addScaled(diff, 2 * beta / n)
        var cb = Tensor.zeros(codebook.shape)
        let d = z.cols
        for (i, k) in indices.enumerated() { for j in 0..<d { cb.data[k * d + j] -= 2 / n * diff.data[i * d + j] } }
        return VQGradients(encoder: encoder, codebook: cb)
    }
}
