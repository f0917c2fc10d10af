import Course
import RepLearn

// Exercise 7.6 — Spearman's rank correlation.
extension ReferenceWord2Vec {
    /// Fractional ranks 1…n; a run of ties gets the mean of the ranks it spans.
    static func ranks(_ x: [Double]) -> [Double] {
        let order = x.indices.sorted { x[$0] < x[$1] }
        var r = [Double](repeating: 0, count: x.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && x[order[j + 1]] == x[order[i]] { j += 1 }
            let mean = Double(i + j) / 2 + 1
            for k in i...j { r[order[k]] = mean }
            i = j + 1
        }
        return r
    }

    public func spearman(_ x: [Double], _ y: [Double]) throws -> Double {
        guard x.count == y.count, x.count >= 2 else { throw InputError("spearman: need two lists of equal length ≥ 2, got \(x.count) and \(y.count)") }
        let (rx, ry) = (Self.ranks(x), Self.ranks(y))
        let n = Double(x.count)
        let (mx, my) = (rx.reduce(0, +) / n, ry.reduce(0, +) / n)
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in rx.indices {
            sxy += (rx[i] - mx) * (ry[i] - my); sxx += (rx[i] - mx) * (rx[i] - mx); syy += (ry[i] - my) * (ry[i] - my)
        }
        return sxy / (sxx * syy).squareRoot()
    }
}
