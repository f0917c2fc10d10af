import RepLearn
import XCTest
import Foundation

/// Optimisers against their update rules written out by hand, and whole networks that must
/// overfit one batch.
final class TrainingTests: XCTestCase {
    typealias C = EngineCheck

    /// One step each from the same θ and g, against the formulas in Double.
    func testOptimizerStepsMatchTheirFormulas() throws {
        let theta: [Float] = [0.5, -1.5, 2.0], grad: [Float] = [0.3, -0.2, 1.0]
        func fresh() -> Variable { let p = Variable(Tensor(vector: theta), requiresGrad: true); p.grad = Tensor(vector: grad); return p }
        let (lr, wd) = (0.1, 0.05)
        // AdamW, step 1: m̂ = g, v̂ = g², θ ← θ(1 − lr·λ) − lr·g/(|g| + ε).
        let pw = fresh()
        try AdamOptimizer.adamW([ParameterGroup([pw])], learningRate: Float(lr), weightDecay: Float(wd)).step()
        for i in 0..<3 {
            let t = Double(theta[i]), g = Double(grad[i])
            XCTAssertEqual(Double(pw.value.data[i]), t * (1 - lr * wd) - lr * g / (abs(g) + 1e-8), accuracy: 1e-6)
        }
        // Adam with L2: g′ = g + λθ, θ ← θ − lr·g′/(|g′| + ε).
        let pa = fresh()
        try AdamOptimizer([ParameterGroup([pa])], learningRate: Float(lr), weightDecay: Float(wd)).step()
        for i in 0..<3 {
            let g = Double(grad[i]) + wd * Double(theta[i])
            XCTAssertEqual(Double(pa.value.data[i]), Double(theta[i]) - lr * g / (abs(g) + 1e-8), accuracy: 1e-6)
        }
        // SGD with momentum μ, two steps with the same g: v₁ = g, v₂ = μg + g.
        let ps = fresh()
        let sgd = SGD([ParameterGroup([ps])], learningRate: Float(lr), momentum: 0.9)
        try sgd.step(); try sgd.step()
        for i in 0..<3 { XCTAssertEqual(Double(ps.value.data[i]), Double(theta[i]) - lr * (1 + 1.9) * Double(grad[i]), accuracy: 1e-6) }
    }

    /// Frozen groups do not move, also not through momentum or decoupled decay; a scaled group
    /// moves by its scale.
    func testGroupsFreezeAndScale() throws {
        let a = Variable(Tensor(vector: [1, 2]), requiresGrad: true), b = Variable(Tensor(vector: [1, 2]), requiresGrad: true)
        let c = Variable(Tensor(vector: [1, 2]), requiresGrad: true)
        let opt = SGD([ParameterGroup([a]), ParameterGroup([b], learningRateScale: 0.1), ParameterGroup([c], frozen: true)],
                      learningRate: 1, momentum: 0.9, weightDecay: 0.5)
        for p in [a, b, c] { p.grad = Tensor(vector: [1, 1]) }
        try opt.step()
        XCTAssertEqual(a.value.data, [-0.5, 0])                  // θ − (g + λθ)
        XCTAssertEqual(b.value.data[0], 0.85, accuracy: 1e-6)     // θ − 0.1·(g + λθ)
        XCTAssertEqual(c.value.data, [1, 2])
        let w = AdamOptimizer.adamW([ParameterGroup([c], frozen: true)], weightDecay: 0.5)
        try w.step()
        XCTAssertEqual(c.value.data, [1, 2])
    }

    func testScheduleAndClipping() {
        let s = CosineSchedule(base: 1, warmup: 4, total: 14, minimum: 0.1)
        XCTAssertEqual(s(0), 0.25, accuracy: 1e-6)
        XCTAssertEqual(s(3), 1, accuracy: 1e-6)
        XCTAssertEqual(s(4), 1, accuracy: 1e-6)
        XCTAssertEqual(s(9), 0.55, accuracy: 1e-5)                // half way: min + (base − min)/2
        XCTAssertEqual(s(14), 0.1, accuracy: 1e-6)
        let p = Variable(Tensor(vector: [3, 0]), requiresGrad: true), q = Variable(Tensor(vector: [4]), requiresGrad: true)
        p.grad = Tensor(vector: [3, 0]); q.grad = Tensor(vector: [4])
        XCTAssertEqual(clipGradientNorm([p, q], maxNorm: 1), 5, accuracy: 1e-6)
        XCTAssertEqual(p.grad!.data[0], 0.6, accuracy: 1e-5)
        XCTAssertEqual(q.grad!.data[0], 0.8, accuracy: 1e-5)
    }

    /// The kernels that split work across cores (conv's per-core ∂W and ∂b, the fused attention,
    /// cross-entropy, Adam, the Box–Muller fill) give the same numbers run to run: two runs from one
    /// seed agree to the bit, on batches large enough to be split.
    func testSameSeedSameNumbersWithParallelKernels() throws {
        func run() throws -> [Float] {
            var rng = SeededGenerator(seed: 23)
            let convs = [Conv2d(1, 8, kernel: 3, ConvGeometry(padding: 1), rng: &rng),
                         Conv2d(8, 6, kernel: 3, ConvGeometry(stride: 2, padding: 1), rng: &rng)]
            let attention = TransformerBlock(dim: 16, heads: 2, mlpDim: 32, rng: &rng)
            let params = convs.flatMap(\.parameters) + attention.parameters
            let opt = AdamOptimizer([ParameterGroup(params)], learningRate: 1e-2)
            var noise = [Float](repeating: 0, count: 6 * 16 * 16)
            var losses: [Float] = []
            for _ in 0..<3 {
                noise.withUnsafeMutableBufferPointer { rng.fillNormal($0) }
                let x = Variable(try Tensor(shape: [6, 1, 16, 16], data: noise))
                opt.zeroGrad()
                let logits = try convs[1](convs[0](x).relu())                                  // [6, 6, 8, 8]
                let tokens = try attention(logits.reshaped([6, 24, 16]))
                let l = try tokens.reshaped([6 * 24, 16]).crossEntropy(labels: (0..<(6 * 24)).map { $0 % 16 })
                try l.backward(); try opt.step()
                losses.append(l.value.data[0])
            }
            return losses + params.flatMap(\.value.data)
        }
        XCTAssertEqual(try run(), try run())
    }

    /// conv (stride 2) → ReLU → conv (dilation 2) → 1×1 conv to 6 classes per position, soft targets.
    func testTinyConvNetOverfitsOneBatch() throws {
        var rng = SeededGenerator(seed: 21)
        let layers = [Conv2d(1, 8, kernel: 3, ConvGeometry(stride: 2, padding: 1), rng: &rng),
                      Conv2d(8, 8, kernel: 3, ConvGeometry(padding: 2, dilation: 2), rng: &rng),
                      Conv2d(8, 6, kernel: 1, rng: &rng)]
        let x = Variable(Tensor.randomNormal([4, 1, 8, 8], using: &rng))
        let labels = (0..<(4 * 4 * 4)).map { _ in rng.nextInt(below: 6) }
        let opt = AdamOptimizer([ParameterGroup(layers.flatMap(\.parameters))], learningRate: 1e-2)
        var loss: Float = .infinity
        for _ in 0..<300 {
            opt.zeroGrad()
            let logits = try layers[2](layers[1](layers[0](x).relu()).relu())
            let l = try logits.crossEntropy(labels: labels, axis: 1)
            try l.backward(); try opt.step()
            loss = l.value.data[0]
        }
        XCTAssertLessThan(loss, 0.05, "a conv net with 1,000 parameters should memorise 64 labels")
    }

    func testTinyViTOverfitsOneBatch() throws {
        var rng = SeededGenerator(seed: 22)
        let vit = ViTEncoder(imageSize: (8, 8), patch: 4, dim: 16, depth: 1, heads: 2, mlpDim: 32, rng: &rng)
        let head = Linear(16, 3, rng: &rng)
        let x = Variable(Tensor.randomNormal([6, 1, 8, 8], using: &rng))
        let labels = [0, 1, 2, 2, 1, 0]
        let opt = AdamOptimizer.adamW([ParameterGroup(vit.parameters + head.parameters)], learningRate: 3e-3, weightDecay: 0)
        var loss: Float = .infinity
        for _ in 0..<150 {
            opt.zeroGrad()
            let l = try head(vit.features(x)).crossEntropy(labels: labels)
            try l.backward(); try opt.step()
            loss = l.value.data[0]
        }
        XCTAssertLessThan(loss, 0.05)
    }

    func testPatchifyRoundTripsInMAEOrder() throws {
        var rng = SeededGenerator(seed: 23)
        let x = Tensor.randomNormal([2, 3, 8, 12], using: &rng)
        let p = try ImagePatches.patchify(Variable(x), patch: 4)
        XCTAssertEqual(p.shape, [2, 6, 48])
        // patch 4 = row 1, column 1; its entry (i = 2, j = 3, channel 1) is pixel (4 + 2, 4 + 3) of channel 1.
        let patchEntry: Int = 4 * 48 + 11 * 3 + 1, pixel: Int = 1 * 96 + 6 * 12 + 7
        XCTAssertEqual(p.value.data[patchEntry], x.data[pixel])
        let back = try ImagePatches.unpatchify(p, patch: 4, gridH: 2, gridW: 3, channels: 3)
        XCTAssertEqual(back.value, x)
        let pe = SinCos.embedding2D(dim: 8, gridH: 2, gridW: 3)
        // position 5 = row 1, column 2: first half embeds the column (2), second the row (1).
        XCTAssertEqual(Double(pe.data[5 * 8 + 0]), Foundation.sin(2.0), accuracy: 1e-6)
        XCTAssertEqual(Double(pe.data[5 * 8 + 2]), Foundation.cos(2.0), accuracy: 1e-6)
        XCTAssertEqual(Double(pe.data[5 * 8 + 5]), Foundation.sin(1.0 / 100), accuracy: 1e-6)
    }
}
