import Foundation
import RepLearn

/// Lecture 8's small conv encoder for 28×28 gray images, and SimCLR's MLP projection head.
///
/// encoder: conv 3×3 stride 2 1→16, BN, ReLU (14×14) → conv 3×3 stride 2 16→32, BN, ReLU (7×7)
///          → flatten 1568 → Linear 128, ReLU = the representation h: [B, 128]
/// head:    Linear 128→128, ReLU, Linear 128→64 = z: [B, 64], the vectors the loss compares
///          (Chen et al. 2020 take the representation *before* the head for downstream tasks).
public final class ContrastiveEncoder: Module {
    public let conv1: Conv2d, bn1: BatchNorm, conv2: Conv2d, bn2: BatchNorm, fc: Linear
    public static let width = 128

    public init(rng: inout SeededGenerator) {
        conv1 = Conv2d(1, 16, kernel: 3, ConvGeometry(stride: 2, padding: 1), rng: &rng)
        bn1 = BatchNorm(16)
        conv2 = Conv2d(16, 32, kernel: 3, ConvGeometry(stride: 2, padding: 1), rng: &rng)
        bn2 = BatchNorm(32)
        fc = Linear(32 * 7 * 7, Self.width, rng: &rng)
    }

    /// BatchNorm's batch statistics while training, running statistics for features.
    public var training: Bool {
        get { bn1.training }
        set { bn1.training = newValue; bn2.training = newValue }
    }

    /// x: [B, 1, 28, 28] → h: [B, 128].
    public func callAsFunction(_ x: Variable) throws -> Variable { try activations(x)[2] }

    /// x: [B, 1, 28, 28] → the activations after conv1 [B, 16, 14, 14], conv2 [B, 32, 7, 7] and fc (h) [B, 128].
    public func activations(_ x: Variable) throws -> [Variable] {
        let a = try bn1(conv1(x)).relu()
        let b = try bn2(conv2(a)).relu()
        return [a, b, try fc(b.reshaped([x.value.shape[0], 32 * 7 * 7])).relu()]
    }

    public var namedParameters: [(String, Variable)] {
        prefixed("conv1", conv1) + prefixed("bn1", bn1) + prefixed("conv2", conv2) + prefixed("bn2", bn2) + prefixed("fc", fc)
    }
}

/// Linear → ReLU → Linear: [B, 128] → [B, outputs].
public final class ProjectionHead: Module {
    public let l1: Linear, l2: Linear
    public init(outputs: Int = 64, rng: inout SeededGenerator) {
        l1 = Linear(ContrastiveEncoder.width, ContrastiveEncoder.width, rng: &rng)
        l2 = Linear(ContrastiveEncoder.width, outputs, rng: &rng)
    }
    public func callAsFunction(_ h: Variable) throws -> Variable { try l2(l1(h).relu()) }
    public var namedParameters: [(String, Variable)] { prefixed("l1", l1) + prefixed("l2", l2) }
}

extension ContrastiveEncoder {
    /// images: [n, 784] → (h [n, 128], head(h) [n, head outputs] when a head is given), in chunks, no tape,
    /// BatchNorm on running statistics.
    func features(_ images: Tensor, head: ProjectionHead? = nil) throws -> (h: Tensor, z: Tensor?) {
        let was = training
        training = false
        defer { training = was }
        var hs: [Float] = [], zs: [Float] = []
        for start in stride(from: 0, to: images.rows, by: 1000) {
            let rows = Array(start..<min(start + 1000, images.rows))
            let x = try images.gatherRows(rows).reshaped([rows.count, 1, 28, 28])
            try Graph.noGrad {
                let h = try self(Variable(x))
                hs += h.value.data
                if let head { zs += try head(h).value.data }
            }
        }
        let h = try Tensor(shape: [images.rows, Self.width], data: hs)
        return (h, head == nil ? nil : try Tensor(shape: [images.rows, zs.count / images.rows], data: zs))
    }
}
