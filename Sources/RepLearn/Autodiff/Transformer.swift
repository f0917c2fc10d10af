import Foundation

/// Multi-head self-attention (Vaswani et al. 2017):
///   q, k, v = x·W_qkvᵀ split into h heads of d_h = D/h,
///   head = softmax(q·kᵀ/√d_h)·v, y = concat(heads)·W_oᵀ + b_o.
/// x: [B, T, D] → [B, T, D]. The heads run in one fused op, ``Variable/multiHeadAttention(packed:heads:)``,
/// which reads them in place from the projections; ``splitHeadsAttention(_:)`` is the same
/// computation from engine ops (reshape, permute, ``Variable/scaledDotProductAttention(_:_:_:mask:)``),
/// the form the lecture derives, and the tests hold the two equal.
public final class MultiHeadSelfAttention: Module {
    public let qkv: Linear, proj: Linear
    public let heads: Int

    public init(dim: Int, heads: Int, init initializer: Init = .pytorchDefault, rng: inout SeededGenerator) {
        precondition(dim % heads == 0, "attention: dim \(dim) is not divisible by \(heads) heads")
        qkv = Linear(dim, 3 * dim, init: initializer, rng: &rng)
        proj = Linear(dim, dim, init: initializer, rng: &rng)
        self.heads = heads
    }

    public func callAsFunction(_ x: Variable) throws -> Variable {
        try x.expectRank(3, "attention")
        return try proj(Variable.multiHeadAttention(packed: qkv(x), heads: heads))
    }

    /// The same as calling the layer, from engine ops: the heads split out by reshape and permute.
    public func splitHeadsAttention(_ x: Variable) throws -> Variable {
        try x.expectRank(3, "attention")
        let (b, t, d) = (x.shape[0], x.shape[1], x.shape[2]), dh = d / heads
        let qkvHeads = try qkv(x).reshaped([b, t, 3, heads, dh]).permuted([2, 0, 3, 1, 4])   // [3, B, h, T, dh]
        let q = try qkvHeads.sliced(axis: 0, 0..<1).reshaped([b * heads, t, dh])
        let k = try qkvHeads.sliced(axis: 0, 1..<2).reshaped([b * heads, t, dh])
        let v = try qkvHeads.sliced(axis: 0, 2..<3).reshaped([b * heads, t, dh])
        let out = try Variable.scaledDotProductAttention(q, k, v)                           // [B·h, T, dh]
        let merged = try out.reshaped([b, heads, t, dh]).permuted([0, 2, 1, 3]).reshaped([b, t, d])
        return try proj(merged)
    }

    public var namedParameters: [(String, Variable)] { prefixed("qkv", qkv) + prefixed("proj", proj) }
}

extension Variable {
    /// softmax(q·kᵀ/√d + mask)·v for q: [B, Tq, d], k, v: [B, Tk, d] → [B, Tq, d]; `mask`
    /// (optional, [Tq, Tk]) is added to the scores before the softmax (−∞ hides a key).
    public static func scaledDotProductAttention(_ q: Variable, _ k: Variable, _ v: Variable, mask: Tensor? = nil) throws -> Variable {
        let d = Float(q.shape.last ?? 1)
        var scores = try batchedMatmul(q, k, transposeB: true) * (1 / d.squareRoot())
        if let mask { scores = try scores + Variable(mask) }
        return try batchedMatmul(try scores.softmax(axis: -1), v)
    }

    func expectRank(_ r: Int, _ op: String) throws {
        guard shape.count == r else { throw ShapeError(op: op, message: "needs a rank-\(r) input, got \(shape)") }
    }
}

/// Pre-norm Transformer block: x + Attn(LN(x)), then x + MLP(LN(x)) with GELU. [B, T, D] → same.
public final class TransformerBlock: Module {
    public let norm1: LayerNorm, attention: MultiHeadSelfAttention, norm2: LayerNorm, mlp: MLPModule

    public init(dim: Int, heads: Int, mlpDim: Int, init initializer: Init = .pytorchDefault, rng: inout SeededGenerator) {
        norm1 = LayerNorm(dim)
        attention = MultiHeadSelfAttention(dim: dim, heads: heads, init: initializer, rng: &rng)
        norm2 = LayerNorm(dim)
        mlp = MLPModule([dim, mlpDim, dim], activation: { $0.gelu() }, init: initializer, rng: &rng)
    }

    public func callAsFunction(_ x: Variable) throws -> Variable {
        let h = try x + attention(norm1(x))
        return try h + mlp(norm2(h))
    }

    public var namedParameters: [(String, Variable)] {
        prefixed("norm1", norm1) + prefixed("attention", attention) + prefixed("norm2", norm2) + prefixed("mlp", mlp)
    }
}

/// A small Vision Transformer encoder: images → p×p patches → Linear patch embedding + fixed
/// 2-D sin-cos position embedding → pre-norm blocks → LayerNorm. No class token (features are
/// mean-pooled by the caller). MAE calls ``embed(_:)``, keeps a subset of tokens, then ``encode(_:)``.
public final class ViTEncoder: Module {
    public let patch: Int, gridH: Int, gridW: Int, channels: Int, dim: Int
    public let patchEmbedding: Linear
    public let blocks: [TransformerBlock]
    public let norm: LayerNorm
    /// [L, D], fixed (not trained).
    public let positions: Tensor

    public init(imageSize: (h: Int, w: Int), patch: Int, channels: Int = 1, dim: Int, depth: Int, heads: Int, mlpDim: Int,
                init initializer: Init = .xavierUniform, rng: inout SeededGenerator) {
        precondition(imageSize.h % patch == 0 && imageSize.w % patch == 0, "ViT: image \(imageSize) is not a multiple of patch \(patch)")
        self.patch = patch; self.channels = channels; self.dim = dim
        gridH = imageSize.h / patch; gridW = imageSize.w / patch
        patchEmbedding = Linear(patch * patch * channels, dim, init: initializer, rng: &rng)
        blocks = (0..<depth).map { _ in TransformerBlock(dim: dim, heads: heads, mlpDim: mlpDim, init: initializer, rng: &rng) }
        norm = LayerNorm(dim)
        positions = SinCos.embedding2D(dim: dim, gridH: gridH, gridW: gridW)
    }

    /// images [N, C, H, W] → tokens [N, L, D] (patch embedding + positions).
    public func embed(_ images: Variable) throws -> Variable {
        let patches = try ImagePatches.patchify(images, patch: patch)
        return try patchEmbedding(patches) + Variable(positions)
    }

    /// tokens [N, T, D] → [N, T, D] through the blocks and the final LayerNorm.
    public func encode(_ tokens: Variable) throws -> Variable {
        var h = tokens
        for block in blocks { h = try block(h) }
        return try norm(h)
    }

    /// images → mean-pooled features [N, D] (all patches visible).
    public func features(_ images: Variable) throws -> Variable { try encode(embed(images)).mean(axes: [1]) }

    public var namedParameters: [(String, Variable)] {
        prefixed("patchEmbedding", patchEmbedding) + blocks.enumerated().flatMap { prefixed("blocks.\($0.offset)", $0.element) } + prefixed("norm", norm)
    }
}

/// Images cut into patches, in MAE's order: patch index = row·(W/p) + column, and within a
/// patch the values run over (i, j, channel): [N, C, H, W] → [N, (H/p)(W/p), p·p·C].
public enum ImagePatches {
    public static func patchify(_ x: Variable, patch p: Int) throws -> Variable {
        guard x.shape.count == 4, x.shape[2] % p == 0, x.shape[3] % p == 0 else {
            throw ShapeError(op: "patchify", message: "image \(x.shape) ([N, C, H, W]) is not a multiple of patch \(p)")
        }
        let (n, c, h, w) = (x.shape[0], x.shape[1], x.shape[2] / p, x.shape[3] / p)
        return try x.reshaped([n, c, h, p, w, p]).permuted([0, 2, 4, 3, 5, 1]).reshaped([n, h * w, p * p * c])
    }

    /// The inverse of ``patchify(_:patch:)``: [N, L, p·p·C] → [N, C, gridH·p, gridW·p].
    public static func unpatchify(_ x: Variable, patch p: Int, gridH: Int, gridW: Int, channels c: Int) throws -> Variable {
        let n = x.shape[0]
        return try x.reshaped([n, gridH, gridW, p, p, c]).permuted([0, 5, 1, 3, 2, 4]).reshaped([n, c, gridH * p, gridW * p])
    }
}

/// Fixed sin-cos position embeddings as in the MAE code.
public enum SinCos {
    /// 1-D: for position x and i < D/2, ωᵢ = 1/10000^{2i/D}: [sin(xω₀) … sin(xω_{D/2−1}), cos(xω₀) …].
    public static func embedding1D(dim: Int, positions: [Double]) -> [[Double]] {
        let half = dim / 2
        return positions.map { x in
            let omega = (0..<half).map { 1 / Foundation.pow(10000, Double($0) / Double(half)) }
            return omega.map { Foundation.sin(x * $0) } + omega.map { Foundation.cos(x * $0) }
        }
    }

    /// 2-D, [gridH·gridW, D]: the first D/2 values embed the column, the last D/2 the row (MAE's
    /// meshgrid(w, h) order), positions in row-major order.
    public static func embedding2D(dim: Int, gridH: Int, gridW: Int) -> Tensor {
        precondition(dim % 4 == 0, "2-D sin-cos embedding needs a dim divisible by 4, got \(dim)")
        var out = [Float]()
        for r in 0..<gridH { for c in 0..<gridW {
            let a = embedding1D(dim: dim / 2, positions: [Double(c)])[0], b = embedding1D(dim: dim / 2, positions: [Double(r)])[0]
            out += (a + b).map { Float($0) }
        } }
        return try! Tensor(shape: [gridH * gridW, dim], data: out)
    }
}
