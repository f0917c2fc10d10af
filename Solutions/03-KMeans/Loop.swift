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
    public static func run(_ x: Tensor, initial: Tensor, maxIterations: Int, using impl: any KMeansExercises) throws -> KMeansResult {
        var centers = initial
        var assignments = try impl.assign(x, centers)
        var objectives: [Double] = []
        var iterations = 0
        while iterations < maxIterations {
            centers = try impl.updateCenters(x, assignments: assignments, previous: centers)   // J ↓ with a fixed
            iterations += 1
            objectives.append(try impl.objective(x, centers, assignments: assignments))
            let next = try impl.assign(x, centers)                                              // J ↓ with c fixed
            if next == assignments { break }
            assignments = next
        }
        return KMeansResult(centers: centers, assignments: assignments, objectives: objectives, iterations: iterations)
    }
}
