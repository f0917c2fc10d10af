import Course
import RepLearn

/// Lecture 2 over the wire.
enum AutoencodersProbe {
    static func put(_ w: inout WireWriter, _ p: PrincipalComponents) { w.put(p.mean); w.put(p.components); w.put(p.eigenvalues) }
    static func pca(_ r: inout WireReader) throws -> PrincipalComponents {
        PrincipalComponents(mean: try r.tensor("mean"), components: try r.tensor("components"), eigenvalues: try r.floats("eigenvalues"))
    }

    static func serve(_ m: Method, _ r: inout WireReader, _ w: inout WireWriter, _ impl: any AutoencoderExercises,
                      callback: @escaping (Tensor) throws -> Tensor) throws {
        switch m {
        case .center: let (c, mu) = try impl.center(try r.tensor()); w.put(c); w.put(mu)
        case .covariance: w.put(try impl.covariance(try r.tensor()))
        case .principalComponents: put(&w, try impl.principalComponents(try r.tensor(), k: try r.int()))
        case .explainedVarianceRatio: w.put(try impl.explainedVarianceRatio(try r.tensor(), k: try r.int()))
        case .pcaEncode: w.put(try impl.pcaEncode(try r.tensor(), try pca(&r)))
        case .pcaDecode: w.put(try impl.pcaDecode(try r.tensor(), try pca(&r)))
        case .linearAutoencoderLoss:
            let g = try impl.linearAutoencoderLoss(try r.tensor(), encoder: try r.tensor(), decoder: try r.tensor())
            w.put(g.loss); w.put(g.encoder); w.put(g.decoder)
        case .linearAutoencoderStep:
            let s = try impl.linearAutoencoderStep(try r.tensor(), encoder: try r.tensor(), decoder: try r.tensor(), learningRate: try r.float())
            w.put(s.encoder); w.put(s.decoder)
        case .principalAngles: w.put(try impl.principalAngles(try r.tensor(), try r.tensor()))
        case .corrupt:
            let x = try r.tensor(), std = try r.float()
            var rng = try r.generator()
            w.put(try impl.corrupt(x, noiseStd: std, rng: &rng)); w.put(rng)
        case .denoisingLoss:
            w.put(try impl.denoisingLoss(clean: try r.tensor(), noisy: try r.tensor(), reconstruct: callback))
        default: throw WireError("\(m) is not a lecture-2 function")
        }
    }
}

/// Lecture 2's protocol, answered by a worker.
public struct RemoteAutoencoders: AutoencoderExercises {
    let link: any Link
    public init(link: any Link) { self.link = link }

    public func center(_ x: Tensor) throws -> (centered: Tensor, mean: Tensor) {
        try link.invoke(.center, { $0.put(x) }) { (try $0.tensor("centred data"), try $0.tensor("mean")) }
    }
    public func covariance(_ x: Tensor) throws -> Tensor {
        try link.invoke(.covariance, { $0.put(x) }) { try $0.tensor() }
    }
    public func principalComponents(_ x: Tensor, k: Int) throws -> PrincipalComponents {
        try link.invoke(.principalComponents, { $0.put(x); $0.put(k) }) { try AutoencodersProbe.pca(&$0) }
    }
    public func explainedVarianceRatio(_ x: Tensor, k: Int) throws -> [Float] {
        try link.invoke(.explainedVarianceRatio, { $0.put(x); $0.put(k) }) { try $0.floats() }
    }
    public func pcaEncode(_ x: Tensor, _ pca: PrincipalComponents) throws -> Tensor {
        try link.invoke(.pcaEncode, { $0.put(x); AutoencodersProbe.put(&$0, pca) }) { try $0.tensor() }
    }
    public func pcaDecode(_ z: Tensor, _ pca: PrincipalComponents) throws -> Tensor {
        try link.invoke(.pcaDecode, { $0.put(z); AutoencodersProbe.put(&$0, pca) }) { try $0.tensor() }
    }
    public func linearAutoencoderLoss(_ x: Tensor, encoder: Tensor, decoder: Tensor) throws -> AutoencoderGradients {
        try link.invoke(.linearAutoencoderLoss, { $0.put(x); $0.put(encoder); $0.put(decoder) }) {
            AutoencoderGradients(loss: try $0.double("loss"), encoder: try $0.tensor("∂L/∂E"), decoder: try $0.tensor("∂L/∂D"))
        }
    }
    public func linearAutoencoderStep(_ x: Tensor, encoder: Tensor, decoder: Tensor, learningRate: Float) throws -> (encoder: Tensor, decoder: Tensor) {
        try link.invoke(.linearAutoencoderStep, { $0.put(x); $0.put(encoder); $0.put(decoder); $0.put(learningRate) }) {
            (try $0.tensor("encoder"), try $0.tensor("decoder"))
        }
    }
    public func principalAngles(_ a: Tensor, _ b: Tensor) throws -> [Float] {
        try link.invoke(.principalAngles, { $0.put(a); $0.put(b) }) { try $0.floats() }
    }
    public func corrupt(_ x: Tensor, noiseStd: Float, rng: inout SeededGenerator) throws -> Tensor {
        let g = rng
        let (y, after) = try link.invoke(.corrupt, { $0.put(x); $0.put(noiseStd); $0.put(g) }) { (try $0.tensor(), try $0.generator()) }
        rng = after
        return y
    }
    public func denoisingLoss(clean: Tensor, noisy: Tensor, reconstruct: (Tensor) throws -> Tensor) throws -> Double {
        try withoutActuallyEscaping(reconstruct) { f in
            try link.invoke(.denoisingLoss, callback: f, { $0.put(clean); $0.put(noisy) }) { try $0.double() }
        }
    }
}
