import Course

extension Implementations {
    /// The reference: every module's solution in Solutions/.
    public static var reference: Implementations {
        Implementations(name: "reference", layers: ReferenceLayers(), autoencoders: ReferenceAutoencoders(),
                        kmeans: ReferenceKMeans(), vq: ReferenceVQ(),
                        word2vec: ReferenceWord2Vec(), colorization: ReferenceColorization(),
                        mae: ReferenceMAE(), contrastive: ReferenceContrastive(),
                        transfer: ReferenceTransfer(), questions: ReferenceQuestions())
    }
}
