import Foundation
import RepLearn

/// A tiny BERT (Devlin et al. 2018): token embedding (initialised with std 1, so that a token is
/// not drowned by its position at the start) + fixed 1-D sin-cos positions → pre-norm
/// Transformer blocks → LayerNorm → a linear layer to the vocabulary, applied only at the
/// positions the loss (or the evaluation) asks about. tokens [B][T] → logits [#positions, V].
final class MaskedLanguageModel: Module {
    let tokenEmbedding: Variable
    let positions: Tensor
    let blocks: [TransformerBlock]
    let norm: LayerNorm, head: Linear
    let vocabulary: Int, length: Int, dim: Int

    init(vocabulary: Int, length: Int, dim: Int, depth: Int, heads: Int, rng: inout SeededGenerator) {
        self.vocabulary = vocabulary; self.length = length; self.dim = dim
        tokenEmbedding = parameter(Tensor.randomNormal([vocabulary, dim], std: 1, using: &rng), "tokenEmbedding")
        let table = SinCos.embedding1D(dim: dim, positions: (0..<length).map(Double.init))
        positions = try! Tensor(shape: [length, dim], data: table.flatMap { $0.map(Float.init) })
        blocks = (0..<depth).map { _ in TransformerBlock(dim: dim, heads: heads, mlpDim: 4 * dim, init: .xavierUniform, rng: &rng) }
        norm = LayerNorm(dim)
        head = Linear(dim, vocabulary, init: .xavierUniform, rng: &rng)
    }

    /// tokens [B][T] → logits at `at` (flat indices b·T + t): [at.count, V].
    func logits(_ tokens: [[Int]], at: [Int]) throws -> Variable {
        let b = tokens.count
        var h = try tokenEmbedding.gathered(axis: 0, indices: tokens.flatMap { $0 }).reshaped([b, length, dim]) + Variable(positions)
        for block in blocks { h = try block(h) }
        return try head(try norm(h).reshaped([b * length, dim]).gathered(axis: 0, indices: at))
    }

    var namedParameters: [(String, Variable)] {
        [("tokenEmbedding", tokenEmbedding)] + blocks.enumerated().flatMap { prefixed("blocks.\($0.offset)", $0.element) }
            + prefixed("norm", norm) + prefixed("head", head)
    }
}

/// The language data: Austen's novels as lower-case words (letters and inner apostrophes),
/// the most frequent `size` words as the vocabulary plus [UNK] and [MASK], cut into windows of
/// `length` tokens; the last `heldOutFraction` of the text is held out.
struct MLMCorpus {
    let words: [String]
    let unknown: Int, mask: Int
    let train: [[Int]], heldOut: [[Int]]
    let tokens: Int, coverage: Double

    init(size: Int, length: Int, heldOutFraction: Double = 0.05) throws {
        let text = try TextCorpus.text("austen").lowercased()
        var all: [String] = [], word = ""
        for ch in text.unicodeScalars {
            if CharacterSet.lowercaseLetters.contains(ch) || (ch == "'" && !word.isEmpty) { word.unicodeScalars.append(ch) }
            else if !word.isEmpty { all.append(word.hasSuffix("'") ? String(word.dropLast()) : word); word = "" }
        }
        if !word.isEmpty { all.append(word) }
        var counts: [String: Int] = [:]
        for w in all { counts[w, default: 0] += 1 }
        let top = counts.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.prefix(size).map(\.key)
        let unk = top.count
        words = top; unknown = unk; mask = unk + 1
        var index: [String: Int] = [:]
        for (i, w) in top.enumerated() { index[w] = i }
        let ids = all.map { index[$0] ?? unk }
        tokens = ids.count
        coverage = Double(ids.filter { $0 != unk }.count) / Double(max(ids.count, 1))
        let windows = stride(from: 0, to: ids.count - length + 1, by: length).map { Array(ids[$0..<($0 + length)]) }
        let cut = Int(Double(windows.count) * (1 - heldOutFraction))
        train = Array(windows[..<cut]); heldOut = Array(windows[cut...])
    }
}
