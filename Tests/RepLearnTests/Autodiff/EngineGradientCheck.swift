@testable import RepLearn
import XCTest

/// Checks the engine's backward against centred finite differences of its own forward.
///
/// The loss is L = Σᵢ rᵢ·yᵢ with fixed random weights r (so every output entry matters and
/// none cancels), summed in Double. The forward runs in Float32, so the step is h = 1e-2 (in
/// units of the inputs, which are O(1)): rounding then costs ≈ 6e-8·|L|/h ≈ 1e-5 per entry and
/// truncation ≈ h²·|L‴|/6 ≈ 2e-5. Entries are compared one by one with the relative error
/// |a − n| / max(|a|, |n|, floor) where the floor (1e-2·max|n|, or the forward's Float32 noise
/// divided by 2h if larger) keeps near-zero entries from dividing by noise; 2e-2 passes a correct backward and rejects a missing factor, a sign or a
/// transposed index, which move entries by O(1). Inputs avoid kinks (ReLU at 0, pooling ties).
enum EngineCheck {
    static let step: Float = 1e-2
    static let tolerance = 2e-2

    /// `inputs` are the leaves to differentiate; `f` builds the output from them.
    static func assertGradients(_ label: String, _ inputs: [Tensor], step h: Float = step, tolerance: Double = tolerance,
                                file: StaticString = #filePath, line: UInt = #line,
                                _ f: ([Variable]) throws -> Variable) throws {
        for (k, (error, message)) in try worstErrors(inputs, step: h, f).enumerated() {
            XCTAssertLessThanOrEqual(error, tolerance, "\(label): input \(k) \(inputs[k].shape), \(message)", file: file, line: line)
        }
    }

    /// Per input: the worst entry's relative error and a message naming it. At most `maxEntries`
    /// entries per input are differenced (evenly spaced, always including the first and last).
    static func worstErrors(_ inputs: [Tensor], step h: Float = step, maxEntries: Int = 150,
                            _ f: ([Variable]) throws -> Variable) throws -> [(Double, String)] {
        let leaves = inputs.map { Variable($0, requiresGrad: true) }
        return try worstErrors(of: leaves, step: h, maxEntries: maxEntries) { try f(leaves) }
    }

    /// The same for variables a closure reads (a module's parameters, its input): each variable's
    /// value is perturbed in place and `f` run again without a tape.
    static func worstErrors(of variables: [Variable], step h: Float = step, maxEntries: Int = 150,
                            _ f: () throws -> Variable) throws -> [(Double, String)] {
        var rng = SeededGenerator(seed: 99)
        for v in variables { v.zeroGrad() }
        let y = try f()
        let r = Tensor.randomUniform(y.shape, 0.5, 1.5, using: &rng)
        func loss(_ out: Variable) -> Double { zip(out.value.data, r.data).reduce(0.0) { $0 + Double($1.0) * Double($1.1) } }
        try (y * Variable(r)).sum().backward()
        var results: [(Double, String)] = []
        for v in variables {
            guard let analytic = v.grad, analytic.shape == v.shape else {
                results.append((.infinity, "no gradient of the input's shape")); continue
            }
            let n = v.value.count
            let entries = n <= maxEntries ? Array(0..<n) : (0..<maxEntries).map { $0 * (n - 1) / (maxEntries - 1) }
            var numeric = [Double](repeating: 0, count: n)
            for i in entries {
                let saved = v.value.data[i]
                v.value.data[i] = saved + h
                let up = try Graph.noGrad { try loss(f()) }
                v.value.data[i] = saved - h
                let down = try Graph.noGrad { try loss(f()) }
                v.value.data[i] = saved
                numeric[i] = (up - down) / (2 * Double(h))
            }
            // Below `floor` a difference is Float32 noise of the forward: each output carries a few
            // ulps (≈ 8·6e-8 relative), so L carries ≈ 5e-7·Σ|rᵢyᵢ|, divided by 2h in the quotient.
            let noise = 5e-7 * zip(y.value.data, r.data).reduce(0.0) { $0 + abs(Double($1.0) * Double($1.1)) } / (2 * Double(h))
            let floor = max(1e-2 * (entries.map { abs(numeric[$0]) }.max() ?? 0), noise, 1e-6)
            var worst = (error: 0.0, index: 0)
            for i in entries {
                let a = Double(analytic.data[i]), n = numeric[i]
                let e = abs(a - n) / max(abs(a), abs(n), floor)
                if e > worst.error { worst = (e, i) }
            }
            results.append((worst.error, "entry \(worst.index): backward \(analytic.data[worst.index]) vs finite difference \(numeric[worst.index])"))
        }
        return results
    }

    /// Uniform values in ±scale that stay at least `gap` away from 0 (for ReLU-like kinks).
    static func awayFromZero(_ shape: [Int], scale: Float = 1, gap: Float = 0.05, seed: UInt64) -> Tensor {
        var rng = SeededGenerator(seed: seed)
        var t = Tensor.randomUniform(shape, -scale, scale, using: &rng)
        for i in 0..<t.count where abs(t.data[i]) < gap { t.data[i] = t.data[i] < 0 ? -gap - t.data[i] : gap + t.data[i] }
        return t
    }

    static func normal(_ shape: [Int], std: Float = 1, seed: UInt64) -> Tensor {
        var rng = SeededGenerator(seed: seed)
        return Tensor.randomNormal(shape, std: std, using: &rng)
    }
}

/// The check itself must fail for wrong backwards: ops with a plausible bug in their
/// vector–Jacobian product are rejected.
final class EngineCheckRejectsWrongBackwards: XCTestCase {
    func testWrongBackwardsAreRejected() throws {
        let x = EngineCheck.normal([3, 4], seed: 1)
        let wrong: [(String, (Variable) -> Variable)] = [
            ("factor 2 missing", { v in Variable.record("square", v.value.map { $0 * $0 }, [v]) { g in [try g * v.value] } }),
            ("sign flipped", { v in Variable.record("sin", v.value.map { sinf($0) }, [v]) { g in [try g * v.value.map { -cosf($0) }] } }),
            ("one entry wrong", { v in Variable.record("identity", v.value, [v]) { g in var h = g; h.data[7] *= 1.5; return [h] } }),
        ]
        for (name, op) in wrong {
            let errors = try EngineCheck.worstErrors([x]) { op($0[0]) }
            XCTAssertGreaterThan(errors[0].0, EngineCheck.tolerance, "\(name) was not rejected")
        }
    }
}
