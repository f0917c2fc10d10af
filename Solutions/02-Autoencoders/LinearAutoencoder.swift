import Course
import RepLearn

// Exercises 2.4 and 2.5 — the linear autoencoder x̂ = D E x.
extension ReferenceAutoencoders {
    /// Z = xEᵀ [n, k], R = ZDᵀ − x [n, d]; L = (1/n) Σ R²; ∂L/∂D = (2/n) RᵀZ; ∂L/∂E = (2/n) (RD)ᵀ x.
    public func linearAutoencoderLoss(_ x: Tensor, encoder e: Tensor, decoder d: Tensor) throws -> AutoencoderGradients {
        try e.expectShape([-1, x.cols], "linearAutoencoderLoss", name: "encoder (E: [k, d])")
        try d.expectShape([x.cols, e.rows], "linearAutoencoderLoss", name: "decoder (D: [d, k])")
        let n = Float(x.rows)
        let z = try Tensor.matmul(x, e, transposeB: true)
        let r = try Tensor.matmul(z, d, transposeB: true) - x
        let loss = r.data.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(n)
        let gd = try Tensor.matmul(r, z, transposeA: true) * (2 / n)
        let ge = try Tensor.matmul(Tensor.matmul(r, d), x, transposeA: true) * (2 / n)
        return AutoencoderGradients(loss: loss, encoder: ge, decoder: gd)
    }

    public func linearAutoencoderStep(_ x: Tensor, encoder: Tensor, decoder: Tensor, learningRate: Float) throws -> (encoder: Tensor, decoder: Tensor) {
        let g = try linearAutoencoderLoss(x, encoder: encoder, decoder: decoder)
        var (e, d) = (encoder, decoder)
        try e.addScaled(g.encoder, -learningRate)
        try d.addScaled(g.decoder, -learningRate)
        return (e, d)
    }
}
