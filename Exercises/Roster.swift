import Course

extension Implementations {
    /// The student's code: every module's stubs in Exercises/.
    public static var student: Implementations {
        Implementations(name: "student", layers: StudentLayers(), autoencoders: StudentAutoencoders(),
                        kmeans: StudentKMeans(), vq: StudentVQ(),
                        word2vec: StudentWord2Vec(), colorization: StudentColorization(),
                        mae: StudentMAE(), contrastive: StudentContrastive(),
                        transfer: StudentTransfer(), questions: StudentQuestions())
    }
}
