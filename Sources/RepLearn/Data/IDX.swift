import Foundation

/// The IDX format of MNIST and Fashion-MNIST (big-endian header: 0x0000, type 0x08 = uint8,
/// number of dimensions, then each extent as UInt32), read from .gz.
public enum IDX {
    /// Images as [n, rows·cols] scaled to [0, 1], with the image size.
    public static func images(_ url: URL, limit: Int? = nil) throws -> (pixels: Tensor, height: Int, width: Int) {
        let (dims, body) = try parse(url, expectedRank: 3)
        let n = min(dims[0], limit ?? dims[0]), d = dims[1] * dims[2]
        var data = [Float](repeating: 0, count: n * d)
        body.withUnsafeBufferPointer { b in
            for i in 0..<(n * d) { data[i] = Float(b[i]) / 255 }
        }
        return (try Tensor(shape: [n, d], data: data), dims[1], dims[2])
    }

    /// Labels as integers.
    public static func labels(_ url: URL, limit: Int? = nil) throws -> [Int] {
        let (dims, body) = try parse(url, expectedRank: 1)
        return body.prefix(min(dims[0], limit ?? dims[0])).map(Int.init)
    }

    static func parse(_ url: URL, expectedRank: Int) throws -> (dims: [Int], body: ArraySlice<UInt8>) {
        let bytes = try Gzip.read(url)
        func fail(_ why: String) -> InputError { InputError("\(url.path): not a valid IDX file — \(why)") }
        guard bytes.count >= 4 else { throw fail("only \(bytes.count) bytes") }
        guard bytes[0] == 0, bytes[1] == 0, bytes[2] == 0x08 else {
            throw fail("magic bytes \(bytes.prefix(3).map { String($0) }) are not 0 0 8 (unsigned bytes)")
        }
        let rank = Int(bytes[3])
        guard rank == expectedRank else { throw fail("rank \(rank), expected \(expectedRank)") }
        guard bytes.count >= 4 + 4 * rank else { throw fail("header cut short") }
        let dims = (0..<rank).map { k in
            (0..<4).reduce(0) { $0 << 8 | Int(bytes[4 + 4 * k + $1]) }
        }
        let start = 4 + 4 * rank
        // Each extent is up to 2³² − 1: multiply with overflow detection, against the file's length.
        var need = 1
        for d in dims {
            let (p, overflow) = need.multipliedReportingOverflow(by: d)
            guard !overflow, p <= bytes.count else {
                throw fail("header promises \(dims) values, more than the file's \(bytes.count - start)")
            }
            need = p
        }
        guard bytes.count - start == need else {
            throw fail("header promises \(dims) = \(need) values, file holds \(bytes.count - start)")
        }
        return (dims, bytes[start...])
    }
}
