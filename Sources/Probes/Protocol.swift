import Course
import RepLearn

/// The conversation between the grader and the worker process that runs student code.
///
/// The grader never runs student code and the worker never judges: the grader runs a check,
/// and each time the check calls a student function (through a `Remote…` implementation of the
/// lecture's protocol) the call — the function and its inputs — is sent to the worker, which
/// runs the student's function and sends back its outputs, or the error it threw. Points,
/// titles, verdicts and expected values exist only in the grader.
///
/// Frames are a `UInt32` length and a payload (``WireWriter``):
///
///     grader → worker   call:      1, seq u32, method u32, arguments…
///                       callback:  2, ok u8, tensor (ok = 1) or message (ok = 0)
///                       bye:       3
///     worker → grader   result:    1, seq u32, 0 and the outputs… | 1, exercise, function (not
///                                  implemented) | 2, message (the student's code threw)
///                       callback:  2, tensor — the student called a closure argument
///                                  (`reconstruct` of 2.7); the grader evaluates it and answers
public enum Frame {
    public static let call: UInt8 = 1, callbackReply: UInt8 = 2, bye: UInt8 = 3
    public static let result: UInt8 = 1, callback: UInt8 = 2
    public static let ok: UInt8 = 0, notImplemented: UInt8 = 1, threw: UInt8 = 2
    /// Longest message text (an error's description) a worker may send.
    public static let maxText = 4096
}

/// Every student function the grader can ask a worker to run.
public enum Method: UInt32, CaseIterable, Sendable {
    // 1 Layers
    case linearForward = 101, linearBackward, reluForward, reluBackward, l2NormalizeForward, l2NormalizeBackward,
         softmaxForward, softmaxBackward, forwardStack, backwardStack, numericalGradient, gradientError
    // 2 Autoencoders
    case center = 201, covariance, principalComponents, explainedVarianceRatio, pcaEncode, pcaDecode,
         linearAutoencoderLoss, linearAutoencoderStep, principalAngles, corrupt, denoisingLoss
    // 3 k-means
    case squaredDistances = 301, assign, updateCenters, objective, kmeansPlusPlus, kmeans, oneHotEncode, decode
    // 4 VQ
    case quantize = 401, vqLosses, vqBackward, codebookUsage, reinitializeDeadCodes
    // 5 Colorization
    case labFromSRGB = 501, srgbFromLab, inGamutBins, softEncode, rebalancingWeights, weightedCrossEntropy, annealedMean, l2Loss
    // 6 MAE
    case patchify = 601, unpatchify, randomMasking, sinCosEmbedding2D, maeLoss, attentionForward, attentionBackward, bertCorrupt
    // 7 word2vec
    case tokenize = 701, buildVocabulary, keepProbability, noiseDistribution, sampleNoise, sgnsLoss, learningRate,
         trainingPairs, nearestNeighbors, analogy, spearman
    // 8 Contrastive
    case nceLoss = 801, ntXent, alignment, uniformity, augmentView, rotationBatch, rotationLoss
    // 9 Transfer
    case probeLoss = 901, trainProbe, optimizerStep, reinitializeTop, rdm, rsa, linearCKA, fewLabelIndices
    // Every lecture's graded questions
    case answers = 1001
}

/// What the student's code threw (other than ``NotImplemented``), as its description.
public struct StudentError: Error, CustomStringConvertible {
    public let description: String
    public init(_ d: String) { description = d }
}

/// The worker could not give an answer: it crashed, ran out of time, broke the protocol or
/// overran a limit. The check (and the rest of the exercise) is reported with `status`.
public struct WorkerFailure: Error, CustomStringConvertible {
    public enum Kind: Sendable { case crashed, timedOut }
    public let kind: Kind
    public let description: String
    public init(_ kind: Kind, _ description: String) { self.kind = kind; self.description = description }
}

/// The grader's end of a worker: sends a call, returns a reader over the outputs.
public protocol Link: AnyObject {
    /// Sends `method` with `arguments` and waits for its result. Throws ``NotImplemented``,
    /// ``StudentError`` or ``WorkerFailure``. `callback` answers the worker's calls of a closure argument.
    func call(_ method: Method, _ arguments: WireWriter, callback: ((Tensor) throws -> Tensor)?) throws -> WireReader
    /// Gives up on the worker (its reply to `method` was malformed): stops it and returns the failure to throw.
    func reject(_ method: Method, _ reason: String) -> WorkerFailure
}

extension Link {
    /// One call: arguments written by `args`, outputs read by `read`, which must consume the reply exactly.
    func invoke<T>(_ method: Method, callback: ((Tensor) throws -> Tensor)? = nil,
                   _ args: (inout WireWriter) -> Void, _ read: (inout WireReader) throws -> T) throws -> T {
        var w = WireWriter()
        args(&w)
        var r = try call(method, w, callback: callback)
        do {
            let value = try read(&r)
            try r.finish("the outputs")
            return value
        } catch let e as WireError {
            throw reject(method, "\(e)")
        }
    }
}

/// Every module's remote implementations over one link: what the grader grades.
extension Implementations {
    public static func remote(_ link: any Link, name: String) -> Implementations {
        Implementations(name: name, layers: RemoteLayers(link: link), autoencoders: RemoteAutoencoders(link: link),
                        kmeans: RemoteKMeans(link: link), vq: RemoteVQ(link: link), word2vec: RemoteWord2Vec(link: link),
                        colorization: RemoteColorization(link: link), mae: RemoteMAE(link: link),
                        contrastive: RemoteContrastive(link: link), transfer: RemoteTransfer(link: link),
                        questions: RemoteQuestions(link: link))
    }
}

/// The worker's side: runs one call on the implementations it was built with.
public enum Dispatch {
    /// Reads the arguments of `method` from `r`, runs the student's function, writes its outputs to `w`.
    /// `callback` evaluates a closure argument in the grader.
    public static func run(_ method: Method, _ r: inout WireReader, _ w: inout WireWriter, _ impls: Implementations,
                           callback: @escaping (Tensor) throws -> Tensor) throws {
        switch method.rawValue / 100 {
        case 1: try LayersProbe.serve(method, &r, &w, impls.layers, callback: callback)
        case 2: try AutoencodersProbe.serve(method, &r, &w, impls.autoencoders, callback: callback)
        case 3: try KMeansProbe.serve(method, &r, &w, impls.kmeans)
        case 4: try VQProbe.serve(method, &r, &w, impls.vq)
        case 5: try ColorizationProbe.serve(method, &r, &w, impls.colorization)
        case 6: try MAEProbe.serve(method, &r, &w, impls.mae)
        case 7: try Word2VecProbe.serve(method, &r, &w, impls.word2vec)
        case 8: try ContrastiveProbe.serve(method, &r, &w, impls.contrastive)
        case 9: try TransferProbe.serve(method, &r, &w, impls.transfer)
        case 10: try QuestionsProbe.serve(method, &r, &w, impls.questions)
        default: throw WireError("no module answers \(method)")
        }
    }
}
