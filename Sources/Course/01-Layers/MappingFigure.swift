import RepLearn

/// "A layer is a mapping of space": a square grid of lines and the data points, both pushed
/// through the same function, drawn in the output space.
struct MappingFigure {
    /// The grid: `lines` horizontal and `lines` vertical lines over [−extent, extent]²,
    /// each sampled at `samples` points. Returns the polylines, [lines·2] of [samples, 2].
    static func grid(extent: Float = 3, lines: Int = 13, samples: Int = 61) -> [Tensor] {
        var out: [Tensor] = []
        for i in 0..<lines {
            let c = -extent + 2 * extent * Float(i) / Float(lines - 1)
            var h = Tensor.zeros([samples, 2]), v = Tensor.zeros([samples, 2])
            for s in 0..<samples {
                let t = -extent + 2 * extent * Float(s) / Float(samples - 1)
                h[s, 0] = t; h[s, 1] = c
                v[s, 0] = c; v[s, 1] = t
            }
            out += [h, v]
        }
        return out
    }

    /// Draws `gridLines` (already mapped, each [samples, 2]) and `points` ([n, 2]) coloured by label.
    /// `classNames[c]` names label c in the legend (empty: no legend).
    static func figure(title: String, gridLines: [Tensor], points: Tensor, labels: [Int], classNames: [String] = []) -> Figure {
        var f = Figure(title: title)
        f.axes = false
        f.equalAspect = true
        for (k, line) in gridLines.enumerated() {
            let pts = (0..<line.rows).map { (Double(line[$0, 0]), Double(line[$0, 1])) }
            f.line(pts, color: k % 2 == 0 ? RGB(200, 200, 215) : RGB(215, 200, 200), width: 1)
        }
        for i in 0..<points.rows { f.dot(Double(points[i, 0]), Double(points[i, 1]), color: RGB.label(labels[i])) }
        for (c, name) in classNames.enumerated() { f.line([], color: RGB.label(c), label: name) }   // legend only
        return f
    }

    /// Projects an activation to 2-D for drawing: itself if it has 2 columns, else onto the top
    /// two principal components of `fitOn` (the data's activation at that layer).
    static func to2D(_ x: Tensor, fitOn: Tensor) throws -> Tensor {
        if x.cols == 2 { return x }
        if x.cols == 1 { return try Tensor(shape: [x.rows, 2], data: x.data.flatMap { [$0, 0] }) }
        return try PCA(fitOn, components: 2).project(x)
    }
}
