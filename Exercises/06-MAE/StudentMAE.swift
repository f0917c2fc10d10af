import Course
import RepLearn

/// Your implementation of lecture 6. Each exercise is in its own file of this folder:
/// Patches.swift (6.1), Masking.swift (6.2), Positions.swift (6.3), MaskedLoss.swift (6.4),
/// Attention.swift (6.5), BERTCorruption.swift (6.6).
/// `replearn run mae --impl student` trains the image MAEs with your 6.1, 6.2 and 6.4 and the
/// language model with your 6.6.
public struct StudentMAE: MAEExercises {
    public init() {}
}
