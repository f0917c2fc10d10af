/// RepLearn: the library under the course. See the folders: Tensor, LinearAlgebra, Random, NN,
/// Data, Imaging, Evaluation.
public enum RepLearnInfo {
    public static let version = "0.1.0"
}
