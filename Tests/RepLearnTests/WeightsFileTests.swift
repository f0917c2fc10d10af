import Foundation
import RepLearn
import XCTest

final class WeightsFileTests: XCTestCase {
    var tmp: URL!
    override func setUpWithError() throws {
        tmp = FileManager.default.temporaryDirectory.appendingPathComponent("replearn-weights-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: tmp) }

    /// Shapes of several ranks (0-D scalar, an empty tensor, non-square), and values whose bits
    /// must survive exactly: −0, subnormal, ∞, a NaN payload.
    private func sample() throws -> [WeightsFile.Parameter] {
        var rng = SeededGenerator(seed: 3)
        var w = Tensor.randomNormal([3, 5], using: &rng)
        w.data[0] = -0.0
        w.data[1] = .leastNonzeroMagnitude
        w.data[2] = .infinity
        w.data[3] = Float(bitPattern: 0x7FC0_1234)
        return [("encoder.w", w),
                ("encoder.b", Tensor.randomNormal([5], using: &rng)),
                ("conv.kernel", Tensor.randomNormal([2, 3, 3, 1], using: &rng)),
                ("scale", try Tensor(shape: [], data: [0.5])),
                ("empty", Tensor.zeros([0, 4])),
                ("ünïcode name", Tensor.randomNormal([1, 2], using: &rng))]
    }

    private func file(_ name: String) -> URL { tmp.appendingPathComponent(name) }

    private func assertError(_ expression: @autoclosure () throws -> Any, contains parts: [String],
                             file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try expression(), file: file, line: line) { error in
            XCTAssertTrue(error is WeightsFileError, "\(type(of: error))", file: file, line: line)
            let text = "\(error)"
            for p in parts { XCTAssertTrue(text.contains(p), "“\(text)” should contain “\(p)”", file: file, line: line) }
        }
    }

    func testSaveThenLoadGivesIdenticalNamesShapesAndBits() throws {
        let params = try sample()
        let url = file("nested/dir/model.rlwt")
        try WeightsFile.save(params, to: url)
        let back = try WeightsFile.load(from: url)
        XCTAssertEqual(back.map(\.name), params.map(\.name))
        for (a, b) in zip(back, params) {
            XCTAssertEqual(a.tensor.shape, b.tensor.shape, a.name)
            XCTAssertEqual(a.tensor.data.map(\.bitPattern), b.tensor.data.map(\.bitPattern), a.name)
        }
        // Byte layout: magic, version 1, count, size equal to the file's size.
        let bytes = [UInt8](try Data(contentsOf: url))
        XCTAssertEqual(Array(bytes[0..<4]), Array("RLWT".utf8))
        XCTAssertEqual(Array(bytes[4..<8]), [1, 0, 0, 0])
        XCTAssertEqual(bytes[8], UInt8(params.count))
        XCTAssertEqual(Int(bytes[16]) | Int(bytes[17]) << 8 | Int(bytes[18]) << 16, bytes.count)
        // Saving again replaces the file atomically and leaves no temporary file behind.
        try WeightsFile.save(Array(params.prefix(2)), to: url)
        XCTAssertEqual(try WeightsFile.load(from: url).count, 2)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path), ["model.rlwt"])
    }

    func testTruncatedFileNamesTheParameterBeingRead() throws {
        let params = try sample()
        let bytes = WeightsFile.encode(params)
        // Cut inside the data of the third parameter, "conv.kernel".
        let sizeOfFirstTwo = 24 + (8 + 9 + 16 + 60) + (8 + 9 + 8 + 20)
        let cut = Array(bytes.prefix(sizeOfFirstTwo + 8 + 11 + 32 + 10))
        let url = file("cut.rlwt")
        try Data(cut).write(to: url)
        assertError(try WeightsFile.load(from: url),
                    contains: ["cut.rlwt", "truncated", "parameter \"conv.kernel\"", "file has \(cut.count) bytes", "header says \(bytes.count)"])
        // Cut inside the header.
        try Data(bytes.prefix(10)).write(to: url)
        assertError(try WeightsFile.load(from: url), contains: ["truncated while reading the header"])
        // Only the checksum missing.
        try Data(bytes.dropLast(2)).write(to: url)
        assertError(try WeightsFile.load(from: url), contains: ["truncated while reading the checksum"])
    }

    func testFlippedByteIsACorruptionNotASilentChange() throws {
        var bytes = WeightsFile.encode(try sample())
        let url = file("flip.rlwt")
        for position in [40, bytes.count / 2, bytes.count - 6] {
            var corrupt = bytes
            corrupt[position] ^= 0x10
            try Data(corrupt).write(to: url)
            assertError(try WeightsFile.load(from: url), contains: ["flip.rlwt", "checksum mismatch"])
        }
        // Extra bytes at the end.
        bytes.append(0)
        try Data(bytes).write(to: url)
        assertError(try WeightsFile.load(from: url), contains: ["1 unexpected bytes after the end"])
    }

    func testWrongMagicUnsupportedVersionAndMissingFile() throws {
        let url = file("photo.png")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]).write(to: url)
        assertError(try WeightsFile.load(from: url), contains: ["photo.png", "not a RepLearn weights file", "\\x89PNG"])
        var bytes = WeightsFile.encode(try sample())
        bytes[4] = 7
        try Data(bytes).write(to: url)
        assertError(try WeightsFile.load(from: url), contains: ["unsupported version 7"])
        assertError(try WeightsFile.load(from: file("absent.rlwt")), contains: ["absent.rlwt", "file not found"])
        assertError(try WeightsFile.save([("a", Tensor.zeros([1])), ("a", Tensor.zeros([2]))], to: url),
                    contains: ["parameter \"a\" appears twice"])
    }

    func testLoadExpectingChecksNamesAndShapes() throws {
        let url = file("model.rlwt")
        try WeightsFile.save([("w", Tensor.zeros([3, 4])), ("b", Tensor(vector: [1, 2, 3, 4]))], to: url)
        // Returned in the model's order, not the file's.
        let got = try WeightsFile.load(from: url, expecting: [("b", [4]), ("w", [3, 4])])
        XCTAssertEqual(got.map(\.name), ["b", "w"])
        XCTAssertEqual(got[0].tensor.data, [1, 2, 3, 4])

        assertError(try WeightsFile.load(from: url, expecting: [("w", [4, 3]), ("b", [4])]),
                    contains: ["model.rlwt", "shape mismatch for parameter \"w\": file has [3, 4], model wants [4, 3]"])
        assertError(try WeightsFile.load(from: url, expecting: [("w", [3, 4]), ("b", [4]), ("gamma", [4])]),
                    contains: ["missing parameter \"gamma\""])
        assertError(try WeightsFile.load(from: url, expecting: [("w", [3, 4])]),
                    contains: ["unexpected parameter \"b\""])
    }
}
