import Foundation
import Numerics
import RepLearn

/// Why a check failed: what was compared, the expected value, what the code gave.
public struct CheckFailure: Error, CustomStringConvertible {
    public let what: String
    public let expected: String
    public let got: String
    public init(_ what: String, expected: String, got: String) {
        self.what = what; self.expected = expected; self.got = got
    }
    public var description: String { "\(what)\n  expected: \(expected)\n  got:      \(got)" }
}

/// The comparisons checks are built from. Each throws a ``CheckFailure`` that says where.
public enum Expect {
    public static func that(_ condition: Bool, _ what: @autoclosure () -> String,
                            expected: @autoclosure () -> String, got: @autoclosure () -> String) throws {
        if !condition { throw CheckFailure(what(), expected: expected(), got: got()) }
    }

    public static func shape(_ t: Tensor, _ expected: [Int], _ what: String) throws {
        try that(t.shape == expected, "\(what): wrong shape", expected: "\(expected)", got: "\(t.shape)")
    }

    /// Every element approximately equal to `expected` in swift-numerics' sense,
    /// |got − expected| ≤ max(abs, rel·max(|got|, |expected|)); reports the worst element.
    public static func close(_ got: Tensor, _ expected: DMatrix, abs absTol: Double, rel relTol: Double, _ what: String) throws {
        try shape(got, expected.shape, what)
        var worst = -1, worstExcess = 0.0
        for i in 0..<got.count {
            let g = Double(got.data[i]), e = expected.data[i]
            let ok = g.isFinite && (g == e || g.isApproximatelyEqual(to: e, absoluteTolerance: absTol, relativeTolerance: relTol))
            let excess = ok ? 0 : (g.isFinite ? Swift.abs(g - e) : .infinity)
            if !ok && (worst < 0 || excess > worstExcess) { worst = i; worstExcess = excess }
        }
        if worst >= 0 {
            let c = max(got.cols, 1)
            let at = got.rank == 2 ? "[\(worst / c), \(worst % c)]" : "[\(worst)]"
            throw CheckFailure("\(what): element \(at) is off",
                               expected: fmt(expected.data[worst]), got: fmt(Double(got.data[worst])))
        }
    }

    /// Analytic (Float32) vs numerical (Double) gradient, by ``GradientCheck/relativeError(_:_:)``.
    public static func gradient(_ analytic: Tensor, _ numerical: DMatrix, _ what: String,
                                threshold: Double = GradientCheck.float32Threshold) throws {
        try shape(analytic, numerical.shape, what)
        let a = analytic.data.map(Double.init)
        let err = GradientCheck.relativeError(a, numerical.data)
        if !(err <= threshold) {
            throw CheckFailure("\(what) disagrees with centred finite differences (relative error \(fmt(err)), threshold \(fmt(threshold)))",
                               expected: preview(numerical.data), got: preview(a))
        }
    }

    static func fmt(_ x: Double) -> String { String(format: "%.6g", x) }
    static func preview(_ v: [Double]) -> String {
        "[" + v.prefix(6).map(fmt).joined(separator: ", ") + (v.count > 6 ? ", …]" : "]")
    }
}
