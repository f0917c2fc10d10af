/// The set of implementations the grader and the experiments run: the student's stubs
/// (Exercises) or the reference (Solutions). Each module adds its protocol here, so the same
/// check or experiment can run either, or a deliberately wrong "mutant" in the tests.
public struct Implementations {
    public var name: String
    public var layers: any LayersExercises

    public init(name: String, layers: any LayersExercises) {
        self.name = name
        self.layers = layers
    }
}

/// Which implementation a command runs.
public enum ImplementationChoice: String, CaseIterable, Sendable, Codable {
    case student, reference
}
