import Course
import RepLearn

// Exercise 6.2 — random masking.                 Lecture: Lectures/06-mae.md, "The MAE recipe"
extension StudentMAE {
    /// For s = 0..<batch, then i = 0..<patches: noise[s][i] = rng.nextFloat() (a fresh draw per sample).
    /// shuffle = argsort(noise[s]) ascending (ties: lower index first); restore = argsort(shuffle);
    /// keep = the first Int(Double(patches) · (1 − ratio)) entries of shuffle, in shuffle order;
    /// mask [batch, patches]: 1 where a patch is hidden, 0 where it is kept.
    public func randomMasking(batch: Int, patches: Int, ratio: Double, rng: inout SeededGenerator) throws -> PatchMasking {
        throw NotImplemented("6.2")
    }
}
