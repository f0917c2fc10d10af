import Foundation
import RepLearn

/// The small conv net lecture 9 transfers: 28×28 → conv 3×3 s2 1→16 (14×14) → conv 3×3 s2 16→32
/// (7×7) → fc 1568→64 → fc 64→10, ReLU after every layer but the last.
final class TransferNet: Module {
    let conv1: Conv2d, conv2: Conv2d, fc1: Linear, head: Linear

    init(classes: Int = 10, rng: inout SeededGenerator) {
        conv1 = Conv2d(1, 16, kernel: 3, ConvGeometry(stride: 2, padding: 1), rng: &rng)
        conv2 = Conv2d(16, 32, kernel: 3, ConvGeometry(stride: 2, padding: 1), rng: &rng)
        fc1 = Linear(32 * 7 * 7, 64, rng: &rng)
        head = Linear(64, classes, rng: &rng)
    }

    /// Bottom to top, for freezing and partial transfer: conv1, conv2, fc1 (the head is always new).
    var body: [(weight: Variable, bias: Variable)] { [(conv1.weight, conv1.bias!), (conv2.weight, conv2.bias!), (fc1.weight, fc1.bias!)] }

    var namedParameters: [(String, Variable)] {
        prefixed("conv1", conv1) + prefixed("conv2", conv2) + prefixed("fc1", fc1) + prefixed("head", head)
    }

    /// x: [n, 784] → the activations after conv1 [n, 16, 14, 14], conv2 [n, 32, 7, 7], fc1 [n, 64] and the logits [n, 10].
    func forward(_ x: Variable) throws -> [Variable] {
        let a1 = try conv1(x.reshaped([x.shape[0], 1, 28, 28])).relu()
        let a2 = try conv2(a1).relu()
        let a3 = try fc1(a2.reshaped([x.shape[0], 32 * 7 * 7])).relu()
        return [a1, a2, a3, try head(a3)]
    }

    /// Features of layer `layer` (0 conv1 pooled 2×2 → 784, 1 conv2 → 1568, 2 fc1 → 64, 3 logits) for
    /// every row of x, without a tape, in chunks.
    func features(_ x: Tensor, layer: Int, chunk: Int = 1000) throws -> Tensor {
        var rows: [Float] = []
        var width = 0
        for start in stride(from: 0, to: x.rows, by: chunk) {
            let part = try x.gatherRows(Array(start..<min(start + chunk, x.rows)))
            let f: Tensor = try Graph.noGrad {
                let acts = try forward(Variable(part))
                let a = layer == 0 ? try acts[0].avgPool2d(kernel: 2) : acts[layer]
                return try a.value.reshaped([part.rows, a.value.count / part.rows])
            }
            width = f.cols
            rows += f.data
        }
        return try Tensor(shape: [x.rows, width], data: rows)
    }
}
