import RepLearn
import XCTest

/// Every op's backward against finite differences (EngineCheck), on shapes that are not square,
/// with broadcasting.
final class OpGradientTests: XCTestCase {
    typealias C = EngineCheck

    func testBroadcastingArithmetic() throws {
        let a = C.normal([3, 1, 5], seed: 1), b = C.normal([4, 1], seed: 2)
        try C.assertGradients("add", [a, b]) { try $0[0] + $0[1] }
        try C.assertGradients("subtract", [a, b]) { try $0[0] - $0[1] }
        try C.assertGradients("multiply", [a, b]) { try $0[0] * $0[1] }
        let pos = C.normal([4, 5], seed: 3).map { abs($0) + 0.5 }
        try C.assertGradients("divide", [a, pos]) { try $0[0] / $0[1] }
        try C.assertGradients("scalar ops", [a]) { (-($0[0] * 3) + 2) }
        try C.assertGradients("exp, log, sqrt, square, pow", [pos]) { v in
            try v[0].exp() + v[0].log() + v[0].sqrt() + v[0].squared() + v[0].pow(1.5)
        }
    }

    func testReductions() throws {
        let x = C.normal([2, 3, 4], seed: 4)
        try C.assertGradients("sum axis 1", [x]) { try $0[0].sum(axes: [1]) }
        try C.assertGradients("mean axes 0,2 keepDims", [x]) { try $0[0].mean(axes: [0, -1], keepDims: true) }
        try C.assertGradients("sum all", [x]) { try $0[0].sum() }
    }

    func testShapeOps() throws {
        let x = C.normal([2, 3, 4], seed: 5), y = C.normal([2, 2, 4], seed: 6)
        try C.assertGradients("reshape", [x]) { try $0[0].reshaped([6, 4]) }
        try C.assertGradients("permute", [x]) { try $0[0].permuted([2, 0, 1]) }
        try C.assertGradients("transpose", [x]) { try $0[0].transposed(0, 2) }
        try C.assertGradients("concatenate axis 1", [x, y]) { try Variable.concatenate([$0[0], $0[1]], axis: 1) }
        try C.assertGradients("slice", [x]) { try $0[0].sliced(axis: 2, 1..<3) }
        try C.assertGradients("gather shared, repeated index", [x]) { try $0[0].gathered(axis: 1, indices: [2, 0, 2]) }
        try C.assertGradients("gather per sample", [x]) { try $0[0].gathered(axis: 1, indices: [[2, 1], [0, 2]]) }
        try C.assertGradients("scatter per sample", [y]) { try $0[0].scattered(axis: 1, indices: [[3, 0], [1, 2]], size: 4) }
    }

    func testActivationsAndSoftmax() throws {
        let x = C.awayFromZero([3, 4, 5], scale: 2, seed: 7)
        try C.assertGradients("relu", [x]) { $0[0].relu() }
        try C.assertGradients("gelu", [x]) { $0[0].gelu() }
        try C.assertGradients("sigmoid", [x]) { $0[0].sigmoid() }
        try C.assertGradients("tanh", [x]) { $0[0].tanh() }
        try C.assertGradients("softmax axis 1", [x]) { try $0[0].softmax(axis: 1) }
        try C.assertGradients("logSoftmax last axis", [x]) { try $0[0].logSoftmax(axis: -1) }
    }

    func testLosses() throws {
        let logits = C.normal([2, 5, 3, 2], seed: 8)                 // [N, Q, H, W], classes on axis 1
        let labels = (0..<12).map { ($0 * 7) % 5 }
        let weights: [Float] = (0..<12).map { 0.5 + Float($0) / 10 }
        try C.assertGradients("cross-entropy hard, weighted, axis 1", [logits]) {
            try $0[0].crossEntropy(labels: labels, axis: 1, weights: weights)
        }
        var targets = C.normal([2, 5, 3, 2], seed: 9).map { abs($0) }
        let sums = try Variable(targets).sum(axes: [1], keepDims: true).value
        targets = try Tensor.broadcastingDivide(targets, sums)
        try C.assertGradients("cross-entropy soft", [logits]) { try $0[0].crossEntropy(targets: targets, axis: 1, weights: weights) }
        let pred = C.normal([3, 4, 6], seed: 10), target = C.normal([3, 4, 6], seed: 11)
        let mask = try Tensor(shape: [3, 4], data: [1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 1, 0])
        try C.assertGradients("mse masked", [pred]) { try $0[0].mseLoss(target: target, mask: mask) }
        try C.assertGradients("mse", [pred]) { try $0[0].mseLoss(target: target) }
    }

    func testNormalizations() throws {
        let x = C.normal([4, 3, 6], seed: 12), g = C.normal([6], seed: 13), b = C.normal([6], seed: 14)
        try C.assertGradients("l2 normalise", [x]) { $0[0].l2Normalized() }
        try C.assertGradients("layerNorm", [x, g, b]) { try Variable.layerNorm($0[0], gamma: $0[1], beta: $0[2]) }
        let img = C.normal([3, 2, 3, 2], seed: 15), gc = C.normal([2], seed: 16), bc = C.normal([2], seed: 17)
        for training in [true, false] {
            try C.assertGradients("batchNorm training=\(training)", [img, gc, bc]) { v in
                var rm = Tensor(vector: [0.3, -0.2]), rv = Tensor(vector: [1.5, 0.7])
                return try Variable.batchNorm(v[0], gamma: v[1], beta: v[2], runningMean: &rm, runningVar: &rv, training: training)
            }
        }
    }

    func testMatmuls() throws {
        let a = C.normal([3, 5], seed: 18), b = C.normal([5, 4], seed: 19)
        try C.assertGradients("matmul", [a, b]) { try Variable.matmul($0[0], $0[1]) }
        let at = C.normal([5, 3], seed: 20), bt = C.normal([4, 5], seed: 21)
        try C.assertGradients("matmul ᵀᵀ", [at, bt]) { try Variable.matmul($0[0], $0[1], transposeA: true, transposeB: true) }
        let ba = C.normal([2, 3, 5], seed: 22), bb = C.normal([2, 4, 5], seed: 23)
        try C.assertGradients("batched matmul ·ᵀ", [ba, bb]) { try Variable.batchedMatmul($0[0], $0[1], transposeB: true) }
        let bat = C.normal([2, 5, 3], seed: 24), bbn = C.normal([2, 5, 4], seed: 25)
        try C.assertGradients("batched matmul ᵀ·", [bat, bbn]) { try Variable.batchedMatmul($0[0], $0[1], transposeA: true) }
        let big = C.normal([2, 50, 40], seed: 26), big2 = C.normal([2, 40, 36], seed: 27)    // the sgemm path
        try C.assertGradients("batched matmul, large", [big, big2], tolerance: 3e-2) { try Variable.batchedMatmul($0[0], $0[1]) }
        let packed = C.normal([2, 5, 3 * 6], seed: 137)
        try C.assertGradients("multi-head attention, packed", [packed]) { try Variable.multiHeadAttention(packed: $0[0], heads: 2) }
        let x = C.normal([2, 3, 5], seed: 28), w = C.normal([4, 5], seed: 29), bias = C.normal([4], seed: 30)
        try C.assertGradients("linear", [x, w, bias]) { try Variable.linear($0[0], weight: $0[1], bias: $0[2]) }
    }

    func testConvolutionPoolingUpsampling() throws {
        let x = C.normal([2, 3, 9, 8], seed: 31), w = C.normal([4, 3, 3, 3], std: 0.5, seed: 32), b = C.normal([4], seed: 33)
        try C.assertGradients("conv2d stride 2, padding 2, dilation 2", [x, w, b]) {
            try Variable.conv2d($0[0], weight: $0[1], bias: $0[2], ConvGeometry(stride: 2, padding: 2, dilation: 2))
        }
        let wide = C.normal([2, 2, 4, 37], seed: 139), ww = C.normal([3, 2, 3, 3], std: 0.5, seed: 140)   // rows of 19 at stride 2
        try C.assertGradients("conv2d stride 2, wide rows", [wide, ww]) {
            try Variable.conv2d($0[0], weight: $0[1], bias: nil, ConvGeometry(stride: 2, padding: 1))
        }
        try C.assertGradients("conv2d 1×1", [x, C.normal([5, 3, 1, 1], seed: 34)]) { try Variable.conv2d($0[0], weight: $0[1], bias: nil) }
        // Batches cut into groups: two 10×10 images side by side, then one alone; 16×16 images one by one,
        // three groups over the cores (each core's ∂W and ∂b summed in its own buffer).
        let x3 = C.normal([3, 2, 10, 10], seed: 131), w3 = C.normal([3, 2, 3, 3], std: 0.5, seed: 132), b3 = C.normal([3], seed: 133)
        try C.assertGradients("conv2d, groups of 2 + 1 images", [x3, w3, b3]) {
            try Variable.conv2d($0[0], weight: $0[1], bias: $0[2], ConvGeometry(padding: 1))
        }
        try C.assertGradients("conv2d same size, dilation 2", [x3, C.normal([3, 2, 3, 3], std: 0.5, seed: 138)]) {
            try Variable.conv2d($0[0], weight: $0[1], bias: nil, ConvGeometry(padding: 2, dilation: 2))
        }
        let x4 = C.normal([3, 1, 16, 16], seed: 134), w4 = C.normal([2, 1, 3, 3], std: 0.5, seed: 135), b4 = C.normal([2], seed: 136)
        try C.assertGradients("conv2d, one image per group", [x4, w4, b4]) {
            try Variable.conv2d($0[0], weight: $0[1], bias: $0[2], ConvGeometry(padding: 1))
        }
        // Distinct values, spaced more than 2h apart, so that no pooling window has a near tie.
        var rng = SeededGenerator(seed: 35)
        let perm = rng.permutation(2 * 2 * 6 * 8)
        let distinct = try Tensor(shape: [2, 2, 6, 8], data: perm.map { Float($0) * 0.05 })
        try C.assertGradients("maxPool 2", [distinct]) { try $0[0].maxPool2d(kernel: 2) }
        try C.assertGradients("maxPool 3 stride 2", [distinct]) { try $0[0].maxPool2d(kernel: 3, stride: 2) }
        try C.assertGradients("avgPool 2", [x]) { try $0[0].avgPool2d(kernel: 2) }
        try C.assertGradients("upsample nearest", [x]) { try $0[0].upsampleNearest(2) }
        try C.assertGradients("upsample bilinear", [x]) { try $0[0].upsampleBilinear(3) }
    }

    func testEmbeddingAndDropout() throws {
        let table = C.normal([7, 3], seed: 36)
        try C.assertGradients("embedding", [table]) { try Variable.embedding($0[0], indices: [1, 6, 1, 0, 3, 3], shape: [2, 3]) }
        let x = C.normal([4, 5], seed: 37)
        try C.assertGradients("dropout (same seed each call)", [x]) { v in
            var rng = SeededGenerator(seed: 5)
            return try v[0].dropout(0.3, training: true, rng: &rng)
        }
    }
}

extension Tensor {
    static func broadcastingDivide(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        try (Variable(a) / Variable(b)).value
    }
}
