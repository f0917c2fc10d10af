import Course
import RepLearn

/// Lecture 1 over the wire: each protocol function's inputs and outputs, both directions.
enum LayersProbe {
    static func put(_ w: inout WireWriter, _ l: LayerSpec) {
        switch l {
        case .linear(let weight, let bias): w.put(UInt8(0)); w.put(weight); w.put(bias)
        case .relu: w.put(UInt8(1))
        case .l2Norm: w.put(UInt8(2))
        case .softmax(let t): w.put(UInt8(3)); w.put(t)
        }
    }
    static func layer(_ r: inout WireReader) throws -> LayerSpec {
        switch try r.u8("layer") {
        case 0: return .linear(weight: try r.tensor(), bias: try r.tensor())
        case 1: return .relu
        case 2: return .l2Norm
        case 3: return .softmax(beta: try r.float())
        case let t: throw WireError("layer kind \(t)")
        }
    }
    static func layers(_ r: inout WireReader) throws -> [LayerSpec] {
        let n = Int(try r.u32("layers"))
        guard n <= r.remaining else { throw WireError("\(n) layers announced") }
        return try (0..<n).map { _ in try layer(&r) }
    }
    static func put(_ w: inout WireWriter, _ layers: [LayerSpec]) { w.put(UInt32(layers.count)); for l in layers { put(&w, l) } }

    static func put(_ w: inout WireWriter, _ g: LinearGradients) { w.put(g.input); w.put(g.weight); w.put(g.bias) }
    static func gradients(_ r: inout WireReader) throws -> LinearGradients {
        LinearGradients(input: try r.tensor("∂L/∂x"), weight: try r.tensor("∂L/∂W"), bias: try r.tensor("∂L/∂b"))
    }

    static func serve(_ m: Method, _ r: inout WireReader, _ w: inout WireWriter, _ impl: any LayersExercises,
                      callback: @escaping (Tensor) throws -> Tensor) throws {
        switch m {
        case .linearForward: w.put(try impl.linearForward(try r.tensor(), weight: try r.tensor(), bias: try r.tensor()))
        case .linearBackward: put(&w, try impl.linearBackward(try r.tensor(), weight: try r.tensor(), outputGradient: try r.tensor()))
        case .reluForward: w.put(try impl.reluForward(try r.tensor()))
        case .reluBackward: w.put(try impl.reluBackward(try r.tensor(), outputGradient: try r.tensor()))
        case .l2NormalizeForward: w.put(try impl.l2NormalizeForward(try r.tensor()))
        case .l2NormalizeBackward:
            w.put(try impl.l2NormalizeBackward(try r.tensor(), output: try r.tensor(), outputGradient: try r.tensor()))
        case .softmaxForward: w.put(try impl.softmaxForward(try r.tensor(), beta: try r.float()))
        case .softmaxBackward:
            w.put(try impl.softmaxBackward(try r.tensor(), output: try r.tensor(), beta: try r.float(), outputGradient: try r.tensor()))
        case .forwardStack: w.put(try impl.forwardStack(try r.tensor(), layers: try layers(&r)))
        case .numericalGradient:
            let x = try r.tensor(), h = try r.float()
            w.put(try impl.numericalGradient(x, step: h, callback))
        case .gradientError: w.put(try impl.gradientError(try r.tensor(), try r.tensor(), floor: try r.float()))
        case .backwardStack:
            let g = try impl.backwardStack(activations: try r.tensors(), layers: try layers(&r), outputGradient: try r.tensor())
            w.put(g.input)
            let keys = g.linear.keys.sorted()
            w.put(UInt32(keys.count))
            for k in keys { w.put(k); put(&w, g.linear[k]!) }
        default: throw WireError("\(m) is not a lecture-1 function")
        }
    }
}

/// Lecture 1's protocol, answered by a worker.
public struct RemoteLayers: LayersExercises {
    let link: any Link
    public init(link: any Link) { self.link = link }

    public func linearForward(_ x: Tensor, weight: Tensor, bias: Tensor) throws -> Tensor {
        try link.invoke(.linearForward, { $0.put(x); $0.put(weight); $0.put(bias) }) { try $0.tensor() }
    }
    public func linearBackward(_ x: Tensor, weight: Tensor, outputGradient: Tensor) throws -> LinearGradients {
        try link.invoke(.linearBackward, { $0.put(x); $0.put(weight); $0.put(outputGradient) }) { try LayersProbe.gradients(&$0) }
    }
    public func reluForward(_ x: Tensor) throws -> Tensor {
        try link.invoke(.reluForward, { $0.put(x) }) { try $0.tensor() }
    }
    public func reluBackward(_ x: Tensor, outputGradient: Tensor) throws -> Tensor {
        try link.invoke(.reluBackward, { $0.put(x); $0.put(outputGradient) }) { try $0.tensor() }
    }
    public func l2NormalizeForward(_ x: Tensor) throws -> Tensor {
        try link.invoke(.l2NormalizeForward, { $0.put(x) }) { try $0.tensor() }
    }
    public func l2NormalizeBackward(_ x: Tensor, output: Tensor, outputGradient: Tensor) throws -> Tensor {
        try link.invoke(.l2NormalizeBackward, { $0.put(x); $0.put(output); $0.put(outputGradient) }) { try $0.tensor() }
    }
    public func softmaxForward(_ x: Tensor, beta: Float) throws -> Tensor {
        try link.invoke(.softmaxForward, { $0.put(x); $0.put(beta) }) { try $0.tensor() }
    }
    public func softmaxBackward(_ x: Tensor, output: Tensor, beta: Float, outputGradient: Tensor) throws -> Tensor {
        try link.invoke(.softmaxBackward, { $0.put(x); $0.put(output); $0.put(beta); $0.put(outputGradient) }) { try $0.tensor() }
    }
    public func forwardStack(_ x: Tensor, layers: [LayerSpec]) throws -> [Tensor] {
        try link.invoke(.forwardStack, { $0.put(x); LayersProbe.put(&$0, layers) }) { try $0.tensors("activations") }
    }
    public func numericalGradient(_ x: Tensor, step h: Float, _ f: (Tensor) throws -> Tensor) throws -> Tensor {
        try withoutActuallyEscaping(f) { f in
            try link.invoke(.numericalGradient, callback: f, { $0.put(x); $0.put(h) }) { try $0.tensor("numerical gradient") }
        }
    }
    public func gradientError(_ a: Tensor, _ b: Tensor, floor: Float) throws -> Float {
        try link.invoke(.gradientError, { $0.put(a); $0.put(b); $0.put(floor) }) { try $0.float("relative error") }
    }
    public func backwardStack(activations: [Tensor], layers: [LayerSpec], outputGradient: Tensor) throws -> StackGradients {
        try link.invoke(.backwardStack, { $0.put(activations); LayersProbe.put(&$0, layers); $0.put(outputGradient) }) { r in
            let input = try r.tensor("∂L/∂x")
            let n = Int(try r.u32("layer gradients"))
            var linear: [Int: LinearGradients] = [:]
            for _ in 0..<min(n, r.remaining) {
                let k = try r.int("layer index")
                guard linear[k] == nil else { throw WireError("layer \(k) twice") }
                linear[k] = try LayersProbe.gradients(&r)
            }
            guard linear.count == n else { throw WireError("\(n) layer gradients announced") }
            return StackGradients(input: input, linear: linear)
        }
    }
}
