import Foundation

/// A module's named parameters on disk (``WeightsFile``): lecture 9 transfers the encoders
/// trained in lectures 6 and 8 this way.
extension Module {
    /// Writes every parameter under its path (atomically).
    public func saveWeights(to url: URL) throws {
        try WeightsFile.save(namedParameters.map { (name: $0.0, tensor: $0.1.value) }, to: url)
    }

    /// Replaces every parameter's value by the file's. The file must hold exactly this module's
    /// parameter names with the same shapes; otherwise the error names the parameter (missing,
    /// unexpected, or file shape vs model shape). Gradients are cleared.
    public func loadWeights(from url: URL) throws {
        let named = namedParameters
        let loaded = try WeightsFile.load(from: url, expecting: named.map { (name: $0.0, shape: $0.1.shape) })
        for ((_, p), (_, t)) in zip(named, loaded) { p.value = t; p.zeroGrad() }
    }
}
