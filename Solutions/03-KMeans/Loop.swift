import Course
import RepLearn

// Exercise 3.5 — Lloyd's algorithm: block coordinate descent on J.
extension ReferenceKMeans {
    public func kmeans(_ x: Tensor, initial: Tensor, maxIterations: Int) throws -> KMeansResult {
        try Lloyd.run(x, initial: initial, maxIterations: maxIterations, using: self)
    }
}

/// Lloyd's loop over *any* implementation's assign/update/objective.
public enum Lloyd {
    /// Each `impl.lloydPass(x, c)` is an assignment and the update that follows it: the
    /// implementation's two calls, or the reference's single pass over x. The last pass's
    /// update is not used.
    public static func run(_ x: Tensor, initial: Tensor, maxIterations: Int, using impl: any KMeansExercises) throws -> KMeansResult {
        let pass = impl.lloydPass
        var centers = initial
        var (assignments, updated) = try pass(x, centers)
        var objectives: [Double] = []
        var iterations = 0
        while iterations < maxIterations {
            centers = updated                                                        // J ↓ with a fixed
            iterations += 1
            objectives.append(try impl.objective(x, centers, assignments: assignments))
            let next = try pass(x, centers)                                          // J ↓ with c fixed
            if next.assignments == assignments { break }
            (assignments, updated) = next
        }
        return KMeansResult(centers: centers, assignments: assignments, objectives: objectives, iterations: iterations)
    }
}
