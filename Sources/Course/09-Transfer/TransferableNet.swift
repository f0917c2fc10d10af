import Foundation
import RepLearn

/// A classifier lecture 9 can transfer: a body of layers, bottom to top, each a group of
/// parameters that can be kept, re-initialised, frozen or trained at its own rate, and a new
/// linear head. x: [n, 784] → logits [n, classes].
protocol TransferableNet: AnyObject {
    /// The body's parameter groups, bottom → top (one per layer or block).
    var bodyGroups: [[Variable]] { get }
    /// One name per group, for legends and the output ("conv1", "block 2").
    var groupNames: [String] { get }
    var headParameters: [Variable] { get }
    /// BatchNorm's batch statistics while training, running statistics otherwise (ignored without BatchNorm).
    var training: Bool { get set }
    /// x: [n, 784] → logits [n, classes].
    func logits(_ x: Variable) throws -> Variable
    /// The body of a net of the same architecture (parameters and BatchNorm statistics); the head stays.
    func copyBody(from other: any TransferableNet) throws
    /// Partial transfer: the top k body groups drawn again from this architecture's initialiser.
    func reinitializeTop(_ k: Int, trainer: TransferTrainer, rng: inout SeededGenerator) throws
}

extension TransferableNet {
    /// Copies every body parameter of `other` by position; throws when the architectures differ.
    func copyBodyParameters(from other: any TransferableNet) throws {
        let mine = bodyGroups.flatMap { $0 }, theirs = other.bodyGroups.flatMap { $0 }
        guard mine.count == theirs.count, zip(mine, theirs).allSatisfy({ $0.shape == $1.shape }) else {
            throw InputError("copyBody: the two nets' bodies differ (\(mine.map(\.shape)) vs \(theirs.map(\.shape)))")
        }
        for (m, t) in zip(mine, theirs) { m.value = t.value }
    }
}

// MARK: lecture 9's own net

extension TransferNet: TransferableNet {
    var bodyGroups: [[Variable]] { body.map { [$0.weight, $0.bias] } }
    var groupNames: [String] { ["conv1", "conv2", "fc1"] }
    var headParameters: [Variable] { [head.weight, head.bias!] }
    var training: Bool { get { false } set {} }
    func logits(_ x: Variable) throws -> Variable { try forward(x)[3] }
    func copyBody(from other: any TransferableNet) throws { try copyBodyParameters(from: other) }
    /// Through exercise 9.3 (the chosen implementation's `reinitializeTop`).
    func reinitializeTop(_ k: Int, trainer: TransferTrainer, rng: inout SeededGenerator) throws {
        try trainer.reinitializeTop(body, k: k, rng: &rng)
    }
}

// MARK: lecture 8's SimCLR encoder with a head

/// Lecture 8's encoder (conv1+BN, conv2+BN, fc → h [n, 128]) and a linear head 128 → classes.
final class SimCLRClassifier: TransferableNet {
    let encoder: ContrastiveEncoder, head: Linear

    init(classes: Int = 10, rng: inout SeededGenerator) {
        encoder = ContrastiveEncoder(rng: &rng)
        head = Linear(ContrastiveEncoder.width, classes, rng: &rng)
    }

    /// A trained encoder with a fresh head.
    init(encoder: ContrastiveEncoder, classes: Int = 10, rng: inout SeededGenerator) {
        self.encoder = encoder
        head = Linear(ContrastiveEncoder.width, classes, rng: &rng)
    }

    var bodyGroups: [[Variable]] {
        [encoder.conv1.parameters + encoder.bn1.parameters, encoder.conv2.parameters + encoder.bn2.parameters, encoder.fc.parameters]
    }
    var groupNames: [String] { ["conv1", "conv2", "fc"] }
    var headParameters: [Variable] { head.parameters }
    var training: Bool { get { encoder.training } set { encoder.training = newValue } }

    func logits(_ x: Variable) throws -> Variable { try head(encoder(x.reshaped([x.shape[0], 1, 28, 28]))) }

    func copyBody(from other: any TransferableNet) throws {
        try copyBodyParameters(from: other)
        guard let o = other as? SimCLRClassifier else { return }
        for (mine, theirs) in [(encoder.bn1, o.encoder.bn1), (encoder.bn2, o.encoder.bn2)] {
            mine.runningMean = theirs.runningMean; mine.runningVar = theirs.runningVar
        }
    }

    /// Conv and fc weights through exercise 9.3 (PyTorch's default, fan_in = C·k² for a conv);
    /// a re-initialised layer's BatchNorm back to γ = 1, β = 0 and fresh statistics.
    func reinitializeTop(_ k: Int, trainer: TransferTrainer, rng: inout SeededGenerator) throws {
        let layers: [(weight: Variable, bias: Variable)] = [(encoder.conv1.weight, encoder.conv1.bias!), (encoder.conv2.weight, encoder.conv2.bias!),
                                                            (encoder.fc.weight, encoder.fc.bias!)]
        try trainer.reinitializeTop(layers, k: k, rng: &rng)
        for bn in [encoder.bn1, encoder.bn2].suffix(max(0, k - 1)) {
            let c = bn.gamma.shape[0]
            bn.gamma.value = Tensor(repeating: 1, shape: [c]); bn.beta.value = .zeros([c])
            bn.runningMean = .zeros([c]); bn.runningVar = Tensor(repeating: 1, shape: [c])
        }
    }

    /// The encoder's h [n, 128] (running statistics), for probes.
    func features(_ images: Tensor) throws -> Tensor { try encoder.features(images).h }
}

// MARK: lecture 6's MAE encoder (a ViT) with a head

/// Lecture 6's ViT encoder (patch embedding, 3 blocks, LayerNorm; mean-pooled tokens [n, 64]) and
/// a new head: BatchNorm of the pooled features, then Linear 64 → classes — the head MAE's code
/// puts on a frozen encoder for its linear probe. The pooled tokens carry large per-feature
/// offsets that differ little between images; without the BatchNorm (or with a LayerNorm, MAE's
/// fine-tuning `fc_norm`, which normalises across features instead of across images) the head
/// learned little more than the class frequencies in 150 steps (accuracy 0.16–0.23).
final class ViTClassifier: TransferableNet {
    let encoder: ViTEncoder, headNorm: BatchNorm, head: Linear

    convenience init(classes: Int = 10, rng: inout SeededGenerator) {
        self.init(encoder: MAEExperiment.make(rng: &rng).encoder, classes: classes, rng: &rng)
    }

    /// A trained encoder with a fresh head.
    init(encoder: ViTEncoder, classes: Int = 10, rng: inout SeededGenerator) {
        self.encoder = encoder
        headNorm = BatchNorm(encoder.dim)
        head = Linear(encoder.dim, classes, init: .xavierUniform, rng: &rng)
    }

    /// The patch embedding, then one group per block; the last block carries the final LayerNorm.
    var bodyGroups: [[Variable]] {
        let blocks = encoder.blocks.map(\.parameters)
        return [encoder.patchEmbedding.parameters] + blocks.dropLast() + [(blocks.last ?? []) + encoder.norm.parameters]
    }
    var groupNames: [String] { ["patch embedding"] + encoder.blocks.indices.map { "block \($0 + 1)" } }
    var headParameters: [Variable] { headNorm.parameters + head.parameters }
    var training: Bool { get { headNorm.training } set { headNorm.training = newValue } }

    func logits(_ x: Variable) throws -> Variable { try head(headNorm(encoder.features(x.reshaped([x.shape[0], 1, 28, 28])))) }

    func copyBody(from other: any TransferableNet) throws { try copyBodyParameters(from: other) }

    /// The top k groups copied from a freshly initialised MAE encoder (lecture 6's Xavier draws).
    func reinitializeTop(_ k: Int, trainer: TransferTrainer, rng: inout SeededGenerator) throws {
        let fresh = ViTClassifier(rng: &rng)
        for (mine, new) in zip(bodyGroups.suffix(k), fresh.bodyGroups.suffix(k)) {
            for (m, n) in zip(mine, new) { m.value = n.value }
        }
    }
}

// MARK: activations layer by layer, for RDMs and CKA

extension SimCLRClassifier {
    /// images [n, 784] → the activations after conv1 (pooled 2×2: [n, 784]), conv2 ([n, 1568]) or
    /// fc = h ([n, 128]) for layer 0, 1, 2; running statistics, no tape, in chunks of 1,000.
    func layerFeatures(_ images: Tensor, layer: Int) throws -> Tensor {
        let was = training
        training = false
        defer { training = was }
        var out: [Float] = []
        for start in stride(from: 0, to: images.rows, by: 1000) {
            let rows = Array(start..<min(start + 1000, images.rows))
            let x = try images.gatherRows(rows).reshaped([rows.count, 1, 28, 28])
            out += try Graph.noGrad {
                let a = try encoder.activations(Variable(x))[layer]
                return try (layer == 0 ? a.avgPool2d(kernel: 2) : a).value.data
            }
        }
        return try Tensor(shape: [images.rows, out.count / max(images.rows, 1)], data: out)
    }
}

extension ViTClassifier {
    /// images [n, 784] → the tokens after block `layer` (0-based; the last one through the final
    /// LayerNorm, i.e. the encoder's features), mean-pooled: [n, 64]; no tape, in chunks of 500.
    func layerFeatures(_ images: Tensor, layer: Int) throws -> Tensor {
        var out: [Float] = []
        for start in stride(from: 0, to: images.rows, by: 500) {
            let rows = Array(start..<min(start + 500, images.rows))
            let x = try images.gatherRows(rows).reshaped([rows.count, 1, 28, 28])
            out += try Graph.noGrad {
                var h = try encoder.embed(Variable(x))
                for block in encoder.blocks.prefix(layer + 1) { h = try block(h) }
                if layer == encoder.blocks.count - 1 { h = try encoder.norm(h) }
                return try h.mean(axes: [1]).value.data
            }
        }
        return try Tensor(shape: [images.rows, out.count / max(images.rows, 1)], data: out)
    }
}
