/// Seeded synthetic data for benchmarks and unit tests (never the only data a lecture shows).
public enum Synthetic {
    /// n points in d dimensions around `centers` Gaussian blob centres: centre cⱼ ~ N(0, spread²·I),
    /// point = c_{label} + N(0, I). Labels are assigned round-robin (blob i gets rows i, i+k, …).
    public static func blobs(n: Int, d: Int, centers k: Int, spread: Float = 4, seed: UInt64) -> (x: Tensor, labels: [Int]) {
        var rng = SeededGenerator(seed: seed)
        let c = Tensor.randomNormal([k, d], std: spread, using: &rng)
        var x = Tensor.randomNormal([n, d], using: &rng)
        let labels = (0..<n).map { $0 % k }
        for i in 0..<n { for j in 0..<d { x.data[i * d + j] += c.data[labels[i] * d + j] } }
        return (x, labels)
    }
}
