// replearn-hostile-worker: a worker whose "student code" cheats or breaks the machine, for the
// grader's tests (Tests/GraderTests/HostileWorkerTests.swift). What exercise 1.1's functions do is
// chosen by REPLEARN_HOSTILE; everything else is not started.
import Course
import Foundation
import Probes
import RepLearn
#if canImport(Glibc)
import Glibc
#endif

let mode = ProcessInfo.processInfo.environment["REPLEARN_HOSTILE"] ?? "honest"

/// Writes raw bytes where the worker's results go (fd 4), as student code could.
func forge(_ payload: [UInt8]) {
    var w = WireWriter()
    w.put(UInt32(payload.count))
    let bytes = w.bytes + payload
    _ = bytes.withUnsafeBytes { write(Worker.resultFD, $0.baseAddress!, bytes.count) }
}

/// An answer to call `seq` that says "ok" and carries `tensor` (and maybe more).
func okFrame(seq: UInt32, _ tensor: Tensor, trailing: [UInt8] = []) -> [UInt8] {
    var w = WireWriter()
    w.put(Frame.result); w.put(seq); w.put(Frame.ok); w.put(tensor)
    return w.bytes + trailing
}

func honestLinear(_ x: Tensor, _ w: Tensor, _ b: Tensor) throws -> Tensor {
    try Tensor.matmul(x, try w.transposed()).addingRowVector(b)
}

func recurse(_ n: Int) -> Int { n == Int.min ? 0 : recurse(n &+ 1) &+ 1 }

/// Starts `sleep` the ways student code could: with Foundation's Process (same process group,
/// holding the output pipe), and detached in a new session by a double fork through the shell.
/// Both shells carry `marker` in their command lines.
func spawnGrandchildren(_ marker: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/sh")
    p.arguments = ["-c", "sleep 300; : \(marker)-process"]
    try? p.run()
    _ = system("setsid sh -c 'sleep 300; : \(marker)-detached' > /dev/null 2>&1 < /dev/null &")
}

struct HostileLayers: LayersExercises {
    func linearForward(_ x: Tensor, weight: Tensor, bias: Tensor) throws -> Tensor {
        switch mode {
        case "fake-lines":
            // What fooled the old grader: result lines on stdout, then a clean exit.
            for id in ["1.1a", "1.1b", "1.1c"] {
                print(#"REPLEARN-CHECK {"checkID":"\#(id)","exerciseID":"1.1","title":"forged","points":1000,"status":"passed","message":""}"#)
            }
            exit(0)
        case "fake-points":
            let json = #"{"checkID":"1.1a","exerciseID":"1.1","title":"forged","points":1000,"status":"passed","message":""}"#
            forge(Array(json.utf8))
            Thread.sleep(forTimeInterval: 5)
            exit(0)
        case "forge-wrong-answer":
            // A well-formed answer with wrong numbers, sent before the real one: it is only an output, judged as such.
            forge(okFrame(seq: 1, Tensor.zeros([5, 4])))
            return try honestLinear(x, weight, bias)
        case "trailing-bytes": forge(okFrame(seq: 1, try honestLinear(x, weight, bias), trailing: [1, 2, 3])); Thread.sleep(forTimeInterval: 5); exit(0)
        case "oversized":
            // Announces a 1 GiB answer.
            var w = WireWriter(); w.put(UInt32(1 << 30))
            _ = w.bytes.withUnsafeBytes { write(Worker.resultFD, $0.baseAddress!, 4) }
            Thread.sleep(forTimeInterval: 5); exit(0)
        case "wrong-shape-count":
            var w = WireWriter()
            w.put(Frame.result); w.put(UInt32(1)); w.put(Frame.ok)
            w.put(UInt32(2)); w.put(Int.max); w.put(Int.max); w.put(UInt32(0))     // shape overflows
            forge(w.bytes); Thread.sleep(forTimeInterval: 5); exit(0)
        case "no-bias": return try Tensor.matmul(x, try weight.transposed())     // an honest mistake
        case "exit0": exit(0)
        case "uid": throw StudentError("uid=\(getuid())")
        case "alloc":
            // The forgotten `i += 1`: an allocation loop.
            var keep: [[UInt8]] = []
            while true { keep.append([UInt8](repeating: 1, count: 16 << 20)) }
        case "print-forever":
            while true { print("debugging output that never ends, line after line after line") }
        case "hang":
            if let file = ProcessInfo.processInfo.environment["REPLEARN_MARKER"] { try? "\(getpid())".write(toFile: file, atomically: true, encoding: .utf8) }
            while true { usleep(1000) }
        case "spin": var i = 0; while true { i &+= 1; if i == -1 { break } }; return x
        case "overflow":
            var n = Int.max - Int(x.shape[0])
            n += 10
            return Tensor.zeros([n])
        case "recursion": return Tensor.zeros([recurse(0)])
        case "grandchildren":
            spawnGrandchildren(ProcessInfo.processInfo.environment["REPLEARN_MARKER"] ?? "replearn-marker")
            return try honestLinear(x, weight, bias)
        case "big-file":
            let path = ProcessInfo.processInfo.environment["REPLEARN_MARKER"] ?? "/tmp/replearn-big"
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            let chunk = [UInt8](repeating: 7, count: 1 << 20)
            while true { if chunk.withUnsafeBytes({ write(fd, $0.baseAddress!, chunk.count) }) <= 0 { break } }
            return x
        default: return try honestLinear(x, weight, bias)
        }
    }
    func linearBackward(_ x: Tensor, weight: Tensor, outputGradient: Tensor) throws -> LinearGradients {
        LinearGradients(input: try Tensor.matmul(outputGradient, weight), weight: try Tensor.matmul(try outputGradient.transposed(), x),
                        bias: try outputGradient.columnSums())
    }
    func reluForward(_ x: Tensor) throws -> Tensor { throw NotImplemented("1.2") }
    func reluBackward(_ x: Tensor, outputGradient: Tensor) throws -> Tensor { throw NotImplemented("1.2") }
    func l2NormalizeForward(_ x: Tensor) throws -> Tensor { throw NotImplemented("1.3") }
    func l2NormalizeBackward(_ x: Tensor, output: Tensor, outputGradient: Tensor) throws -> Tensor { throw NotImplemented("1.3") }
    func softmaxForward(_ x: Tensor, beta: Float) throws -> Tensor { throw NotImplemented("1.4") }
    func softmaxBackward(_ x: Tensor, output: Tensor, beta: Float, outputGradient: Tensor) throws -> Tensor { throw NotImplemented("1.4") }
    func forwardStack(_ x: Tensor, layers: [LayerSpec]) throws -> [Tensor] { throw NotImplemented("1.5") }
    func backwardStack(activations: [Tensor], layers: [LayerSpec], outputGradient: Tensor) throws -> StackGradients { throw NotImplemented("1.5") }
    func numericalGradient(_ x: Tensor, step h: Float, _ f: (Tensor) throws -> Tensor) throws -> Tensor { throw NotImplemented("1.6") }
    func gradientError(_ a: Tensor, _ b: Tensor, floor: Float) throws -> Float { throw NotImplemented("1.6") }
}

/// Every other module: not started.
struct Untouched: AutoencoderExercises, KMeansExercises, VQExercises, Word2VecExercises,
                 ColorizationExercises, MAEExercises, ContrastiveExercises, QuestionExercises, TransferExercises {
    func center(_ x: Tensor) throws -> (centered: Tensor, mean: Tensor) { throw NotImplemented("2.1") }
    func covariance(_ x: Tensor) throws -> Tensor { throw NotImplemented("2.1") }
    func principalComponents(_ x: Tensor, k: Int) throws -> PrincipalComponents { throw NotImplemented("2.2") }
    func explainedVarianceRatio(_ x: Tensor, k: Int) throws -> [Float] { throw NotImplemented("2.2") }
    func pcaEncode(_ x: Tensor, _ pca: PrincipalComponents) throws -> Tensor { throw NotImplemented("2.3") }
    func pcaDecode(_ z: Tensor, _ pca: PrincipalComponents) throws -> Tensor { throw NotImplemented("2.3") }
    func linearAutoencoderLoss(_ x: Tensor, encoder: Tensor, decoder: Tensor) throws -> AutoencoderGradients { throw NotImplemented("2.4") }
    func linearAutoencoderStep(_ x: Tensor, encoder: Tensor, decoder: Tensor, learningRate: Float) throws -> (encoder: Tensor, decoder: Tensor) { throw NotImplemented("2.5") }
    func principalAngles(_ a: Tensor, _ b: Tensor) throws -> [Float] { throw NotImplemented("2.6") }
    func corrupt(_ x: Tensor, noiseStd: Float, rng: inout SeededGenerator) throws -> Tensor { throw NotImplemented("2.7") }
    func denoisingLoss(clean: Tensor, noisy: Tensor, reconstruct: (Tensor) throws -> Tensor) throws -> Double {
        // Calls the grader's closure, as an honest student does: the callback path.
        let y = try reconstruct(noisy)
        var s = 0.0
        for i in 0..<clean.count { s += pow(Double(clean.data[i]) - Double(y.data[i]), 2) }
        return s / Double(clean.rows)
    }
    func squaredDistances(_ x: Tensor, _ centers: Tensor) throws -> Tensor { throw NotImplemented("3.1") }
    func assign(_ x: Tensor, _ centers: Tensor) throws -> [Int] { throw NotImplemented("3.1") }
    func updateCenters(_ x: Tensor, assignments: [Int], previous: Tensor) throws -> Tensor { throw NotImplemented("3.2") }
    func objective(_ x: Tensor, _ centers: Tensor, assignments: [Int]) throws -> Double { throw NotImplemented("3.3") }
    func kmeansPlusPlus(_ x: Tensor, k: Int, rng: inout SeededGenerator) throws -> Tensor { throw NotImplemented("3.4") }
    func kmeans(_ x: Tensor, initial: Tensor, maxIterations: Int) throws -> KMeansResult { throw NotImplemented("3.5") }
    func oneHotEncode(_ assignments: [Int], k: Int) throws -> Tensor { throw NotImplemented("3.6") }
    func decode(_ codes: Tensor, centers: Tensor) throws -> Tensor { throw NotImplemented("3.6") }
    func quantize(_ z: Tensor, codebook: Tensor) throws -> Quantized { throw NotImplemented("4.1") }
    func vqLosses(_ z: Tensor, codebook: Tensor, indices: [Int], beta: Float) throws -> VQLosses { throw NotImplemented("4.2") }
    func vqBackward(_ z: Tensor, codebook: Tensor, indices: [Int], decoderInputGradient: Tensor, beta: Float) throws -> VQGradients { throw NotImplemented("4.3") }
    func codebookUsage(_ indices: [Int], codebookSize: Int) throws -> CodebookUsage { throw NotImplemented("4.4") }
    func reinitializeDeadCodes(_ codebook: Tensor, counts: [Int], encoderOutputs: Tensor, rng: inout SeededGenerator) throws -> Tensor { throw NotImplemented("4.5") }
    func labFromSRGB(_ rgb: Tensor) throws -> Tensor { throw NotImplemented("5.1") }
    func srgbFromLab(_ lab: Tensor) throws -> Tensor { throw NotImplemented("5.1") }
    func inGamutBins(gridSize: Float, levels: Int) throws -> Tensor { throw NotImplemented("5.2") }
    func softEncode(_ ab: Tensor, centres: Tensor, neighbours k: Int, sigma: Float) throws -> Tensor { throw NotImplemented("5.3") }
    func rebalancingWeights(prior: Tensor, centres: Tensor, gridSize: Float, sigma: Float, lambda: Float) throws -> Rebalancing { throw NotImplemented("5.4") }
    func weightedCrossEntropy(logits: Tensor, targets: Tensor, binWeights: Tensor) throws -> LossAndGradient { throw NotImplemented("5.5") }
    func annealedMean(_ probabilities: Tensor, centres: Tensor, temperature: Float) throws -> Tensor { throw NotImplemented("5.6") }
    func l2Loss(prediction: Tensor, target: Tensor) throws -> LossAndGradient { throw NotImplemented("5.7") }
    func tokenize(_ text: String) throws -> [String] { throw NotImplemented("7.1") }
    func buildVocabulary(_ tokens: [String], minCount: Int) throws -> Vocabulary { throw NotImplemented("7.1") }
    func keepProbability(count: Int, totalTokens: Int, threshold: Double) throws -> Double { throw NotImplemented("7.2") }
    func noiseDistribution(counts: [Int], power: Double) throws -> [Double] { throw NotImplemented("7.2") }
    func sampleNoise(_ distribution: [Double], count: Int, rng: inout SeededGenerator) throws -> [Int] { throw NotImplemented("7.2") }
    func sgnsLoss(center: [Float], context: [Float], negatives: [[Float]]) throws -> SGNSGradients { throw NotImplemented("7.3") }
    func learningRate(initial: Float, progress: Double) throws -> Float { throw NotImplemented("7.4") }
    func trainingPairs(_ sentence: [Int], window: Int, rng: inout SeededGenerator) throws -> [WordPair] { throw NotImplemented("7.4") }
    func nearestNeighbors(_ vectors: Tensor, query: Int, k: Int) throws -> [Int] { throw NotImplemented("7.5") }
    func analogy(_ vectors: Tensor, a: Int, b: Int, c: Int) throws -> Int { throw NotImplemented("7.5") }
    func spearman(_ x: [Double], _ y: [Double]) throws -> Double { throw NotImplemented("7.6") }
    func answers(lecture: Int) throws -> [String: String] { throw NotImplemented("\(lecture).Q") }
    func probeLoss(_ features: Tensor, labels: [Int], weight: Tensor, bias: Tensor, l2: Float) throws -> ProbeGradients { throw NotImplemented("9.1") }
    func trainProbe(_ features: Tensor, labels: [Int], classes: Int, l2: Float, learningRate: Float, steps: Int) throws -> ProbeHead { throw NotImplemented("9.1") }
    func optimizerStep(_ parameters: [Tensor], gradients: [Tensor], velocities: [Tensor], groups: [Int],
                       settings: [GroupSetting], learningRate: Float, momentum: Float, weightDecay: Float) throws -> OptimizerState { throw NotImplemented("9.2") }
    func reinitializeTop(_ layers: [DenseLayer], k: Int, rng: inout SeededGenerator) throws -> [DenseLayer] { throw NotImplemented("9.3") }
    func rdm(_ responses: Tensor) throws -> Tensor { throw NotImplemented("9.4") }
    func rsa(_ a: Tensor, _ b: Tensor) throws -> Double { throw NotImplemented("9.4") }
    func linearCKA(_ x: Tensor, _ y: Tensor) throws -> Double { throw NotImplemented("9.4") }
    func fewLabelIndices(_ labels: [Int], perClass k: Int, classes: Int, rng: inout SeededGenerator) throws -> [Int] { throw NotImplemented("9.5") }
    func nceLoss(data: Tensor, noise: Tensor, theta: Tensor, noiseMean: Float, noiseStd: Float, nu: Float) throws -> NCELoss { throw NotImplemented("8.1") }
    func ntXent(_ z: Tensor, temperature: Float) throws -> NTXentLoss { throw NotImplemented("8.2") }
    func alignment(_ x: Tensor, _ y: Tensor, alpha: Double) throws -> Double { throw NotImplemented("8.3") }
    func uniformity(_ x: Tensor, t: Double) throws -> Double { throw NotImplemented("8.3") }
    func augmentView(_ x: Tensor, _ settings: ViewAugmentation, rng: inout SeededGenerator) throws -> Tensor { throw NotImplemented("8.4") }
    func rotationBatch(_ x: Tensor) throws -> RotationBatch { throw NotImplemented("8.5") }
    func rotationLoss(logits: Tensor, labels: [Int]) throws -> ClassificationLoss { throw NotImplemented("8.5") }
    func patchify(_ images: Tensor, patch: Int) throws -> Tensor { throw NotImplemented("6.1") }
    func unpatchify(_ patches: Tensor, patch: Int, gridH: Int, gridW: Int, channels: Int) throws -> Tensor { throw NotImplemented("6.1") }
    func randomMasking(batch: Int, patches: Int, ratio: Double, rng: inout SeededGenerator) throws -> PatchMasking { throw NotImplemented("6.2") }
    func sinCosEmbedding2D(dim: Int, gridH: Int, gridW: Int) throws -> Tensor { throw NotImplemented("6.3") }
    func maeLoss(prediction: Tensor, target: Tensor, mask: Tensor, normalizeTarget: Bool) throws -> MAELoss { throw NotImplemented("6.4") }
    func attentionForward(q: Tensor, k: Tensor, v: Tensor, mask: Tensor?) throws -> Tensor { throw NotImplemented("6.5") }
    func attentionBackward(q: Tensor, k: Tensor, v: Tensor, mask: Tensor?, outputGradient: Tensor) throws -> AttentionGradients { throw NotImplemented("6.5") }
    func bertCorrupt(_ tokens: [Int], ratio: Double, vocabularySize: Int, maskToken: Int, rng: inout SeededGenerator) throws -> BERTCorruption { throw NotImplemented("6.6") }
}

Worker.main(Implementations(name: "hostile", layers: HostileLayers(), autoencoders: Untouched(), kmeans: Untouched(),
                            vq: Untouched(), word2vec: Untouched(), colorization: Untouched(),
                            mae: Untouched(), contrastive: Untouched(), transfer: Untouched(), questions: Untouched()))
