import Dispatch
import Foundation

/// Splits 0..<n into one contiguous chunk per core and runs `body` on each chunk concurrently.
/// `body(part, range)` must only write to memory no other part writes.
public enum Parallel {
    public static let cores = max(ProcessInfo.processInfo.activeProcessorCount, 1)

    public static func chunks(_ n: Int, minimumPerPart: Int = 4096, _ body: (Int, Range<Int>) -> Void) {
        let parts = max(1, min(cores, n / max(minimumPerPart, 1)))
        if parts == 1 { body(0, 0..<n); return }
        DispatchQueue.concurrentPerform(iterations: parts) { p in
            body(p, (n * p / parts)..<(n * (p + 1) / parts))
        }
    }
}
