/// One exercise: what the student writes, where, and how it is introduced.
public struct ExerciseInfo: Sendable, Codable {
    /// "module.number", e.g. "1.3".
    public let id: String
    public let title: String
    /// The stub a student edits, relative to the package root.
    public let file: String
    /// The lecture section that teaches it.
    public let section: String
    /// Level 1: a nudge that does not give the answer away (what failure messages show).
    public let hint: String
    /// Level 2: the method — which steps, which library calls, which pitfall.
    public var method: String = ""
    /// Level 3: the formula or the algorithm written out (the "derive it" answers of the notes).
    public var formula: String = ""

    /// Hints up to `level` (1…3), in order; levels with no text are left out.
    public func hints(upTo level: Int) -> [(level: Int, text: String)] {
        [(1, hint), (2, method), (3, formula)].filter { $0.0 <= level && !$0.1.isEmpty }.map { (level: $0.0, text: $0.1) }
    }
}

/// One lecture module: its notes, its exercises, its experiment's name.
public struct ModuleInfo: Sendable, Codable {
    public let number: Int
    /// Used on the command line: `replearn run layers`, `replearn walk layers`.
    public let slug: String
    public let title: String
    /// Notes, relative to the package root.
    public let lecture: String
    public let exercises: [ExerciseInfo]
}

/// The course in order. Each module adds itself here.
public enum Syllabus {
    public static let modules: [ModuleInfo] = [layersModule, autoencodersModule, kmeansModule, vqModule, colorizationModule, maeModule, word2vecModule, contrastiveModule, transferModule]

    public static func module(_ slug: String) -> ModuleInfo? {
        modules.first { $0.slug == slug || String($0.number) == slug }
    }

    public static func exercise(_ id: String) -> ExerciseInfo? {
        modules.lazy.flatMap(\.exercises).first { $0.id == id }
    }

    public static func module(ofExercise id: String) -> ModuleInfo? {
        modules.first { m in m.exercises.contains { $0.id == id } }
    }
}
