import Course
import RepLearn

/// Your implementation of lecture 2. Each exercise is in its own file of this folder:
/// Covariance.swift (2.1), PrincipalComponents.swift (2.2), PCACodec.swift (2.3),
/// LinearAutoencoder.swift (2.4, 2.5), PrincipalAngles.swift (2.6), Denoising.swift (2.7).
public struct StudentAutoencoders: AutoencoderExercises {
    public init() {}
}
