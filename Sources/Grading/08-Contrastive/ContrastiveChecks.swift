import Course
import Foundation
import RepLearn

/// Lecture 8's checks.
public enum ContrastiveChecks {
    public typealias Impl = any ContrastiveExercises

    public static var all: [Check<Impl>] { [] }
}
