import Course
import RepLearn
import Solutions

/// A mutant of lecture 9 overrides one function; the rest are the reference's.
protocol DelegatingTransfer: TransferExercises {}

extension DelegatingTransfer {
    var base: ReferenceTransfer { ReferenceTransfer() }
    func probeLoss(_ features: Tensor, labels: [Int], weight: Tensor, bias: Tensor, l2: Float) throws -> ProbeGradients {
        try base.probeLoss(features, labels: labels, weight: weight, bias: bias, l2: l2)
    }
    func trainProbe(_ features: Tensor, labels: [Int], classes: Int, l2: Float, learningRate: Float, steps: Int) throws -> ProbeHead {
        try base.trainProbe(features, labels: labels, classes: classes, l2: l2, learningRate: learningRate, steps: steps)
    }
    func optimizerStep(_ parameters: [Tensor], gradients: [Tensor], velocities: [Tensor], groups: [Int],
                       settings: [GroupSetting], learningRate: Float, momentum: Float, weightDecay: Float) throws -> OptimizerState {
        try base.optimizerStep(parameters, gradients: gradients, velocities: velocities, groups: groups, settings: settings,
                               learningRate: learningRate, momentum: momentum, weightDecay: weightDecay)
    }
    func reinitializeTop(_ layers: [DenseLayer], k: Int, rng: inout SeededGenerator) throws -> [DenseLayer] { try base.reinitializeTop(layers, k: k, rng: &rng) }
    func rdm(_ responses: Tensor) throws -> Tensor { try base.rdm(responses) }
    func rsa(_ a: Tensor, _ b: Tensor) throws -> Double { try base.rsa(a, b) }
    func linearCKA(_ x: Tensor, _ y: Tensor) throws -> Double { try base.linearCKA(x, y) }
    func fewLabelIndices(_ labels: [Int], perClass k: Int, classes: Int, rng: inout SeededGenerator) throws -> [Int] {
        try base.fewLabelIndices(labels, perClass: k, classes: classes, rng: &rng)
    }
}
