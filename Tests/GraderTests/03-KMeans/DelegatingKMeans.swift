import Course
import RepLearn
import Solutions

/// A mutant of lecture 3 overrides one function; the rest are the reference's, and the loop
/// runs through the mutant's own assign/update/objective.
protocol DelegatingKMeans: KMeansExercises {}

extension DelegatingKMeans {
    var base: ReferenceKMeans { ReferenceKMeans() }
    func squaredDistances(_ x: Tensor, _ centers: Tensor) throws -> Tensor { try base.squaredDistances(x, centers) }
    func assign(_ x: Tensor, _ centers: Tensor) throws -> [Int] { try base.assign(x, centers) }
    func updateCenters(_ x: Tensor, assignments: [Int], previous: Tensor) throws -> Tensor {
        try base.updateCenters(x, assignments: assignments, previous: previous)
    }
    func objective(_ x: Tensor, _ centers: Tensor, assignments: [Int]) throws -> Double {
        try base.objective(x, centers, assignments: assignments)
    }
    func kmeansPlusPlus(_ x: Tensor, k: Int, rng: inout SeededGenerator) throws -> Tensor { try base.kmeansPlusPlus(x, k: k, rng: &rng) }
    func kmeans(_ x: Tensor, initial: Tensor, maxIterations: Int) throws -> KMeansResult {
        try Lloyd.run(x, initial: initial, maxIterations: maxIterations, using: self)
    }
    func oneHotEncode(_ assignments: [Int], k: Int) throws -> Tensor { try base.oneHotEncode(assignments, k: k) }
    func decode(_ codes: Tensor, centers: Tensor) throws -> Tensor { try base.decode(codes, centers: centers) }
}
