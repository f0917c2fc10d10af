@testable import Course
import RepLearn
import Solutions
import XCTest

/// Lecture 9's transfer modes do what their names say, for every source architecture: frozen
/// groups do not move (SGD through 9.2 and AdamW alike), partial transfer keeps the bottom and
/// re-draws the top, copies carry BatchNorm's statistics, the same seed gives the same numbers.
final class TransferModesTests: XCTestCase {
    let trainer = TransferTrainer(impl: ReferenceTransfer())

    static func nets() -> [(String, (inout SeededGenerator) -> any TransferableNet, TransferTrainer.Recipe)] {
        [("MNIST conv net", { TransferNet(rng: &$0) }, .sgd(learningRate: 0.02)),
         ("SimCLR encoder", { SimCLRClassifier(rng: &$0) }, .sgd(learningRate: 0.02)),
         ("MAE ViT", { ViTClassifier(rng: &$0) }, .adamW(learningRate: 1e-3, weightDecay: 0.05))]
    }

    static func batch(_ n: Int, seed: UInt64) -> (Tensor, [Int]) {
        var rng = SeededGenerator(seed: seed)
        return (Tensor.randomUniform([n, 784], 0, 1, using: &rng), (0..<n).map { $0 % 10 })
    }

    static func values(_ groups: [[Variable]]) -> [[Tensor]] { groups.map { $0.map(\.value) } }

    func testFrozenBottomDoesNotMoveAndTheRestDoes() throws {
        let (x, y) = Self.batch(10, seed: 1)
        for (name, make, recipe) in Self.nets() {
            var rng = SeededGenerator(seed: 2)
            let net = make(&rng)
            let groups = net.bodyGroups.count
            let before = Self.values(net.bodyGroups), head = net.headParameters.map(\.value)
            let plan = TransferTrainer.Plan(bodyScales: [nil, nil] + Array(repeating: 1, count: groups - 2))
            try trainer.train(net, x, y, plan: plan, recipe: recipe, steps: 2, batch: 4, rng: &rng)
            let after = Self.values(net.bodyGroups)
            XCTAssertEqual(after[0], before[0], "\(name): the frozen \(net.groupNames[0]) moved")
            XCTAssertEqual(after[1], before[1], "\(name): the frozen \(net.groupNames[1]) moved")
            XCTAssertNotEqual(after[groups - 1], before[groups - 1], "\(name): the trained \(net.groupNames[groups - 1]) did not move")
            XCTAssertNotEqual(net.headParameters.map(\.value), head, "\(name): the head did not move")
        }
    }

    func testPartialTransferKeepsTheBottomAndRedrawsTheTop() throws {
        for (name, make, _) in Self.nets() {
            var rng = SeededGenerator(seed: 3)
            let source = make(&rng)
            var fresh: [[[Tensor]]] = []
            for _ in 0..<2 {
                var r = SeededGenerator(seed: 4)
                let net = make(&r)
                try net.copyBody(from: source)
                XCTAssertEqual(Self.values(net.bodyGroups), Self.values(source.bodyGroups), "\(name): copyBody")
                try net.reinitializeTop(2, trainer: trainer, rng: &r)
                let (now, src) = (Self.values(net.bodyGroups), Self.values(source.bodyGroups))
                let kept = now.count - 2
                XCTAssertEqual(Array(now.prefix(kept)), Array(src.prefix(kept)), "\(name): partial transfer changed the kept layers")
                for g in kept..<now.count {
                    XCTAssertNotEqual(now[g], src[g], "\(name): \(net.groupNames[g]) was not re-drawn")
                }
                fresh.append(now)
            }
            XCTAssertEqual(fresh[0], fresh[1], "\(name): the same seed gave different re-drawn layers")
        }
    }

    func testSimCLRCopyCarriesBatchNormStatisticsAndRedrawResetsThem() throws {
        var rng = SeededGenerator(seed: 5)
        let source = SimCLRClassifier(rng: &rng)
        source.encoder.bn1.runningMean = Tensor(repeating: 0.3, shape: [16])
        source.encoder.bn2.runningVar = Tensor(repeating: 2, shape: [32])
        source.encoder.bn2.gamma.value = Tensor(repeating: 0.5, shape: [32])
        let net = SimCLRClassifier(rng: &rng)
        try net.copyBody(from: source)
        XCTAssertEqual(net.encoder.bn1.runningMean, source.encoder.bn1.runningMean)
        XCTAssertEqual(net.encoder.bn2.runningVar, source.encoder.bn2.runningVar)
        try net.reinitializeTop(2, trainer: trainer, rng: &rng)
        XCTAssertEqual(net.encoder.bn1.runningMean, source.encoder.bn1.runningMean, "conv1's BatchNorm is kept")
        XCTAssertEqual(net.encoder.bn2.runningVar, Tensor(repeating: 1, shape: [32]), "a re-drawn layer's BatchNorm starts again")
        XCTAssertEqual(net.encoder.bn2.gamma.value, Tensor(repeating: 1, shape: [32]))
    }

    func testTrainingIsDeterministicAndChecksThePlan() throws {
        let (x, y) = Self.batch(4, seed: 6)
        for (name, make, recipe) in Self.nets() {
            var logits: [Tensor] = []
            for _ in 0..<2 {
                var rng = SeededGenerator(seed: 7)
                let net = make(&rng)
                try trainer.train(net, x, y, plan: .init(bodyScales: Array(repeating: 0.1, count: net.bodyGroups.count)), recipe: recipe,
                                  steps: 1, batch: 4, rng: &rng)
                logits.append(try Graph.noGrad { try net.logits(Variable(x)).value })
            }
            XCTAssertEqual(logits[0], logits[1], "\(name): the same seed gave different numbers")
            var rng = SeededGenerator(seed: 8)
            let net = make(&rng)
            XCTAssertThrowsError(try trainer.train(net, x, y, plan: .init(bodyScales: [1]), recipe: recipe, steps: 1, batch: 4, rng: &rng),
                                 "\(name): a plan with the wrong number of groups")
        }
    }
}
