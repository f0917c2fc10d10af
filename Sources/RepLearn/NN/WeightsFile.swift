import CZlib
import Foundation

/// Named Float32 tensors on disk: how a trained encoder is saved after one lecture and loaded in
/// the next. Plain tensors in, plain tensors out (nothing here knows about layers or autodiff).
///
/// Format, version 1, every integer little-endian:
///
///     offset  size  field
///     0       4     magic "RLWT"
///     4       4     version: UInt32 = 1
///     8       8     parameter count: UInt64
///     16      8     total file size in bytes, checksum included: UInt64
///     24      …     per parameter, in the order given to `save`:
///                     name length in bytes: UInt32, then the name in UTF-8
///                     rank: UInt32, then each extent: Int64
///                     the elements, row-major, as Float32 bit patterns (4 bytes each)
///     size−4  4     CRC-32 (zlib's crc32, the gzip/PNG polynomial) of every byte before it
///
/// The size in the header tells a truncated file (fewer bytes than promised: the error says
/// which parameter was being read) from a corrupted one (right size, wrong CRC). Writes are
/// atomic: the bytes go to a temporary file in the same directory, are flushed, and the temporary
/// file is renamed over `url`, so a crash never leaves half a file under the real name.
public enum WeightsFile {
    public typealias Parameter = (name: String, tensor: Tensor)

    public static let magic: [UInt8] = Array("RLWT".utf8)
    public static let version: UInt32 = 1
    static let headerBytes = 24

    // MARK: - Save

    /// Writes `parameters` to `url` (creating its folder), replacing any file there atomically.
    /// Throws `duplicateName` if two parameters share a name.
    public static func save(_ parameters: [Parameter], to url: URL) throws {
        var seen = Set<String>()
        for p in parameters where !seen.insert(p.name).inserted {
            throw WeightsFileError(file: url.path, .duplicateName(p.name))
        }
        try writeAtomically(encode(parameters), to: url)
    }

    /// The file's bytes for `parameters` (the format above).
    public static func encode(_ parameters: [Parameter]) -> [UInt8] {
        var size = headerBytes + 4
        for p in parameters { size += 8 + p.name.utf8.count + 8 * p.tensor.rank + 4 * p.tensor.count }
        var out = [UInt8]()
        out.reserveCapacity(size)
        out.append(contentsOf: magic)
        append(version, to: &out)
        append(UInt64(parameters.count), to: &out)
        append(UInt64(size), to: &out)
        for p in parameters {
            let name = Array(p.name.utf8)
            append(UInt32(name.count), to: &out)
            out.append(contentsOf: name)
            append(UInt32(p.tensor.rank), to: &out)
            for e in p.tensor.shape { append(Int64(e), to: &out) }
            #if _endian(little)
            p.tensor.data.withUnsafeBytes { out.append(contentsOf: $0) }
            #else
            for v in p.tensor.data { append(v.bitPattern, to: &out) }
            #endif
        }
        append(crc32(of: out[...]), to: &out)
        precondition(out.count == size, "WeightsFile.encode: wrote \(out.count) bytes, planned \(size)")
        return out
    }

    // MARK: - Load

    /// Reads every parameter of the file at `url`, in file order.
    public static func load(from url: URL) throws -> [Parameter] {
        let bytes: [UInt8]
        do { bytes = try [UInt8](Data(contentsOf: url)) } catch {
            let why = FileManager.default.fileExists(atPath: url.path) ? error.localizedDescription : "file not found"
            throw WeightsFileError(file: url.path, .cannotRead(why))
        }
        return try decode(bytes, file: url.path)
    }

    /// Reads the file and checks it against a model's parameter list: every expected name present
    /// with the same shape, no other names. Returns the tensors in the order of `expecting`.
    /// Problems are reported in that order: for each expected parameter, missing or wrong shape;
    /// then the first file parameter the model does not have.
    public static func load(from url: URL, expecting: [(name: String, shape: [Int])]) throws -> [Parameter] {
        let found = try load(from: url)
        var byName = [String: Tensor]()
        for p in found { byName[p.name] = p.tensor }
        var out = [Parameter]()
        for e in expecting {
            guard let t = byName[e.name] else { throw WeightsFileError(file: url.path, .missingParameter(e.name)) }
            guard t.shape == e.shape else {
                throw WeightsFileError(file: url.path, .shapeMismatch(name: e.name, file: t.shape, model: e.shape))
            }
            out.append((e.name, t))
        }
        let wanted = Set(expecting.map(\.name))
        if let extra = found.first(where: { !wanted.contains($0.name) }) {
            throw WeightsFileError(file: url.path, .unexpectedParameter(extra.name))
        }
        return out
    }

    /// Parses file bytes; `file` only names the source in errors.
    public static func decode(_ bytes: [UInt8], file: String) throws -> [Parameter] {
        func fail(_ kind: WeightsFileError.Kind) -> WeightsFileError { WeightsFileError(file: file, kind) }
        guard bytes.count >= 4, Array(bytes[0..<4]) == magic else {
            throw fail(.notAWeightsFile(found: Array(bytes.prefix(4))))
        }
        var r = Reader(bytes: bytes, file: file, expected: headerBytes)
        r.context = "the header"
        r.offset = 4
        let v: UInt32 = try r.read()
        guard v == version else { throw fail(.unsupportedVersion(v)) }
        let count: UInt64 = try r.read(), size: UInt64 = try r.read()
        r.expected = Int(clamping: size)
        if bytes.count > r.expected { throw fail(.trailingBytes(fileBytes: bytes.count, expectedBytes: r.expected)) }
        if bytes.count == r.expected {
            guard r.expected >= headerBytes + 4 else { throw fail(.malformed("header says the file has \(size) bytes")) }
            let end = r.expected
            let stored = UInt32(bytes[end - 4]) | UInt32(bytes[end - 3]) << 8
                | UInt32(bytes[end - 2]) << 16 | UInt32(bytes[end - 1]) << 24
            let computed = crc32(of: bytes[0..<(bytes.count - 4)])
            guard stored == computed else { throw fail(.checksumMismatch(stored: stored, computed: computed)) }
        }
        // From here on a short read is truncation (the CRC already vouched for a full-size file).
        var out = [Parameter]()
        var seen = Set<String>()
        for k in 0..<count {
            r.context = "the name of parameter #\(k)"
            let nameLength: UInt32 = try r.read()
            let name = String(decoding: try r.take(Int(nameLength)), as: UTF8.self)
            guard seen.insert(name).inserted else { throw fail(.duplicateName(name)) }
            r.context = "parameter \"\(name)\""
            let rank: UInt32 = try r.read()
            var shape = [Int]()
            for _ in 0..<rank {
                let e: Int64 = try r.read()
                guard e >= 0 else { throw fail(.malformed("parameter \"\(name)\" has extent \(e)")) }
                shape.append(Int(e))
            }
            let (n, overflow) = shape.reduce((1, false)) { acc, e in
                let m = acc.0.multipliedReportingOverflow(by: e)
                return (m.partialValue, acc.1 || m.overflow)
            }
            guard !overflow, n <= bytes.count / 4 + 1 else {
                // More elements than bytes left: the file cannot hold them.
                throw fail(.truncated(context: r.context, fileBytes: bytes.count, expectedBytes: r.expected))
            }
            let raw = try r.take(4 * n)
            var data = [Float](repeating: 0, count: n)
            raw.withUnsafeBytes { src in
                for i in 0..<n { data[i] = Float(bitPattern: UInt32(littleEndian: src.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self))) }
            }
            out.append((name, try Tensor(shape: shape, data: data)))
        }
        r.context = "the checksum"
        _ = try r.take(4)
        guard r.offset == r.expected else {
            throw fail(.malformed("parameters end at byte \(r.offset) but the header says \(r.expected)"))
        }
        return out
    }

    // MARK: - Bytes

    /// A cursor over the file that throws `truncated` (naming `context`) when bytes run out.
    private struct Reader {
        let bytes: [UInt8]
        let file: String
        var expected: Int
        var offset = 0
        var context = ""

        mutating func take(_ n: Int) throws -> ArraySlice<UInt8> {
            guard n >= 0, n <= bytes.count - offset else {
                throw WeightsFileError(file: file, .truncated(context: context, fileBytes: bytes.count,
                                                              expectedBytes: max(expected, offset + n)))
            }
            defer { offset += n }
            return bytes[offset..<(offset + n)]
        }

        mutating func read<T: FixedWidthInteger>() throws -> T {
            let b = try take(MemoryLayout<T>.size)
            return b.reversed().reduce(T(0)) { ($0 << 8) | T(truncatingIfNeeded: $1) }
        }
    }

    private static func append<T: FixedWidthInteger>(_ v: T, to out: inout [UInt8]) {
        withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) }
    }

    /// zlib's CRC-32, fed in chunks that fit its 32-bit length argument.
    static func crc32(of bytes: ArraySlice<UInt8>) -> UInt32 {
        bytes.withUnsafeBufferPointer { buf in
            var crc = CZlib.crc32(0, nil, 0)
            var start = 0
            while start < buf.count {
                let n = min(buf.count - start, 1 << 30)
                crc = CZlib.crc32(crc, buf.baseAddress! + start, uInt(n))
                start += n
            }
            return UInt32(truncatingIfNeeded: crc)
        }
    }

    /// Temporary file beside `url`, flushed, then renamed over it.
    private static func writeAtomically(_ bytes: [UInt8], to url: URL) throws {
        let fm = FileManager.default
        let dir = url.deletingLastPathComponent()
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try fm.createDirectory(at: dir, withIntermediateDirectories: true)
            guard fm.createFile(atPath: tmp.path, contents: nil) else { throw InputError("cannot create \(tmp.path)") }
            let handle = try FileHandle(forWritingTo: tmp)
            try handle.write(contentsOf: bytes)
            try handle.synchronize()
            try handle.close()
            guard rename(tmp.path, url.path) == 0 else {
                throw InputError("cannot rename the temporary file into place: \(String(cString: strerror(errno)))")
            }
        } catch {
            try? fm.removeItem(at: tmp)
            throw WeightsFileError(file: url.path, .cannotWrite("\(error)"))
        }
    }
}
