import Foundation
import RepLearn
import XCTest

final class DataAndImagingTests: XCTestCase {
    var tmp: URL!
    override func setUpWithError() throws {
        tmp = FileManager.default.temporaryDirectory.appendingPathComponent("replearn-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: tmp) }

    func testPNGRoundTripGrayAndRGB() throws {
        var rgb = Image(width: 5, height: 3, channels: 3)
        for i in 0..<rgb.pixels.count { rgb.pixels[i] = UInt8((i * 37) % 256) }
        let url = tmp.appendingPathComponent("a/b/rgb.png")
        try PNG.write(rgb, to: url)
        XCTAssertEqual(try PNG.read(url), rgb)
        let gray = try Image(width: 4, height: 2, channels: 1, pixels: [0, 10, 20, 30, 40, 50, 60, 255])
        try PNG.write(gray, to: tmp.appendingPathComponent("g.png"))
        XCTAssertEqual(try PNG.read(tmp.appendingPathComponent("g.png"), channels: 1), gray)
    }

    func testMissingAndCorruptFilesAreNamed() throws {
        let missing = tmp.appendingPathComponent("nope.png")
        XCTAssertThrowsError(try PNG.read(missing)) { XCTAssertTrue("\($0)".contains("nope.png") && "\($0)".contains("not found")) }
        let bad = tmp.appendingPathComponent("bad.png")
        try Data("this is not a png".utf8).write(to: bad)
        XCTAssertThrowsError(try PNG.read(bad)) { XCTAssertTrue("\($0)".contains("bad.png"), "\($0)") }

        // A truncated gzip stream and a gzip of the wrong IDX rank.
        let truncated = tmp.appendingPathComponent("t.gz")
        let real = try Data(contentsOf: Datasets.folder.appendingPathComponent("mnist/t10k-labels-idx1-ubyte.gz"))
        try real.prefix(200).write(to: truncated)
        XCTAssertThrowsError(try IDX.labels(truncated)) { XCTAssertTrue("\($0)".contains("t.gz"), "\($0)") }
        XCTAssertThrowsError(try IDX.images(Datasets.folder.appendingPathComponent("mnist/t10k-labels-idx1-ubyte.gz"))) {
            XCTAssertTrue("\($0)".contains("rank 1, expected 3"), "\($0)")
        }
    }

    /// An IDX header with huge extents overflowed `dims.reduce(1, *)` and crashed doctor and run.
    func testAnIDXHeaderWithHugeExtentsIsRejectedNotACrash() throws {
        var header: [UInt8] = [0, 0, 8, 3]
        for _ in 0..<3 { header += [0xff, 0xff, 0xff, 0xff] }
        let raw = tmp.appendingPathComponent("huge-idx3-ubyte")
        try Data(header + [1, 2, 3]).write(to: raw)
        let gz = Process()
        gz.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gz.arguments = ["-f", raw.path]
        try gz.run(); gz.waitUntilExit()
        XCTAssertThrowsError(try IDX.images(tmp.appendingPathComponent("huge-idx3-ubyte.gz"))) {
            XCTAssertTrue("\($0)".contains("not a valid IDX file") && "\($0)".contains("more than the file"), "\($0)")
        }
    }

    /// Atomic writes: readers racing four writers see the old file or the new one, never half.
    func testAtomicWritesAreNeverSeenHalfWritten() throws {
        let url = tmp.appendingPathComponent("race.json")
        let bodies = (0..<4).map { w in Data(("[" + Array(repeating: "\(w)", count: 20_000).joined(separator: ",") + "]").utf8) }
        try AtomicFile.write(bodies[0], to: url)
        let group = DispatchGroup()
        for w in 0..<4 {
            DispatchQueue.global().async(group: group) { for _ in 0..<30 { try? AtomicFile.write(bodies[w], to: url) } }
        }
        var torn = 0
        for _ in 0..<300 {
            let d = (try? Data(contentsOf: url)) ?? Data()
            if !bodies.contains(d) { torn += 1 }
        }
        group.wait()
        XCTAssertEqual(torn, 0, "a half-written file was read")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: tmp.path).filter { $0.contains(".tmp-") }
        XCTAssertEqual(leftovers, [])
    }

    func testUnwritablePathsAreOneLineErrors() throws {
        let file = tmp.appendingPathComponent("plain")
        try Data().write(to: file)
        XCTAssertThrowsError(try AtomicFile.checkWritable(file.appendingPathComponent("r.json"), what: "--json")) {
            XCTAssertFalse("\($0)".contains("NSCocoaErrorDomain") || "\($0)".contains("\n"), "\($0)")
        }
        XCTAssertThrowsError(try AtomicFile.checkWritable(tmp, what: "--json")) { XCTAssertTrue("\($0)".contains("is a folder"), "\($0)") }
        XCTAssertNoThrow(try AtomicFile.checkWritable(tmp.appendingPathComponent("new/r.json"), what: "--json"))
    }

    func testBundledDatasetsLoadWithTheirDocumentedShapes() throws {
        let test = try Datasets.mnist("test", limit: 100)
        XCTAssertEqual(test.images.shape, [100, 784])
        XCTAssertEqual(test.labels.count, 100)
        XCTAssertTrue(test.images.data.allSatisfy { $0 >= 0 && $0 <= 1 })
        let digits = try Datasets.digits()
        XCTAssertEqual(digits.images.shape, [1797, 64])
        XCTAssertEqual(Set(digits.labels), Set(0...9))
    }

    func testImageGridTilesAndSVGFigureDrawsEverything() throws {
        let imgs = try Tensor(shape: [3, 4], data: [0, 1, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0])
        let grid = try ImageGrid.make(imgs, height: 2, width: 2, columns: 2, scale: 1, padding: 1, normalize: .unit)
        XCTAssertEqual(grid.width, 2 * 3 + 1)
        XCTAssertEqual(grid.height, 2 * 3 + 1)
        XCTAssertEqual(grid.pixels[1 * grid.width + 1], 0)        // image 0, pixel (0, 0) is black
        XCTAssertEqual(grid.pixels[1 * grid.width + 2], 255)      // image 0, pixel (0, 1) is white
        var f = Figure(title: "t < 1")
        f.line([(0, 0), (1, 1)], label: "curve")
        f.dot(0.5, 0.5, color: .label(1))
        f.label(0.2, 0.8, "word")
        let svg = f.svg()
        XCTAssertTrue(svg.contains("<polyline") && svg.contains("<circle") && svg.contains("word") && svg.contains("t &lt; 1"))
    }
}

final class LinearAlgebraTests: XCTestCase {
    /// A = V diag(λ) Vᵀ with a known rotation V: the decomposition must give λ back, descending.
    func testSymmetricEigenRecoversAKnownSpectrum() throws {
        let c = Float(cos(0.3)), s = Float(sin(0.3))
        let v = try Tensor(rows: [[c, -s, 0], [s, c, 0], [0, 0, 1]])
        let lam: [Float] = [5, 2, 0.5]
        var a = Tensor.zeros([3, 3])
        for i in 0..<3 { for j in 0..<3 { a[i, j] = (0..<3).reduce(0) { $0 + v[i, $1] * lam[$1] * v[j, $1] } } }
        let eig = try SymmetricEigen(a)
        for (got, want) in zip(eig.values, lam) { XCTAssertEqual(got, want, accuracy: 1e-5) }
        // Each row e satisfies e·A = λ e.
        let ev = try Tensor.matmul(eig.vectors, a)
        for i in 0..<3 { for j in 0..<3 { XCTAssertEqual(ev[i, j], eig.values[i] * eig.vectors[i, j], accuracy: 1e-5) } }
    }

    func testLinearProbeSeparatesSeparableAndNotXOR() throws {
        var rng = SeededGenerator(seed: 3)
        var x = Tensor.randomNormal([200, 2], using: &rng)
        let labels = (0..<200).map { x[$0, 0] + 0.5 * x[$0, 1] > 0 ? 1 : 0 }
        XCTAssertGreaterThan(try LinearProbe(x, labels: labels, classes: 2).accuracy(x, labels: labels), 0.97)
        for i in 0..<200 { x[i, 0] += 0 }
        let xor = (0..<200).map { (x[$0, 0] > 0) != (x[$0, 1] > 0) ? 1 : 0 }
        XCTAssertLessThan(try LinearProbe(x, labels: xor, classes: 2).accuracy(x, labels: xor), 0.75)
    }
}
