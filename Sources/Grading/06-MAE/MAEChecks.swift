import Course
import Foundation
import RepLearn

/// Lecture 6's checks.
public enum MAEChecks {
    public typealias Impl = any MAEExercises

    public static var all: [Check<Impl>] { [] }
}
