import RepLearn

/// Lecture 3 — k-means as autoencoding.
///
/// Data x: [n, d]; centres c: [k, d]; an assignment maps each row to a centre index in 0..<k.
/// The objective is the *sum* of squared distances, J = Σᵢ ‖xᵢ − c_{a(i)}‖².
public protocol KMeansExercises {
    // 3.1 The assignment step.
    /// x: [n, d], centres: [k, d] → D[i, j] = ‖xᵢ − cⱼ‖², [n, k], through the identity
    /// ‖x‖² − 2 x·c + ‖c‖² (one matrix product), clamped at 0.
    func squaredDistances(_ x: Tensor, _ centers: Tensor) throws -> Tensor
    /// → the index of the nearest centre for each row, [n] (ties: the lowest index).
    func assign(_ x: Tensor, _ centers: Tensor) throws -> [Int]

    // 3.2 The update step.
    /// → centre j = mean of the rows assigned to j, [k, d]. A centre with no rows keeps its
    /// previous position (`previous[j]`): the rule for empty clusters in this course.
    func updateCenters(_ x: Tensor, assignments: [Int], previous: Tensor) throws -> Tensor

    // 3.3 The objective.
    /// → J = Σᵢ ‖xᵢ − c_{a(i)}‖².
    func objective(_ x: Tensor, _ centers: Tensor, assignments: [Int]) throws -> Double

    // 3.4 k-means++ initialisation.
    /// → k rows of x chosen as initial centres: the first uniformly at random, each next one
    /// with probability proportional to D(x)², the squared distance from x to the nearest centre
    /// chosen so far. Draw only from `rng`. When ΣD² = 0 (every row coincides with a chosen centre:
    /// x has fewer distinct rows than k), the next centre is drawn uniformly, `rng.nextInt(below: n)`,
    /// like the first: a repeated row, since there is nothing new to choose.
    func kmeansPlusPlus(_ x: Tensor, k: Int, rng: inout SeededGenerator) throws -> Tensor

    // 3.5 The loop.
    /// Alternates assign and update from `initial` until the assignments stop changing or
    /// `maxIterations` updates were made: a = assign(initial); repeat { c = update(a); record J(c, a);
    /// a′ = assign(c); stop if a′ = a; a = a′ }. `objectives[t]` is J after update t + 1 (the new
    /// centres, the assignment that update used); `iterations` = number of updates = objectives.count;
    /// `assignments` = assign(final centres).
    func kmeans(_ x: Tensor, initial: Tensor, maxIterations: Int) throws -> KMeansResult
    /// Not an exercise (a default is given below): assign, then the update from that assignment.
    func lloydPass(_ x: Tensor, _ centers: Tensor) throws -> (assignments: [Int], centers: Tensor)

    // 3.6 k-means as an autoencoder.
    /// Encoder E: assignments [n] → one-hot codes [n, k].
    func oneHotEncode(_ assignments: [Int], k: Int) throws -> Tensor
    /// Decoder D: codes [n, k], centres [k, d] → reconstructions [n, d] (a centre look-up as a matrix product).
    func decode(_ codes: Tensor, centers: Tensor) throws -> Tensor
}

extension KMeansExercises {
    /// Not an exercise: a = assign(x, c) and c′ = updateCenters(x, a, c), the update that follows
    /// that assignment, as one call (Lloyd's loop runs it). The reference replaces this default
    /// with a single pass over x that gives the same numbers bit for bit.
    public func lloydPass(_ x: Tensor, _ centers: Tensor) throws -> (assignments: [Int], centers: Tensor) {
        let a = try assign(x, centers)
        return (a, try updateCenters(x, assignments: a, previous: centers))
    }
}

/// What the k-means loop returns.
public struct KMeansResult: Sendable {
    public var centers: Tensor
    public var assignments: [Int]
    /// J after each update, in order.
    public var objectives: [Double]
    /// Number of updates made.
    public var iterations: Int
    public init(centers: Tensor, assignments: [Int], objectives: [Double], iterations: Int) {
        self.centers = centers; self.assignments = assignments; self.objectives = objectives; self.iterations = iterations
    }
}
