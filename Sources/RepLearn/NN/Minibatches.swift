/// The minibatch loop shared by the experiments: a fresh seeded permutation per epoch, a
/// progress line (step, loss, ETA), and a stop with a clear message when the loss is not finite.
public enum Minibatches {
    /// Calls `step(indices, &rng)` for each minibatch of row indices; it returns the batch loss.
    /// `endOfEpoch(epoch, &rng)` runs after each epoch. The number of steps is epochs·⌈n/batch⌉.
    public static func train(rows n: Int, batch: Int, epochs: Int, label: String, rng: inout SeededGenerator,
                             step: ([Int], inout SeededGenerator) throws -> Double,
                             endOfEpoch: ((Int, inout SeededGenerator) throws -> Void)? = nil) throws {
        let total = epochs * ((n + batch - 1) / batch)
        let progress = ProgressLine("  \(label)", total: total)
        var done = 0
        for epoch in 0..<epochs {
            let order = rng.permutation(n)
            for b in stride(from: 0, to: n, by: batch) {
                let loss = try step(Array(order[b..<min(b + batch, n)]), &rng)
                guard loss.isFinite else { throw InputError("\(label): the loss became \(loss) at step \(done + 1) of \(total)") }
                done += 1
                if done == 1 || done % 40 == 0 || done == total { progress.update(done, loss: loss) }
            }
            try endOfEpoch?(epoch, &rng)
        }
    }
}
