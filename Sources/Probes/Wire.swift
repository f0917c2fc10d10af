import Foundation
import RepLearn

/// The binary format between the grader and the worker that runs student code: little-endian
/// fixed-width numbers, counts before arrays, Float and Double by their bit patterns (so NaN,
/// ∞ and every last bit arrive as they left).
///
/// The reader is strict, because the worker's side is untrusted: every count is checked against
/// the bytes that remain before anything is allocated, tensor shapes are multiplied with overflow
/// detection, and a reply must be consumed exactly (``WireReader/finish()``).
public struct WireWriter {
    public private(set) var bytes: [UInt8] = []
    public init() {}

    public mutating func put(_ v: UInt8) { bytes.append(v) }
    public mutating func put(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    public mutating func put(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    public mutating func put(_ v: Int) { put(UInt64(bitPattern: Int64(v))) }
    public mutating func put(_ v: Bool) { put(UInt8(v ? 1 : 0)) }
    public mutating func put(_ v: Float) { put(v.bitPattern) }
    public mutating func put(_ v: Double) { put(v.bitPattern) }
    public mutating func put(_ s: String) { let u = Array(s.utf8); put(UInt32(u.count)); bytes.append(contentsOf: u) }
    public mutating func put(_ a: [Float]) {
        put(UInt32(a.count))
        bytes.reserveCapacity(bytes.count + 4 * a.count)
        for x in a { put(x.bitPattern) }
    }
    public mutating func put(_ a: [Double]) { put(UInt32(a.count)); bytes.reserveCapacity(bytes.count + 8 * a.count); for x in a { put(x) } }
    public mutating func put(_ a: [Int]) { put(UInt32(a.count)); bytes.reserveCapacity(bytes.count + 8 * a.count); for x in a { put(x) } }
    public mutating func put(_ a: [String]) { put(UInt32(a.count)); for x in a { put(x) } }
    public mutating func put(_ a: [[Float]]) { put(UInt32(a.count)); for x in a { put(x) } }
    public mutating func put(_ t: Tensor) {
        put(UInt32(t.shape.count))
        for d in t.shape { put(d) }
        put(t.data)
    }
    public mutating func put(_ a: [Tensor]) { put(UInt32(a.count)); for t in a { put(t) } }
    public mutating func put(_ g: SeededGenerator) { let s = g.state; put(s.0); put(s.1); put(s.2); put(s.3) }
}

/// Why a message could not be read.
public struct WireError: Error, CustomStringConvertible {
    public let description: String
    public init(_ d: String) { description = d }
}

public struct WireReader {
    let bytes: [UInt8]
    public private(set) var offset = 0
    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public var remaining: Int { bytes.count - offset }

    mutating func take(_ n: Int, _ what: String) throws -> ArraySlice<UInt8> {
        guard n >= 0, n <= remaining else { throw WireError("truncated: \(what) needs \(n) bytes, \(remaining) left") }
        defer { offset += n }
        return bytes[offset..<offset + n]
    }
    mutating func fixed<T: FixedWidthInteger>(_ type: T.Type, _ what: String) throws -> T {
        let s = try take(MemoryLayout<T>.size, what)
        var v: T = 0
        for (i, b) in s.enumerated() { v |= T(truncatingIfNeeded: b) << (8 * i) }
        return v
    }

    public mutating func u8(_ what: String = "byte") throws -> UInt8 { try fixed(UInt8.self, what) }
    public mutating func u32(_ what: String = "u32") throws -> UInt32 { try fixed(UInt32.self, what) }
    public mutating func u64(_ what: String = "u64") throws -> UInt64 { try fixed(UInt64.self, what) }
    public mutating func int(_ what: String = "integer") throws -> Int {
        let v = Int64(bitPattern: try u64(what))
        guard let i = Int(exactly: v) else { throw WireError("\(what) out of range") }
        return i
    }
    public mutating func bool(_ what: String = "flag") throws -> Bool {
        switch try u8(what) { case 0: return false; case 1: return true; case let b: throw WireError("\(what): \(b) is not a flag") }
    }
    public mutating func float(_ what: String = "float") throws -> Float { Float(bitPattern: try u32(what)) }
    public mutating func double(_ what: String = "double") throws -> Double { Double(bitPattern: try u64(what)) }

    /// A count of elements of `size` bytes each, checked against what is left.
    mutating func count(_ size: Int, _ what: String) throws -> Int {
        let n = Int(try u32("\(what) count"))
        guard n <= remaining / max(size, 1) else { throw WireError("\(what): \(n) elements announced, \(remaining) bytes left") }
        return n
    }
    public mutating func string(_ what: String = "string") throws -> String {
        let n = try count(1, what)
        guard let s = String(validating: try take(n, what), as: UTF8.self) else { throw WireError("\(what) is not UTF-8") }
        return s
    }
    public mutating func floats(_ what: String = "floats") throws -> [Float] {
        let n = try count(4, what)
        let raw = try take(4 * n, what)
        return raw.withUnsafeBytes { b in
            (0..<n).map { Float(bitPattern: UInt32(littleEndian: b.loadUnaligned(fromByteOffset: 4 * $0, as: UInt32.self))) }
        }
    }
    /// `n` 8-byte little-endian words, read in bulk.
    mutating func words(_ what: String) throws -> [UInt64] {
        let n = try count(8, what)
        let raw = try take(8 * n, what)
        return raw.withUnsafeBytes { b in (0..<n).map { UInt64(littleEndian: b.loadUnaligned(fromByteOffset: 8 * $0, as: UInt64.self)) } }
    }
    public mutating func doubles(_ what: String = "doubles") throws -> [Double] {
        try words(what).map { Double(bitPattern: $0) }
    }
    public mutating func ints(_ what: String = "integers") throws -> [Int] {
        try words(what).map { Int(Int64(bitPattern: $0)) }
    }
    public mutating func strings(_ what: String = "strings") throws -> [String] {
        let n = try count(4, what)
        return try (0..<n).map { _ in try string(what) }
    }
    public mutating func floatArrays(_ what: String = "vectors") throws -> [[Float]] {
        let n = try count(4, what)
        return try (0..<n).map { _ in try floats(what) }
    }
    public mutating func tensor(_ what: String = "tensor") throws -> Tensor {
        let rank = try count(8, "\(what) rank")
        guard rank <= 8 else { throw WireError("\(what): rank \(rank)") }
        var shape: [Int] = []
        var product = 1
        for _ in 0..<rank {
            let d = try int("\(what) extent")
            guard d >= 0 else { throw WireError("\(what): negative extent \(d)") }
            let (p, overflow) = product.multipliedReportingOverflow(by: d)
            guard !overflow else { throw WireError("\(what): shape overflows") }
            shape.append(d); product = p
        }
        let data = try floats(what)
        guard data.count == product else { throw WireError("\(what): shape \(shape) with \(data.count) values") }
        return try Tensor(shape: shape, data: data)
    }
    public mutating func tensors(_ what: String = "tensors") throws -> [Tensor] {
        let n = try count(4, what)
        return try (0..<n).map { _ in try tensor(what) }
    }
    public mutating func generator(_ what: String = "generator") throws -> SeededGenerator {
        SeededGenerator(state: (try u64(what), try u64(what), try u64(what), try u64(what)))
    }

    /// Throws unless every byte was read: a reply carries exactly the requested outputs.
    public func finish(_ what: String) throws {
        if remaining != 0 { throw WireError("\(remaining) unexpected bytes after \(what)") }
    }
}
