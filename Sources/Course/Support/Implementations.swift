/// The set of implementations the grader and the experiments run: the student's stubs
/// (Exercises) or the reference (Solutions). Each module adds its protocol here, so the same
/// check or experiment can run either, or a deliberately wrong "mutant" in the tests.
public struct Implementations {
    public var name: String
    public var layers: any LayersExercises
    public var autoencoders: any AutoencoderExercises
    public var kmeans: any KMeansExercises
    public var vq: any VQExercises
    public var word2vec: any Word2VecExercises
    public var colorization: any ColorizationExercises
    public var mae: any MAEExercises
    public var contrastive: any ContrastiveExercises
    public var transfer: any TransferExercises
    /// Every lecture's graded questions.
    public var questions: any QuestionExercises

    public init(name: String, layers: any LayersExercises, autoencoders: any AutoencoderExercises,
                kmeans: any KMeansExercises, vq: any VQExercises, word2vec: any Word2VecExercises,
                colorization: any ColorizationExercises, mae: any MAEExercises, contrastive: any ContrastiveExercises,
                transfer: any TransferExercises, questions: any QuestionExercises) {
        self.name = name
        self.layers = layers
        self.autoencoders = autoencoders
        self.kmeans = kmeans
        self.vq = vq
        self.word2vec = word2vec
        self.colorization = colorization
        self.mae = mae
        self.contrastive = contrastive
        self.transfer = transfer
        self.questions = questions
    }

    /// A copy with some modules' implementations replaced (how the tests plant a mutant).
    public func with(layers: (any LayersExercises)? = nil, autoencoders: (any AutoencoderExercises)? = nil,
                     kmeans: (any KMeansExercises)? = nil, vq: (any VQExercises)? = nil,
                     word2vec: (any Word2VecExercises)? = nil, colorization: (any ColorizationExercises)? = nil,
                     mae: (any MAEExercises)? = nil, contrastive: (any ContrastiveExercises)? = nil,
                     transfer: (any TransferExercises)? = nil, questions: (any QuestionExercises)? = nil) -> Implementations {
        var c = self
        if let layers { c.layers = layers }
        if let autoencoders { c.autoencoders = autoencoders }
        if let kmeans { c.kmeans = kmeans }
        if let vq { c.vq = vq }
        if let word2vec { c.word2vec = word2vec }
        if let colorization { c.colorization = colorization }
        if let mae { c.mae = mae }
        if let contrastive { c.contrastive = contrastive }
        if let transfer { c.transfer = transfer }
        if let questions { c.questions = questions }
        return c
    }
}

/// Which implementation a command runs.
public enum ImplementationChoice: String, CaseIterable, Sendable, Codable {
    case student, reference
}
