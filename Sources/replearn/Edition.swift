import Course
#if canImport(Solutions)
import Solutions
#endif

/// Which edition of the course this is: the instructor's (with Solutions/) or the student's,
/// written by `replearn release` without it. Everything that needs the reference asks here.
enum Edition {
    #if canImport(Solutions)
    static let hasReference = true
    #else
    static let hasReference = false
    #endif

    static let noReference = "the reference implementation (Solutions/) is not in this edition of the course; use --impl student"

    /// The reference's implementations, or a one-line error in the student's edition.
    static func reference() throws -> Implementations {
        #if canImport(Solutions)
        return .reference
        #else
        throw UsageError(noReference)
        #endif
    }

    /// What `run` and `walk` use by default: the reference when there is one.
    static var defaultImplementation: ImplementationChoice { hasReference ? .reference : .student }
}

extension ImplementationChoice {
    /// The implementations this choice names (a one-line error for the reference in the student's edition).
    func implementations() throws -> Implementations { self == .student ? .student : try Edition.reference() }

    /// Throws the one-line error when this choice is not in this edition.
    func checkAvailable() throws { if self == .reference && !Edition.hasReference { throw UsageError(Edition.noReference) } }
}
