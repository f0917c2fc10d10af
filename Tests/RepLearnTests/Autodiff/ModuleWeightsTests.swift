import RepLearn
import XCTest
import Foundation

final class ModuleWeightsTests: XCTestCase {
    func testSaveLoadGivesIdenticalOutputsAndWrongFilesAreClearErrors() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("replearn-weights-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var rng = SeededGenerator(seed: 1)
        let vit = ViTEncoder(imageSize: (8, 8), patch: 4, dim: 8, depth: 2, heads: 2, mlpDim: 16, rng: &rng)
        let x = Variable(Tensor.randomNormal([3, 1, 8, 8], using: &rng))
        let before = try Graph.noGrad { try vit.features(x).value }
        let file = dir.appendingPathComponent("vit.weights")
        try vit.saveWeights(to: file)
        var other = SeededGenerator(seed: 2)
        let fresh = ViTEncoder(imageSize: (8, 8), patch: 4, dim: 8, depth: 2, heads: 2, mlpDim: 16, rng: &other)
        XCTAssertNotEqual(try Graph.noGrad { try fresh.features(x).value }, before)
        try fresh.loadWeights(from: file)
        XCTAssertEqual(try Graph.noGrad { try fresh.features(x).value }, before)

        let wider = ViTEncoder(imageSize: (8, 8), patch: 4, dim: 12, depth: 2, heads: 2, mlpDim: 16, rng: &other)
        XCTAssertThrowsError(try wider.loadWeights(from: file)) { e in
            XCTAssertTrue("\(e)".contains("patchEmbedding.weight") || "\(e)".contains("shape"), "\(e)")
        }
        let deeper = ViTEncoder(imageSize: (8, 8), patch: 4, dim: 8, depth: 3, heads: 2, mlpDim: 16, rng: &other)
        XCTAssertThrowsError(try deeper.loadWeights(from: file)) { e in XCTAssertTrue("\(e)".contains("blocks.2"), "\(e)") }
        var bytes = try Data(contentsOf: file)
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: file)
        XCTAssertThrowsError(try fresh.loadWeights(from: file)) { e in XCTAssertTrue("\(e)".contains("vit.weights"), "\(e)") }
    }
}
