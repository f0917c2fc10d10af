import Course
import RepLearn

/// Your implementation of lecture 9. Each exercise is in its own file of this folder:
/// Probe.swift (9.1), GroupStep.swift (9.2), PartialTransfer.swift (9.3), RepresentationSimilarity.swift (9.4), FewLabels.swift (9.5).
public struct StudentTransfer: TransferExercises {
    public init() {}
}
