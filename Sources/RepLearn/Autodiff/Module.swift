import Foundation

/// A part of a network that owns parameters (micrograd's `Module`): layers, blocks, encoders.
/// Parameters are named by their path ("blocks.0.attention.qkv.weight"), which is how they are
/// saved, loaded, grouped for learning rates and frozen.
public protocol Module: AnyObject {
    /// Every trainable tensor of this module and its children, with its path.
    var namedParameters: [(String, Variable)] { get }
}

extension Module {
    public var parameters: [Variable] { namedParameters.map(\.1) }
    /// Number of trainable numbers.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.value.count } }
    public func zeroGrad() { for p in parameters { p.zeroGrad() } }
}

/// Children's parameters under a prefix: `("encoder", m)` yields "encoder.<name>".
public func prefixed(_ prefix: String, _ module: Module) -> [(String, Variable)] {
    module.namedParameters.map { ("\(prefix).\($0.0)", $0.1) }
}

/// Weight initialisations, as PyTorch defines them (fan_in = inputs per output unit).
public enum Init {
    /// PyTorch's default for Linear and Conv2d (kaiming_uniform with a = √5):
    /// U(−1/√fan_in, 1/√fan_in), for the weight and the bias alike.
    case pytorchDefault
    /// Kaiming/He normal for ReLU nets: N(0, 2/fan_in).
    case kaimingNormal
    /// Kaiming/He uniform for ReLU nets: U(−√(6/fan_in), √(6/fan_in)).
    case kaimingUniform
    /// Xavier/Glorot uniform: U(−√(6/(fan_in + fan_out)), +…) (MAE's Linear layers), zero bias.
    case xavierUniform
    /// N(0, std²) (token embeddings), zero bias.
    case normal(std: Float)
    case zeros

    /// A tensor of `shape` with the given fans.
    public func tensor(_ shape: [Int], fanIn: Int, fanOut: Int, rng: inout SeededGenerator) -> Tensor {
        switch self {
        case .pytorchDefault: let b = 1 / Float(fanIn).squareRoot(); return .randomUniform(shape, -b, b, using: &rng)
        case .kaimingNormal: return .randomNormal(shape, std: (2 / Float(fanIn)).squareRoot(), using: &rng)
        case .kaimingUniform: let b = (6 / Float(fanIn)).squareRoot(); return .randomUniform(shape, -b, b, using: &rng)
        case .xavierUniform: let b = (6 / Float(fanIn + fanOut)).squareRoot(); return .randomUniform(shape, -b, b, using: &rng)
        case .normal(let std): return .randomNormal(shape, std: std, using: &rng)
        case .zeros: return .zeros(shape)
        }
    }

    /// The bias that goes with this weight initialisation.
    func bias(_ n: Int, fanIn: Int, rng: inout SeededGenerator) -> Tensor {
        if case .pytorchDefault = self { return Init.pytorchDefault.tensor([n], fanIn: fanIn, fanOut: n, rng: &rng) }
        return .zeros([n])
    }
}

/// A trainable leaf with a name.
public func parameter(_ t: Tensor, _ name: String) -> Variable { Variable(t, requiresGrad: true, name: name) }

/// y = x·Wᵀ + b on the last axis: [..., in] → [..., out]; W: [out, in].
public final class Linear: Module {
    public let weight: Variable
    public let bias: Variable?

    public init(_ inputs: Int, _ outputs: Int, bias: Bool = true, init initializer: Init = .pytorchDefault, rng: inout SeededGenerator) {
        weight = parameter(initializer.tensor([outputs, inputs], fanIn: inputs, fanOut: outputs, rng: &rng), "weight")
        self.bias = bias ? parameter(initializer.bias(outputs, fanIn: inputs, rng: &rng), "bias") : nil
    }

    public func callAsFunction(_ x: Variable) throws -> Variable { try .linear(x, weight: weight, bias: bias) }
    public var namedParameters: [(String, Variable)] { [("weight", weight)] + (bias.map { [("bias", $0)] } ?? []) }
}

/// 2-D convolution layer: [N, C, H, W] → [N, O, Ho, Wo]; weight [O, C, k, k], fan_in = C·k².
public final class Conv2d: Module {
    public let weight: Variable
    public let bias: Variable?
    public let geometry: ConvGeometry

    public init(_ inputs: Int, _ outputs: Int, kernel: Int, _ geometry: ConvGeometry = ConvGeometry(), bias: Bool = true,
                init initializer: Init = .pytorchDefault, rng: inout SeededGenerator) {
        let fanIn = inputs * kernel * kernel
        weight = parameter(initializer.tensor([outputs, inputs, kernel, kernel], fanIn: fanIn, fanOut: outputs * kernel * kernel, rng: &rng), "weight")
        self.bias = bias ? parameter(initializer.bias(outputs, fanIn: fanIn, rng: &rng), "bias") : nil
        self.geometry = geometry
    }

    public func callAsFunction(_ x: Variable) throws -> Variable { try .conv2d(x, weight: weight, bias: bias, geometry) }
    public var namedParameters: [(String, Variable)] { [("weight", weight)] + (bias.map { [("bias", $0)] } ?? []) }
}

/// LayerNorm over the last axis with a learned gain (ones) and shift (zeros).
public final class LayerNorm: Module {
    public let gamma: Variable, beta: Variable
    public let epsilon: Float
    public init(_ d: Int, epsilon: Float = 1e-5) {
        gamma = parameter(Tensor(repeating: 1, shape: [d]), "weight"); beta = parameter(.zeros([d]), "bias")
        self.epsilon = epsilon
    }
    public func callAsFunction(_ x: Variable) throws -> Variable { try .layerNorm(x, gamma: gamma, beta: beta, epsilon: epsilon) }
    public var namedParameters: [(String, Variable)] { [("weight", gamma), ("bias", beta)] }
}

/// BatchNorm over channel axis 1; `training` chooses batch or running statistics.
public final class BatchNorm: Module {
    public let gamma: Variable, beta: Variable
    public var runningMean: Tensor, runningVar: Tensor
    public var training = true
    public let momentum: Float, epsilon: Float
    public init(_ channels: Int, momentum: Float = 0.1, epsilon: Float = 1e-5) {
        gamma = parameter(Tensor(repeating: 1, shape: [channels]), "weight"); beta = parameter(.zeros([channels]), "bias")
        runningMean = .zeros([channels]); runningVar = Tensor(repeating: 1, shape: [channels])
        self.momentum = momentum; self.epsilon = epsilon
    }
    public func callAsFunction(_ x: Variable) throws -> Variable {
        try .batchNorm(x, gamma: gamma, beta: beta, runningMean: &runningMean, runningVar: &runningVar,
                       training: training, momentum: momentum, epsilon: epsilon)
    }
    public var namedParameters: [(String, Variable)] { [("weight", gamma), ("bias", beta)] }
}

/// Linear → activation → … → Linear (no activation after the last).
public final class MLPModule: Module {
    public let layers: [Linear]
    public let activation: (Variable) -> Variable
    public init(_ sizes: [Int], activation: @escaping (Variable) -> Variable = { $0.relu() },
                init initializer: Init = .pytorchDefault, rng: inout SeededGenerator) {
        precondition(sizes.count >= 2, "MLPModule needs at least input and output sizes, got \(sizes)")
        layers = zip(sizes, sizes.dropFirst()).map { Linear($0, $1, init: initializer, rng: &rng) }
        self.activation = activation
    }
    public func callAsFunction(_ x: Variable) throws -> Variable {
        var h = x
        for (i, layer) in layers.enumerated() {
            h = try layer(h)
            if i < layers.count - 1 { h = activation(h) }
        }
        return h
    }
    public var namedParameters: [(String, Variable)] { layers.enumerated().flatMap { prefixed("\($0.offset)", $0.element) } }
}
