import CZlib
import Foundation

/// Reads a whole gzip file (zlib's gzread). Errors name the file and what went wrong.
public enum Gzip {
    public static func read(_ url: URL) throws -> [UInt8] {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw InputError("\(url.path): file not found (the bundled datasets live in datasets/; see datasets/README.md)")
        }
        guard let f = gzopen(url.path, "rb") else { throw InputError("\(url.path): cannot open") }
        defer { gzclose(f) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { gzread(f, $0.baseAddress, UInt32($0.count)) }
            if n < 0 {
                var errnum: Int32 = 0
                let msg = gzerror(f, &errnum).map { String(cString: $0) } ?? "unknown error"
                throw InputError("\(url.path): corrupt gzip data (\(msg)) after \(out.count) bytes")
            }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<Int(n)])
        }
        return out
    }
}
