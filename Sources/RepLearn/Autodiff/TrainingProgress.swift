import Foundation

/// Progress of a training loop through the terminal's ``ProgressLine``: epoch, step, the loss
/// (a running mean over the last steps) and examples per second.
public final class TrainingProgress {
    let line: ProgressLine
    let start = Date()
    var examples = 0
    var recent: [Double] = []

    public init(_ label: String, totalSteps: Int) { line = ProgressLine(label, total: totalSteps) }

    /// Call after each step with that step's loss and batch size.
    public func step(_ step: Int, loss: Double, batch: Int, epoch: Int? = nil) {
        examples += batch
        recent.append(loss)
        if recent.count > 20 { recent.removeFirst() }
        let rate = Double(examples) / max(Date().timeIntervalSince(start), 1e-9)
        let mean = recent.reduce(0, +) / Double(recent.count)
        line.update(step, loss: mean, extra: (epoch.map { "epoch \($0)  " } ?? "") + String(format: "%.0f ex/s", rate))
    }
}
