import Course
import RepLearn

// Exercise 9.3 — partial transfer: keep the bottom layers, re-draw the top k.
extension ReferenceTransfer {
    public func reinitializeTop(_ layers: [DenseLayer], k: Int, rng: inout SeededGenerator) throws -> [DenseLayer] {
        guard (0...layers.count).contains(k) else { throw InputError("reinitializeTop: k = \(k) for \(layers.count) layers") }
        var out = layers
        for l in (layers.count - k)..<layers.count {
            let bound = 1 / Float(layers[l].weight.cols).squareRoot()       // 1/√fan_in
            out[l].weight = layers[l].weight.map { _ in (2 * rng.nextFloat() - 1) * bound }
            out[l].bias = layers[l].bias.map { _ in (2 * rng.nextFloat() - 1) * bound }
        }
        return out
    }
}
