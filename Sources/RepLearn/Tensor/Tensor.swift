/// A dense Float32 tensor in row-major order.
///
/// `shape` lists the extent of each axis (e.g. `[n, d]` for a batch of n rows of d features);
/// element `[i, j]` of a 2-D tensor lives at `data[i * d + j]`. Every operation that combines
/// tensors checks shapes and throws a ``ShapeError`` naming the operation and both shapes.
public struct Tensor: Equatable, Sendable {
    public private(set) var shape: [Int]
    public var data: [Float]

    /// Wraps `data` (row-major) as a tensor of `shape`; throws if the counts disagree.
    public init(shape: [Int], data: [Float]) throws {
        guard shape.allSatisfy({ $0 >= 0 }) else {
            throw ShapeError(op: "Tensor(shape:data:)", message: "negative extent in shape \(shape)")
        }
        let count = shape.reduce(1, *)
        guard count == data.count else {
            throw ShapeError(op: "Tensor(shape:data:)",
                             message: "shape \(shape) holds \(count) elements but \(data.count) were given")
        }
        self.shape = shape
        self.data = data
    }

    /// A tensor of `shape` filled with `value`.
    public init(repeating value: Float, shape: [Int]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "Tensor(repeating:shape:): negative extent in \(shape)")
        self.shape = shape
        self.data = [Float](repeating: value, count: shape.reduce(1, *))
    }

    /// `count` = shape's product values left unspecified, for results written in full before use.
    init(shape: [Int], uninitialized count: Int) {
        self.shape = shape
        self.data = [Float](unsafeUninitializedCapacity: count) { _, n in n = count }
    }

    /// Zeros of `shape`.
    public static func zeros(_ shape: [Int]) -> Tensor { Tensor(repeating: 0, shape: shape) }

    /// A 2-D tensor from nested rows; throws if rows are ragged.
    public init(rows: [[Float]]) throws {
        let d = rows.first?.count ?? 0
        if let bad = rows.firstIndex(where: { $0.count != d }) {
            throw ShapeError(op: "Tensor(rows:)", message: "row \(bad) has \(rows[bad].count) values, row 0 has \(d)")
        }
        try self.init(shape: [rows.count, d], data: rows.flatMap { $0 })
    }

    /// A 1-D tensor.
    public init(vector: [Float]) { self.shape = [vector.count]; self.data = vector }

    public var count: Int { data.count }
    public var rank: Int { shape.count }

    /// Number of rows of a 2-D tensor (first axis of any tensor).
    public var rows: Int { shape.first ?? 1 }
    /// Number of columns of a 2-D tensor (product of the trailing axes).
    public var cols: Int { shape.count <= 1 ? (shape.first ?? 1) : shape.dropFirst().reduce(1, *) }

    /// Throws unless this tensor has exactly `expected` shape (use -1 for "any extent").
    public func expectShape(_ expected: [Int], _ op: String, name: String = "input") throws {
        let ok = expected.count == shape.count && zip(expected, shape).allSatisfy { $0 == -1 || $0 == $1 }
        if !ok {
            let want = expected.map { $0 == -1 ? "_" : String($0) }.joined(separator: ", ")
            throw ShapeError(op: op, message: "\(name) should have shape [\(want)] but has \(shape)")
        }
    }

    /// Same data, new shape with the same element count.
    public func reshaped(_ newShape: [Int]) throws -> Tensor {
        guard newShape.reduce(1, *) == count else {
            throw ShapeError(op: "reshape", message: "cannot view \(shape) (\(count) elements) as \(newShape)")
        }
        var t = self
        t.shape = newShape
        return t
    }

    /// Element `[i, j]` of a 2-D tensor.
    public subscript(i: Int, j: Int) -> Float {
        get {
            precondition(rank == 2 && i >= 0 && i < shape[0] && j >= 0 && j < shape[1],
                         "Tensor[\(i), \(j)] is outside shape \(shape)")
            return data[i * shape[1] + j]
        }
        set {
            precondition(rank == 2 && i >= 0 && i < shape[0] && j >= 0 && j < shape[1],
                         "Tensor[\(i), \(j)] is outside shape \(shape)")
            data[i * shape[1] + j] = newValue
        }
    }

    /// Row `i` of a 2-D tensor as a plain array.
    public func row(_ i: Int) -> [Float] {
        precondition(rank == 2 && i >= 0 && i < shape[0], "row \(i) is outside shape \(shape)")
        let d = shape[1]
        return Array(data[(i * d)..<((i + 1) * d)])
    }

    /// Rows at `indices`, in that order: [n, d] → [indices.count, d].
    public func gatherRows(_ indices: [Int]) throws -> Tensor {
        try expectShape([-1, -1], "gatherRows")
        let (n, d) = (shape[0], shape[1])
        var out = [Float](repeating: 0, count: indices.count * d)
        for (r, i) in indices.enumerated() {
            guard i >= 0 && i < n else {
                throw ShapeError(op: "gatherRows", message: "row index \(i) outside 0..<\(n) for shape \(shape)")
            }
            for j in 0..<d { out[r * d + j] = data[i * d + j] }
        }
        return try Tensor(shape: [indices.count, d], data: out)
    }

    /// True when every element is finite (no NaN, no ±∞).
    public var isFinite: Bool { data.allSatisfy { $0.isFinite } }
}

extension Tensor: CustomStringConvertible {
    public var description: String {
        let preview = data.prefix(8).map { String(format: "%.4g", Double($0)) }.joined(separator: ", ")
        return "Tensor\(shape)[\(preview)\(count > 8 ? ", …" : "")]"
    }
}
