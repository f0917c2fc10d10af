import Course

/// Every check of the course, in syllabus order. Each module adds its checks here.
public enum Catalog {
    public static var checks: [AnyCheck] {
        LayersChecks.all.map { $0.erased { $0.layers } }
            + AutoencoderChecks.all.map { $0.erased { $0.autoencoders } }
            + KMeansChecks.all.map { $0.erased { $0.kmeans } }
            + VQChecks.all.map { $0.erased { $0.vq } }
            + ColorizationChecks.all.map { $0.erased { $0.colorization } }
            + MAEChecks.all.map { $0.erased { $0.mae } }
            + Word2VecChecks.all.map { $0.erased { $0.word2vec } }
            + ContrastiveChecks.all.map { $0.erased { $0.contrastive } }
            + TransferChecks.all.map { $0.erased { $0.transfer } }
            + (LayersQuestions.all + AutoencoderQuestions.all + KMeansQuestions.all + VQQuestions.all + ColorizationQuestions.all
              + Word2VecQuestions.all + TransferQuestions.all)
                .map { $0.erased { $0.questions } }
    }

    public static func checks(forExercise id: String) -> [AnyCheck] { checks.filter { $0.exerciseID == id } }

    /// Runs the checks of one exercise.
    public static func grade(exercise id: String, with impls: Implementations) -> [CheckResult] {
        checks(forExercise: id).map { $0.run(impls) }
    }
}
