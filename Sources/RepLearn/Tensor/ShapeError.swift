/// A shape or argument mismatch, reported with the operation and both shapes,
/// e.g. `matmul: cannot multiply [3, 4] by [5, 2]: inner dimensions 4 and 5 differ`.
public struct ShapeError: Error, CustomStringConvertible, Equatable {
    public let op: String
    public let message: String
    public init(op: String, message: String) { self.op = op; self.message = message }
    public var description: String { "\(op): \(message)" }
}

/// An input that is the right shape but wrong in value (NaN, out of range, corrupt file …).
public struct InputError: Error, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
