import RepLearn
import XCTest
import Foundation

/// The engine against independent computations: direct convolution and attention in Double,
/// graph errors, no-gradient mode, seeded initialisation, and whole networks.
final class EngineTests: XCTestCase {
    typealias C = EngineCheck

    /// y[n, o, u, v] = b[o] + Σ w[o, c, i, j]·x[n, c, u·s − p + i·d, v·s − p + j·d], nested loops in Double.
    func testConvMatchesDirectConvolution() throws {
        for (geo, k) in [(ConvGeometry(stride: 2, padding: 2, dilation: 2), 3), (ConvGeometry(stride: 1, padding: 1), 3),
                         (ConvGeometry(stride: 3, padding: 0), 2), (ConvGeometry(), 1),
                         (ConvGeometry(padding: 2, dilation: 2), 3), (ConvGeometry(padding: 2), 5)] {   // same-size: shifted planes
            try assertDirect([3, 3, 11, 9], k, geo)                                                   // 3 images: groups of 2 + 1
        }
        // Rows of 8 to 19 outputs at stride 2: the eight-lane gathers and the four-lane col2im adds.
        try assertDirect([2, 2, 5, 37], 3, ConvGeometry(stride: 2, padding: 1))
        try assertDirect([2, 2, 4, 33], 3, ConvGeometry(stride: 2, padding: 0))
    }

    func assertDirect(_ xs: [Int], _ k: Int, _ geo: ConvGeometry) throws {
        let (n, c, h, w) = (xs[0], xs[1], xs[2], xs[3])
        let x = C.normal(xs, seed: 1), wt = C.normal([5, c, k, k], seed: 2), b = C.normal([5], seed: 3)
        let y = try Variable.conv2d(Variable(x), weight: Variable(wt), bias: Variable(b), geo).value
        let ho = (h + 2 * geo.padding - geo.dilation * (k - 1) - 1) / geo.stride + 1
        let wo = (w + 2 * geo.padding - geo.dilation * (k - 1) - 1) / geo.stride + 1
        XCTAssertEqual(y.shape, [n, 5, ho, wo])
        var worst = 0.0
        for m in 0..<n { for o in 0..<5 { for u in 0..<ho { for v in 0..<wo {
            var s = Double(b.data[o])
            for ch in 0..<c { for i in 0..<k { for j in 0..<k {
                let yy = u * geo.stride - geo.padding + i * geo.dilation, xx = v * geo.stride - geo.padding + j * geo.dilation
                guard yy >= 0 && yy < h && xx >= 0 && xx < w else { continue }
                s += Double(wt.data[((o * c + ch) * k + i) * k + j]) * Double(x.data[((m * c + ch) * h + yy) * w + xx])
            } } }
            worst = max(worst, abs(s - Double(y.data[((m * 5 + o) * ho + u) * wo + v])))
        } } } }
        XCTAssertLessThan(worst, 1e-4, "conv2d \(geo) kernel \(k) on \(xs): largest difference from the direct sum")
    }

    /// softmax(QKᵀ/√d)V computed directly in Double.
    func testAttentionMatchesDirectFormula() throws {
        let (b, tq, tk, d) = (3, 4, 6, 5)
        let q = C.normal([b, tq, d], seed: 4), k = C.normal([b, tk, d], seed: 5), v = C.normal([b, tk, 7], seed: 6)
        let out = try Variable.scaledDotProductAttention(Variable(q), Variable(k), Variable(v)).value
        XCTAssertEqual(out.shape, [b, tq, 7])
        for n in 0..<b { for i in 0..<tq {
            let scores = (0..<tk).map { j in (0..<d).reduce(0.0) { $0 + Double(q.data[(n * tq + i) * d + $1]) * Double(k.data[(n * tk + j) * d + $1]) } / Double(d).squareRoot() }
            let m = scores.max()!, e = scores.map { Foundation.exp($0 - m) }, z = e.reduce(0, +)
            for c in 0..<7 {
                let expected = (0..<tk).reduce(0.0) { $0 + e[$1] / z * Double(v.data[(n * tk + $1) * 7 + c]) }
                XCTAssertEqual(Double(out.data[(n * tq + i) * 7 + c]), expected, accuracy: 1e-5)
            }
        } }
    }

    /// The fused attention op (heads read in place) against the heads split out by engine ops:
    /// the same outputs and the same gradients for the input and every parameter.
    func testFusedAttentionMatchesSplitHeads() throws {
        for (b, t, d, heads) in [(3, 5, 8, 2), (2, 12, 16, 4), (1, 1, 4, 1)] {
            var rng = SeededGenerator(seed: 40)
            let layer = MultiHeadSelfAttention(dim: d, heads: heads, rng: &rng)
            let x = C.normal([b, t, d], seed: 41), r = C.normal([b, t, d], seed: 42)
            func run(_ f: (Variable) throws -> Variable) throws -> (Tensor, [Tensor]) {
                let xv = Variable(x, requiresGrad: true)
                for p in layer.parameters { p.zeroGrad() }
                let y = try f(xv)
                try (y * Variable(r)).sum().backward()
                return (y.value, [xv.grad!] + layer.parameters.map { $0.grad! })
            }
            let (fused, fusedGrads) = try run { try layer($0) }
            let (split, splitGrads) = try run { try layer.splitHeadsAttention($0) }
            XCTAssertEqual(fused.shape, split.shape)
            for (a, e) in zip(fused.data, split.data) { XCTAssertEqual(a, e, accuracy: 1e-5) }
            for (ga, ge) in zip(fusedGrads, splitGrads) {
                XCTAssertEqual(ga.shape, ge.shape)
                for (a, e) in zip(ga.data, ge.data) { XCTAssertEqual(a, e, accuracy: 1e-4) }
            }
        }
    }

    func testGraphErrorsNameTheOpAndShapes() throws {
        let w = Variable(C.normal([3, 4], seed: 7), requiresGrad: true)
        let y = try Variable.matmul(Variable(C.normal([2, 3], seed: 8)), w)
        XCTAssertThrowsError(try y.backward()) { XCTAssertTrue("\($0)".contains("[2, 4]") && "\($0)".contains("scalar"), "\($0)") }
        let loss = try y.sum()
        try loss.backward()
        XCTAssertThrowsError(try loss.backward()) { XCTAssertTrue("\($0)".contains("backward twice"), "\($0)") }
        let shared = try y.sum(axes: [0])   // y's graph was freed by the first backward
        XCTAssertThrowsError(try shared.sum().backward()) { XCTAssertTrue("\($0)".contains("backward twice"), "\($0)") }
        XCTAssertThrowsError(try Variable.matmul(w, w)) { XCTAssertTrue("\($0)".contains("matmul") && "\($0)".contains("[3, 4]"), "\($0)") }
        XCTAssertThrowsError(try Variable(.zeros([2, 3])) + Variable(.zeros([4, 3]))) {
            XCTAssertTrue("\($0)".contains("add") && "\($0)".contains("[2, 3]") && "\($0)".contains("[4, 3]"), "\($0)")
        }
    }

    func testNoGradRecordsNothingAndGradientsAccumulate() throws {
        let w = Variable(C.normal([3, 3], seed: 9), requiresGrad: true)
        let x = Variable(C.normal([2, 3], seed: 10))
        let frozen = try Graph.noGrad { try Variable.matmul(x, w).sum() }
        XCTAssertFalse(frozen.requiresGrad)
        XCTAssertThrowsError(try frozen.backward())
        try Variable.matmul(x, w).sum().backward()
        let once = w.grad!
        try Variable.matmul(x, w).sum().backward()
        XCTAssertEqual(w.grad!.data, once.data.map { 2 * $0 })     // summed until zeroGrad, as PyTorch
        w.zeroGrad()
        XCTAssertNil(w.grad)
    }

    /// A value used twice gets both contributions: d(x·x + x)/dx = 2x + 1.
    func testFanOutSumsGradients() throws {
        let x = Variable(Tensor(vector: [1, -2, 3]), requiresGrad: true)
        try (x * x + x).sum().backward()
        XCTAssertEqual(x.grad!.data, [3, -3, 7])
    }

    func testSameSeedSameInitialWeights() throws {
        func make(_ seed: UInt64) -> [Float] {
            var rng = SeededGenerator(seed: seed)
            let block = TransformerBlock(dim: 8, heads: 2, mlpDim: 16, rng: &rng)
            let conv = Conv2d(2, 3, kernel: 3, rng: &rng)
            return (block.parameters + conv.parameters).flatMap(\.value.data)
        }
        XCTAssertEqual(make(3), make(3))
        XCTAssertNotEqual(make(3), make(4))
        var rng = SeededGenerator(seed: 1)
        let linear = Linear(50, 20, rng: &rng)
        let bound = 1 / Float(50).squareRoot()                 // PyTorch's default U(±1/√fan_in)
        XCTAssertTrue(linear.weight.value.data.allSatisfy { abs($0) <= bound })
        XCTAssertGreaterThan(linear.weight.value.maxAbs(), 0.9 * bound)
        XCTAssertEqual(Set(linear.namedParameters.map(\.0)), ["weight", "bias"])
    }

    func testTransformerBlockEndToEnd() throws {
        var rng = SeededGenerator(seed: 11)
        let block = TransformerBlock(dim: 8, heads: 2, mlpDim: 12, rng: &rng)
        let x = Variable(C.normal([2, 3, 8], seed: 12), requiresGrad: true)
        let names = ["input"] + block.namedParameters.map(\.0)
        for (name, (error, message)) in zip(names, try C.worstErrors(of: [x] + block.parameters, maxEntries: 40) { try block(x) }) {
            XCTAssertLessThanOrEqual(error, C.tolerance, "Transformer block, \(name): \(message)")
        }
    }

    func testSmallConvNetEndToEnd() throws {
        var rng = SeededGenerator(seed: 13)
        let c1 = Conv2d(2, 3, kernel: 3, ConvGeometry(stride: 2, padding: 1), rng: &rng)
        let c2 = Conv2d(3, 4, kernel: 3, ConvGeometry(padding: 2, dilation: 2), rng: &rng)
        let x = Variable(C.awayFromZero([2, 2, 8, 8], seed: 14), requiresGrad: true)
        let names = ["input"] + prefixed("c1", c1).map(\.0) + prefixed("c2", c2).map(\.0)
        for (name, (error, message)) in zip(names, try C.worstErrors(of: [x] + c1.parameters + c2.parameters, step: 4e-3, maxEntries: 60) {
            try c2(c1(x).tanh()).logSoftmax(axis: 1)
        }) {
            XCTAssertLessThanOrEqual(error, C.tolerance, "conv → tanh → conv → log-softmax, \(name): \(message)")
        }
    }
}

