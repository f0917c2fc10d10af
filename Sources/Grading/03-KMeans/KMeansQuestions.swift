import Course
import Foundation

/// Lecture 3's graded questions: expected values from closed forms computed here.
enum KMeansQuestions {
    static let all: [Check<QuestionCheck.Impl>] = [
        QuestionCheck.numeric("3.Qa", "Lloyd's algorithm on the 1-D points {0, 1, 3, 10} with k = 2, started from the centres {0, 10}: the final objective J (a sum of squares)?",
                              expected: { let c = 4.0 / 3; return [0.0, 1, 3].reduce(0) { $0 + ($1 - c) * ($1 - c) } },
                              tolerance: 0.01, why: "Lloyd converges after one update here", see: "Section “Block coordinate descent”: alternate the two steps by hand."),
        QuestionCheck.numeric("3.Qb", "k-means++ on {0, 1, 3, 10} when the first centre chosen is 0: the probability that the second one is 10?",
                              expected: { 100.0 / (1 + 9 + 100) },
                              tolerance: 0.002, why: "three decimals", see: "Section “Initialisation”: proportional to D²."),
        QuestionCheck.numeric("3.Qc", "k-means as an autoencoder with 16 centres: how many bits does the code of one example take, stored as an index?",
                              expected: { log2(16.0) },
                              tolerance: 0, why: "a count of bits", see: "Section “k-means is an autoencoder”."),
        QuestionCheck.choice("3.Qd", "Can the objective J go up from one Lloyd iteration to the next? (yes or no)", options: ["yes", "no"], answer: "no",
                             see: "Section “Block coordinate descent”: what each half-step does to J."),
    ]
}
