import Course
import Grading
import RepLearn
import XCTest

/// The grader judges whatever a worker returns without trapping: empty, ragged, NaN, huge or
/// negative outputs give a failed check, never a crashed grader. (A trap here would kill the
/// grader, which runs the checks: the student's code is in the worker, its outputs are here.)
final class GarbageOutputTests: XCTestCase {
    /// Outputs of the wrong size, shape and value, chosen by `kind`.
    struct Garbage: LayersExercises, AutoencoderExercises, KMeansExercises, VQExercises, Word2VecExercises,
                    ColorizationExercises, MAEExercises, ContrastiveExercises, QuestionExercises, TransferExercises {
        let kind: Int
        var t: Tensor {
            switch kind {
            case 0: return Tensor.zeros([0])
            case 1: return Tensor(vector: [.nan])
            case 2: return Tensor(repeating: 1e30, shape: [3, 7])
            case 3: return Tensor(repeating: -1, shape: [2, 2, 2])
            default: return Tensor(repeating: .infinity, shape: [200, 9])
            }
        }
        var ints: [Int] { [[], [-1], [Int.max, Int.min, 5], [Int](repeating: 3, count: 2), [Int](repeating: 999, count: 300)][kind % 5] }
        var d: Double { [Double.nan, -.infinity, 1e308, -0.0, .infinity][kind % 5] }
        var f: [Float] { [[], [.nan], [1e30, -1e30, 0], [0, 0], [Float](repeating: .infinity, count: 50)][kind % 5] }
        var strings: [String] { [[], [""], ["a", "a", "a"], ["zz"], (0..<100).map { "w\($0)" }][kind % 5] }

        func linearForward(_ x: Tensor, weight: Tensor, bias: Tensor) throws -> Tensor { t }
        func linearBackward(_ x: Tensor, weight: Tensor, outputGradient: Tensor) throws -> LinearGradients { LinearGradients(input: t, weight: t, bias: t) }
        func reluForward(_ x: Tensor) throws -> Tensor { t }
        func reluBackward(_ x: Tensor, outputGradient: Tensor) throws -> Tensor { t }
        func l2NormalizeForward(_ x: Tensor) throws -> Tensor { t }
        func l2NormalizeBackward(_ x: Tensor, output: Tensor, outputGradient: Tensor) throws -> Tensor { t }
        func softmaxForward(_ x: Tensor, beta: Float) throws -> Tensor { t }
        func softmaxBackward(_ x: Tensor, output: Tensor, beta: Float, outputGradient: Tensor) throws -> Tensor { t }
        func forwardStack(_ x: Tensor, layers: [LayerSpec]) throws -> [Tensor] { Array(repeating: t, count: [0, 1, 7, 7, 30][kind % 5]) }
        func backwardStack(activations: [Tensor], layers: [LayerSpec], outputGradient: Tensor) throws -> StackGradients {
            StackGradients(input: t, linear: Dictionary(ints.prefix(3).map { ($0, LinearGradients(input: t, weight: t, bias: t)) }, uniquingKeysWith: { a, _ in a }))
        }
        func numericalGradient(_ x: Tensor, step h: Float, _ f: (Tensor) throws -> Tensor) throws -> Tensor { t }
        func gradientError(_ a: Tensor, _ b: Tensor, floor: Float) throws -> Float { f.first ?? .nan }
        func center(_ x: Tensor) throws -> (centered: Tensor, mean: Tensor) { (t, t) }
        func covariance(_ x: Tensor) throws -> Tensor { t }
        func principalComponents(_ x: Tensor, k: Int) throws -> PrincipalComponents { PrincipalComponents(mean: t, components: t, eigenvalues: f) }
        func explainedVarianceRatio(_ x: Tensor, k: Int) throws -> [Float] { f }
        func pcaEncode(_ x: Tensor, _ pca: PrincipalComponents) throws -> Tensor { t }
        func pcaDecode(_ z: Tensor, _ pca: PrincipalComponents) throws -> Tensor { t }
        func linearAutoencoderLoss(_ x: Tensor, encoder: Tensor, decoder: Tensor) throws -> AutoencoderGradients { AutoencoderGradients(loss: d, encoder: t, decoder: t) }
        func linearAutoencoderStep(_ x: Tensor, encoder: Tensor, decoder: Tensor, learningRate: Float) throws -> (encoder: Tensor, decoder: Tensor) { (t, t) }
        func principalAngles(_ a: Tensor, _ b: Tensor) throws -> [Float] { f }
        func corrupt(_ x: Tensor, noiseStd: Float, rng: inout SeededGenerator) throws -> Tensor { t }
        func denoisingLoss(clean: Tensor, noisy: Tensor, reconstruct: (Tensor) throws -> Tensor) throws -> Double { _ = try? reconstruct(t); return d }
        func squaredDistances(_ x: Tensor, _ centers: Tensor) throws -> Tensor { t }
        func assign(_ x: Tensor, _ centers: Tensor) throws -> [Int] { ints }
        func updateCenters(_ x: Tensor, assignments: [Int], previous: Tensor) throws -> Tensor { t }
        func objective(_ x: Tensor, _ centers: Tensor, assignments: [Int]) throws -> Double { d }
        func kmeansPlusPlus(_ x: Tensor, k: Int, rng: inout SeededGenerator) throws -> Tensor { t }
        func kmeans(_ x: Tensor, initial: Tensor, maxIterations: Int) throws -> KMeansResult {
            KMeansResult(centers: t, assignments: ints, objectives: f.map(Double.init), iterations: ints.first ?? 0)
        }
        func oneHotEncode(_ assignments: [Int], k: Int) throws -> Tensor { t }
        func decode(_ codes: Tensor, centers: Tensor) throws -> Tensor { t }
        func quantize(_ z: Tensor, codebook: Tensor) throws -> Quantized { Quantized(indices: ints, vectors: t) }
        func vqLosses(_ z: Tensor, codebook: Tensor, indices: [Int], beta: Float) throws -> VQLosses { VQLosses(codebook: d, commitment: d, total: d) }
        func vqBackward(_ z: Tensor, codebook: Tensor, indices: [Int], decoderInputGradient: Tensor, beta: Float) throws -> VQGradients { VQGradients(encoder: t, codebook: t) }
        func codebookUsage(_ indices: [Int], codebookSize: Int) throws -> CodebookUsage { CodebookUsage(counts: ints, perplexity: d) }
        func reinitializeDeadCodes(_ codebook: Tensor, counts: [Int], encoderOutputs: Tensor, rng: inout SeededGenerator) throws -> Tensor { t }
        func labFromSRGB(_ rgb: Tensor) throws -> Tensor { t }
        func srgbFromLab(_ lab: Tensor) throws -> Tensor { t }
        func inGamutBins(gridSize: Float, levels: Int) throws -> Tensor { t }
        func softEncode(_ ab: Tensor, centres: Tensor, neighbours k: Int, sigma: Float) throws -> Tensor { t }
        func rebalancingWeights(prior: Tensor, centres: Tensor, gridSize: Float, sigma: Float, lambda: Float) throws -> Rebalancing { Rebalancing(smoothed: t, weights: t) }
        func weightedCrossEntropy(logits: Tensor, targets: Tensor, binWeights: Tensor) throws -> LossAndGradient { LossAndGradient(loss: d, gradient: t) }
        func annealedMean(_ probabilities: Tensor, centres: Tensor, temperature: Float) throws -> Tensor { t }
        func l2Loss(prediction: Tensor, target: Tensor) throws -> LossAndGradient { LossAndGradient(loss: d, gradient: t) }
        func tokenize(_ text: String) throws -> [String] { strings }
        func buildVocabulary(_ tokens: [String], minCount: Int) throws -> Vocabulary {
            var v = Vocabulary(words: [], counts: [])
            v.words = strings; v.counts = ints; v.index = ["a": ints.first ?? -7]
            return v
        }
        func keepProbability(count: Int, totalTokens: Int, threshold: Double) throws -> Double { d }
        func noiseDistribution(counts: [Int], power: Double) throws -> [Double] { f.map(Double.init) }
        func sampleNoise(_ distribution: [Double], count: Int, rng: inout SeededGenerator) throws -> [Int] { ints }
        func sgnsLoss(center: [Float], context: [Float], negatives: [[Float]]) throws -> SGNSGradients {
            SGNSGradients(loss: d, center: f, context: f, negatives: Array(repeating: f, count: kind))
        }
        func learningRate(initial: Float, progress: Double) throws -> Float { Float(d) }
        func trainingPairs(_ sentence: [Int], window: Int, rng: inout SeededGenerator) throws -> [WordPair] { ints.map { WordPair(center: $0, context: 0 &- $0 &- 1) } }
        func nearestNeighbors(_ vectors: Tensor, query: Int, k: Int) throws -> [Int] { ints }
        func analogy(_ vectors: Tensor, a: Int, b: Int, c: Int) throws -> Int { ints.first ?? Int.min }
        func spearman(_ x: [Double], _ y: [Double]) throws -> Double { d }
        func probeLoss(_ features: Tensor, labels: [Int], weight: Tensor, bias: Tensor, l2: Float) throws -> ProbeGradients {
            ProbeGradients(loss: d, weight: t, bias: t)
        }
        func trainProbe(_ features: Tensor, labels: [Int], classes: Int, l2: Float, learningRate: Float, steps: Int) throws -> ProbeHead { ProbeHead(weight: t, bias: t) }
        func optimizerStep(_ parameters: [Tensor], gradients: [Tensor], velocities: [Tensor], groups: [Int],
                           settings: [GroupSetting], learningRate: Float, momentum: Float, weightDecay: Float) throws -> OptimizerState {
            OptimizerState(parameters: Array(repeating: t, count: kind), velocities: Array(repeating: t, count: 3))
        }
        func reinitializeTop(_ layers: [DenseLayer], k: Int, rng: inout SeededGenerator) throws -> [DenseLayer] {
            Array(repeating: DenseLayer(weight: t, bias: t), count: kind)
        }
        func rdm(_ responses: Tensor) throws -> Tensor { t }
        func rsa(_ a: Tensor, _ b: Tensor) throws -> Double { d }
        func linearCKA(_ x: Tensor, _ y: Tensor) throws -> Double { d }
        func fewLabelIndices(_ labels: [Int], perClass k: Int, classes: Int, rng: inout SeededGenerator) throws -> [Int] { ints }
        func answers(lecture: Int) throws -> [String: String] {
            Dictionary(uniqueKeysWithValues: "abcde".map { ("\(lecture).Q\($0)", ["zzz", "-1e300", "nan", "z", "1/0"][kind]) })
        }
        func nceLoss(data: Tensor, noise: Tensor, theta: Tensor, noiseMean: Float, noiseStd: Float, nu: Float) throws -> NCELoss { NCELoss(loss: d, gradient: t) }
        func ntXent(_ z: Tensor, temperature: Float) throws -> NTXentLoss { NTXentLoss(loss: d, gradient: t) }
        func alignment(_ x: Tensor, _ y: Tensor, alpha: Double) throws -> Double { d }
        func uniformity(_ x: Tensor, t: Double) throws -> Double { d }
        func augmentView(_ x: Tensor, _ settings: ViewAugmentation, rng: inout SeededGenerator) throws -> Tensor { t }
        func rotationBatch(_ x: Tensor) throws -> RotationBatch { RotationBatch(images: t, labels: ints) }
        func rotationLoss(logits: Tensor, labels: [Int]) throws -> ClassificationLoss { ClassificationLoss(loss: d, gradient: t) }
        // Lecture 6
        func patchify(_ images: Tensor, patch: Int) throws -> Tensor { t }
        func unpatchify(_ patches: Tensor, patch: Int, gridH: Int, gridW: Int, channels: Int) throws -> Tensor { t }
        func randomMasking(batch: Int, patches: Int, ratio: Double, rng: inout SeededGenerator) throws -> PatchMasking {
            PatchMasking(keep: Array(repeating: ints, count: kind), restore: Array(repeating: ints, count: 3 - kind % 3), mask: t)
        }
        func sinCosEmbedding2D(dim: Int, gridH: Int, gridW: Int) throws -> Tensor { t }
        func maeLoss(prediction: Tensor, target: Tensor, mask: Tensor, normalizeTarget: Bool) throws -> MAELoss { MAELoss(loss: d, gradient: t) }
        func attentionForward(q: Tensor, k: Tensor, v: Tensor, mask: Tensor?) throws -> Tensor { t }
        func attentionBackward(q: Tensor, k: Tensor, v: Tensor, mask: Tensor?, outputGradient: Tensor) throws -> AttentionGradients { AttentionGradients(q: t, k: t, v: t) }
        func bertCorrupt(_ tokens: [Int], ratio: Double, vocabularySize: Int, maskToken: Int, rng: inout SeededGenerator) throws -> BERTCorruption {
            BERTCorruption(tokens: ints, positions: ints.reversed())
        }
    }

    func testEveryCheckFailsGarbageWithoutTrapping() {
        for kind in 0..<5 {
            let g = Garbage(kind: kind)
            let impls = Implementations(name: "garbage \(kind)", layers: g, autoencoders: g, kmeans: g, vq: g, word2vec: g,
                                        colorization: g, mae: g, contrastive: g, transfer: g, questions: g)
            for check in Catalog.checks {
                let r = check.run(impls)
                XCTAssertEqual(r.status, .failed, "garbage \(kind): \(check.id) \(r.status.rawValue) \(r.message)")
            }
        }
    }
}
