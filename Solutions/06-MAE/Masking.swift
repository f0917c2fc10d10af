import Course
import RepLearn

// Exercise 6.2 — random masking, as MAE's reference code: noise → argsort (shuffle) → argsort (restore).
extension ReferenceMAE {
    public func randomMasking(batch: Int, patches n: Int, ratio: Double, rng: inout SeededGenerator) throws -> PatchMasking {
        let kept = Int(Double(n) * (1 - ratio))
        var keep: [[Int]] = [], restore: [[Int]] = []
        var mask = Tensor(repeating: 1, shape: [batch, n])
        for s in 0..<batch {
            let noise = (0..<n).map { _ in rng.nextFloat() }              // a fresh draw for every sample
            let shuffle = (0..<n).sorted { noise[$0] < noise[$1] || (noise[$0] == noise[$1] && $0 < $1) }
            var back = [Int](repeating: 0, count: n)                      // argsort(shuffle): the inverse permutation
            for (rank, i) in shuffle.enumerated() { back[i] = rank }
            keep.append(Array(shuffle.prefix(kept)))
            restore.append(back)
            for i in shuffle.prefix(kept) { mask.data[s * n + i] = 0 }
        }
        return PatchMasking(keep: keep, restore: restore, mask: mask)
    }
}
