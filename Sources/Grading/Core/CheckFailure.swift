import Foundation
import Numerics
import RepLearn

/// Why a check failed: what was compared, the expected value, what the code gave.
///
/// Conventions of the messages: indices are 0-based and written as in code (`row 2`,
/// `eigenvalues[0]`, `[1, 3]` for row 1, column 3); counts in words are 1-based ("step 3 of 10").
/// Numbers carry as many digits as it takes to tell expected from got.
public struct CheckFailure: Error, CustomStringConvertible {
    public let what: String
    public let expected: String
    public let got: String
    /// Further lines (the first differing entry, how many are off).
    public let notes: [String]
    /// Whether the check's stated tolerance governed this comparison. Shape and exact-equality
    /// failures have none, and their messages do not print it.
    public let toleranceApplies: Bool

    public init(_ what: String, expected: String, got: String, notes: [String] = [], toleranceApplies: Bool = true) {
        self.what = what; self.expected = expected; self.got = got
        self.notes = notes; self.toleranceApplies = toleranceApplies
    }
    public var description: String {
        (["\(what)", "  expected: \(expected)", "  got:      \(got)"] + notes.map { "  " + $0 }).joined(separator: "\n")
    }
}

/// The comparisons checks are built from. Each throws a ``CheckFailure`` that says where.
public enum Expect {
    /// `exact`: the condition is an exact comparison (==, a count), so the check's tolerance is
    /// not printed with the failure.
    public static func that(_ condition: Bool, _ what: @autoclosure () -> String,
                            expected: @autoclosure () -> String, got: @autoclosure () -> String, exact: Bool = false) throws {
        if !condition { throw CheckFailure(what(), expected: expected(), got: got(), toleranceApplies: !exact) }
    }

    /// Exact equality (indices, counts, tokens): no tolerance is involved.
    public static func equal<T: Equatable>(_ got: T, _ expected: T, _ what: @autoclosure () -> String,
                                           show: (T) -> String = { "\($0)" }) throws {
        if got != expected { throw CheckFailure(what(), expected: show(expected), got: show(got), toleranceApplies: false) }
    }

    public static func shape(_ t: Tensor, _ expected: [Int], _ what: String) throws {
        if t.shape != expected {
            throw CheckFailure("\(what): wrong shape", expected: "\(expected)", got: "\(t.shape)", toleranceApplies: false)
        }
    }

    /// Every element approximately equal to `expected` in swift-numerics' sense,
    /// |got − expected| ≤ max(abs, rel·max(|got|, |expected|)); reports the worst element, and
    /// the first one off when that is another.
    public static func close(_ got: Tensor, _ expected: DMatrix, abs absTol: Double, rel relTol: Double, _ what: String) throws {
        try shape(got, expected.shape, what)
        var worst = -1, worstExcess = 0.0, first = -1, off = 0
        for i in 0..<got.count {
            let g = Double(got.data[i]), e = expected.data[i]
            let ok = g.isFinite && (g == e || g.isApproximatelyEqual(to: e, absoluteTolerance: absTol, relativeTolerance: relTol))
            if ok { continue }
            off += 1
            if first < 0 { first = i }
            let excess = g.isFinite ? Swift.abs(g - e) : .infinity
            if worst < 0 || excess > worstExcess { worst = i; worstExcess = excess }
        }
        if worst >= 0 {
            let at = index(worst, got)
            let (e, g) = pair(expected.data[worst], Double(got.data[worst]))
            var notes: [String] = []
            if got.count > 1 { notes.append("\(off) of \(got.count) entries are off" + (first != worst ? "; the first is \(index(first, got))" : "")) }
            throw CheckFailure("\(what): element \(at) is off", expected: e, got: g, notes: notes,
                               toleranceApplies: absTol > 0 || relTol > 0)
        }
    }

    /// Analytic (Float32) vs numerical (Double) gradient, entry by entry
    /// (``GradientCheck/entrywiseRelativeError(_:_:floor:)``: |a − b| / max(|a|, |b|, 1e-2·max|b|)),
    /// so a wrong row of small entries cannot hide behind large ones. The message names the worst
    /// entry and its index, and shows the entries that disagree most.
    public static func gradient(_ analytic: Tensor, _ numerical: DMatrix, _ what: String,
                                threshold: Double = GradientCheck.float32Threshold) throws {
        try shape(analytic, numerical.shape, what)
        let a = analytic.data.map(Double.init)
        let (err, at) = GradientCheck.entrywiseRelativeError(a, numerical.data)
        if !(err <= threshold) {
            let (expected, got, notes) = worstEntries(got: a, expected: numerical.data, like: analytic)
            throw CheckFailure("\(what) disagrees with centred finite differences: worst entry \(index(at, analytic)) "
                               + "has relative error \(fmt(err)) (threshold \(fmt(threshold)))",
                               expected: expected, got: got, notes: notes)
        }
    }

    /// The `count` entries with the largest |got − expected| (relative to the array's scale), as
    /// "[i, j] value" lists for expected and got, and a note on the first difference.
    static func worstEntries(got a: [Double], expected b: [Double], like t: Tensor, count: Int = 3) -> (String, String, [String]) {
        let scale = max(a.map(Swift.abs).max() ?? 0, b.map(Swift.abs).max() ?? 0, 1e-12)
        // An entry "differs" when it is off by more than Float32 noise at the array's scale.
        let differs = (0..<a.count).filter { !(Swift.abs(a[$0] - b[$0]) <= 1e-6 * scale) }
        func d(_ i: Int) -> Double { let x = Swift.abs(a[i] - b[i]); return x.isNaN ? .infinity : x }
        let worst = differs.sorted { d($0) > d($1) }.prefix(count).sorted()
        let pairs = worst.map { i -> (String, String) in let (e, g) = pair(b[i], a[i]); return ("\(index(i, t)) \(e)", "\(index(i, t)) \(g)") }
        var notes = ["\(differs.count) of \(a.count) entries differ" + (worst.count < differs.count ? "; shown: the \(worst.count) that differ most" : "")]
        if a.count > 6, let first = differs.first { notes.append("first difference at \(index(first, t)); the entries before it agree") }
        return (pairs.map(\.0).joined(separator: ", "), pairs.map(\.1).joined(separator: ", "), notes)
    }

    /// "[i, j]" for a matrix, "[i]" for a vector.
    static func index(_ flat: Int, _ t: Tensor) -> String {
        t.rank == 2 ? "[\(flat / max(t.cols, 1)), \(flat % max(t.cols, 1))]" : "[\(flat)]"
    }

    /// 6 significant digits.
    public static func fmt(_ x: Double) -> String { String(format: "%.6g", x) }

    /// `x` with at least 6 significant digits and as many more (up to 17) as it takes to tell it
    /// from `other`: never "expected 3.38925, got 3.38925".
    public static func fmt(_ x: Double, vs other: Double) -> String { pair(x, other).0 }

    /// Expected and got with the same number of digits, enough to show they differ.
    public static func pair(_ expected: Double, _ got: Double) -> (String, String) {
        for digits in 6...17 {
            let (e, g) = (String(format: "%.\(digits)g", expected), String(format: "%.\(digits)g", got))
            if e != g || expected == got || (expected.isNaN && got.isNaN) { return (e, g) }
        }
        return ("\(expected)", "\(got)")
    }
}
