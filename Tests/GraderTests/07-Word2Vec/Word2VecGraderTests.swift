import Course
import Grading
import XCTest

/// Every lecture-7 check must reject at least one plausible wrong implementation.
final class Word2VecGraderTests: XCTestCase {
    static func mutant(_ name: String, _ impl: any Word2VecExercises, killedBy: [String]) -> Mutant {
        Mutant(name: name, killedBy: killedBy, impls: .reference.with(word2vec: impl))
    }

    static let mutants: [Mutant] = [
        mutant("tokenize on whitespace", TokenizeWhitespace(), killedBy: ["7.1a"]),
        mutant("min_count with >", VocabularyStrictMinCount(), killedBy: ["7.1b"]),
        mutant("ties by first appearance", VocabularyTiesByAppearance(), killedBy: ["7.1b"]),
        mutant("keep = 1 − √(t/f)", KeepPaperFormula(), killedBy: ["7.2a"]),
        mutant("noise without the 0.75 power", NoiseWithoutPower(), killedBy: ["7.2b"]),
        mutant("uniform noise draws", NoiseUniformDraws(), killedBy: ["7.2c"]),
        mutant("noise draws off by one", NoiseOffByOne(), killedBy: ["7.2c"]),
        mutant("sign error in the negative term", SGNSNegativeSignError(), killedBy: ["7.3a", "7.3b"]),
        mutant("centre gradient without negatives", SGNSCenterWithoutNegatives(), killedBy: ["7.3b"]),
        mutant("learning rate without floor", LearningRateNoFloor(), killedBy: ["7.4a"]),
        mutant("exponential decay", LearningRateExponential(), killedBy: ["7.4a"]),
        mutant("fixed window", PairsFixedWindow(), killedBy: ["7.4b"]),
        mutant("pairs a word with itself", PairsWithSelf(), killedBy: ["7.4b"]),
        mutant("neighbours by dot product", NeighboursByDotProduct(), killedBy: ["7.5a"]),
        mutant("query among its neighbours", NeighboursIncludeQuery(), killedBy: ["7.5a"]),
        mutant("analogy without excluding the query words", AnalogyNoExclusion(), killedBy: ["7.5b"]),
        mutant("analogy on unnormalised vectors", AnalogyUnnormalised(), killedBy: ["7.5b"]),
        mutant("Pearson instead of Spearman", SpearmanIsPearson(), killedBy: ["7.6a"]),
        mutant("ordinal ranks for ties", SpearmanOrdinalRanks(), killedBy: ["7.6a"]),
        // Issue 15: each closes one hole (rule 1: parameters at one value; 2: data where exclusions never mattered).
        mutant("min_count hard-coded to 2", VocabularyFixedMinCount(), killedBy: ["7.1b"]),
        mutant("noise power hard-coded to 0.75", NoiseFixedPower(), killedBy: ["7.2b"]),
        mutant("SGNS loops over at most 3 negatives", SGNSAtMostThreeNegatives(), killedBy: ["7.3a", "7.3b"]),
        mutant("initial learning rate hard-coded", LearningRateFixedInitial(), killedBy: ["7.4a"]),
        mutant("window hard-coded to 4", PairsWindowFour(), killedBy: ["7.4b"]),
        mutant("query excluded by cosine ≈ 1, not by index", NeighboursExcludeParallel(), killedBy: ["7.5a"]),
        mutant("analogy does not exclude a", AnalogyPartialExclusion(excludes: (false, true, true)), killedBy: ["7.5b"]),
        mutant("analogy does not exclude b", AnalogyPartialExclusion(excludes: (true, false, true)), killedBy: ["7.5b"]),
        mutant("analogy does not exclude c", AnalogyPartialExclusion(excludes: (true, true, false)), killedBy: ["7.5b"]),
    ]

    func testEveryCheckRejectsAMutantAndPassesTheReference() {
        assertGraderRejects(Self.mutants, module: 7)
    }
}
