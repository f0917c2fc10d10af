import Course
import Grading
import XCTest

/// Every lecture-6 check must reject at least one plausible wrong implementation.
final class MAEGraderTests: XCTestCase {
    static func mutant(_ name: String, _ impl: any MAEExercises, killedBy: [String]) -> Mutant {
        Mutant(name: name, killedBy: killedBy, impls: .reference.with(mae: impl))
    }

    static let mutants: [Mutant] = [
        mutant("patch order transposed (column-major grid)", PatchifyTransposedGrid(), killedBy: ["6.1a"]),
        mutant("channel slowest inside a patch", PatchifyChannelFirst(), killedBy: ["6.1a"]),
        mutant("unpatchify reads a column-major grid", UnpatchifyTransposedGrid(), killedBy: ["6.1b"]),
        mutant("keep count rounded, not truncated", MaskingVariant(round: true), killedBy: ["6.2a", "6.2b", "6.2c"]),
        mutant("mask inverted (1 = kept)", MaskingVariant(invert: true), killedBy: ["6.2a", "6.2b", "6.2c"]),
        mutant("restore = shuffle", MaskingVariant(restoreIsShuffle: true), killedBy: ["6.2a", "6.2c"]),
        mutant("one noise vector for the whole batch", MaskingVariant(sharedNoise: true), killedBy: ["6.2a", "6.2d"]),
        mutant("keep the largest noise", MaskingVariant(descending: true), killedBy: ["6.2a"]),
        mutant("always keep the first patches", MaskingVariant(firstPatches: true), killedBy: ["6.2a", "6.2d"]),
        mutant("sin and cos halves swapped", SinCosVariant(swapSinCos: true), killedBy: ["6.3a"]),
        mutant("frequency base over D, not D/2", SinCosVariant(wrongBase: true), killedBy: ["6.3a"]),
        mutant("row first, column second", SinCosVariant(rowFirst: true), killedBy: ["6.3a"]),
        mutant("loss over all patches", LossVariant(allPatches: true), killedBy: ["6.4a", "6.4b", "6.4c"]),
        mutant("normalisation without ε", LossVariant(epsilon: 0), killedBy: ["6.4a"]),
        mutant("normalisation over the patch axis", LossVariant(wrongAxis: true), killedBy: ["6.4a"]),
        mutant("biased variance", LossVariant(biased: true), killedBy: ["6.4a"]),
        mutant("normalizeTarget ignored (always normalised)", LossVariant(alwaysNormalize: true), killedBy: ["6.4b", "6.4c"]),
        mutant("gradient on visible patches too", LossVariant(gradientEverywhere: true), killedBy: ["6.4c"]),
        mutant("gradient without 1/P", LossVariant(gradientWithoutP: true), killedBy: ["6.4c"]),
        mutant("no 1/√d", AttentionNoScale(), killedBy: ["6.5a", "6.5b", "6.5c"]),
        mutant("softmax over the queries", AttentionSoftmaxOverQueries(), killedBy: ["6.5a", "6.5b"]),
        mutant("mask added after the softmax", AttentionMaskAfterSoftmax(), killedBy: ["6.5b"]),
        mutant("softmax backward without the row-sum term", AttentionBackwardNoCorrection(), killedBy: ["6.5c"]),
        mutant("mask forgotten in backward", AttentionBackwardIgnoresMask(), killedBy: ["6.5c"]),
        mutant("80/20/0 instead of 80/10/10", BERTVariant(split: (0.8, 1.0)), killedBy: ["6.6a", "6.6b"]),
        mutant("10/10/80 proportions", BERTVariant(split: (0.1, 0.2)), killedBy: ["6.6a", "6.6b"]),
        mutant("loss positions include unchosen ones", BERTVariant(allPositions: true), killedBy: ["6.6a", "6.6b"]),
        mutant("loss positions skip the unchanged 10%", BERTVariant(skipUnchanged: true), killedBy: ["6.6a", "6.6b"]),
        mutant("ratio fixed at 0.15", BERTVariant(fixedRatio: 0.15), killedBy: ["6.6a", "6.6b", "6.6c"]),
        mutant("random token drawn for every chosen position", BERTVariant(alwaysDrawRandom: true), killedBy: ["6.6a"]),
    ]

    func testEveryCheckRejectsAMutantAndPassesTheReference() {
        assertGraderRejects(Self.mutants, module: 6)
    }
}
