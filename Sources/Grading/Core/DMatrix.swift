import RepLearn

/// A small Double matrix for the graders' independent computations ("oracles"): written as plain
/// loops in Double, sharing no code with the reference, so a check compares two methods.
public struct DMatrix {
    public var rows: Int
    public var cols: Int
    public var data: [Double]
    /// Shape as a tensor would report it: [rows, cols], or [cols] for a vector.
    public var shape: [Int]

    public init(rows: Int, cols: Int, data: [Double]? = nil, vector: Bool = false) {
        self.rows = rows; self.cols = cols
        self.data = data ?? [Double](repeating: 0, count: rows * cols)
        self.shape = vector ? [cols] : [rows, cols]
        precondition(self.data.count == rows * cols, "DMatrix: \(self.data.count) values for \(rows)×\(cols)")
    }
    public init(_ t: Tensor) {
        self.init(rows: t.rank == 1 ? 1 : t.rows, cols: t.rank == 1 ? t.count : t.cols,
                  data: t.data.map(Double.init), vector: t.rank == 1)
    }
    public subscript(i: Int, j: Int) -> Double {
        get { data[i * cols + j] }
        set { data[i * cols + j] = newValue }
    }
    /// Rounds to a Float32 tensor of the same shape.
    public var tensor: Tensor { try! Tensor(shape: shape, data: data.map(Float.init)) }
}
