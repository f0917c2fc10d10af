/// Lecture 8's exercises.
let contrastiveModule = ModuleInfo(
    number: 8, slug: "contrastive", title: "Contrastive learning and noise-contrastive estimation",
    lecture: "Lectures/08-contrastive.md",
    exercises: [
        ExerciseInfo(id: "8.1", title: "NCE: the logistic loss and its gradient",
                     file: "Exercises/08-Contrastive/NCE.swift", section: "Data against noise: NCE",
                     hint: "NCE turns density estimation into classification: data against ν times as much noise. What is the classifier's logit, and which term makes the learned constant c a log-normaliser?",
                     method: "Work with G(u) = log p_m(u) − log ν − log pₙ(u) and log σ(g) written stably. ∂loss/∂G is −(1 − σ(G))/T_d per data "
                         + "point and ν·σ(G)/T_n per noise point; ∂G/∂θ = [(u − μ)e^{−2s}, (u − μ)²e^{−2s}, 1].",
                     formula: "G(u) = log p_m(u; μ, s, c) − log(ν·pₙ(u)); loss = −(1/T_d) Σ_data log σ(G) − (ν/T_n) Σ_noise log(1 − σ(G)); at the optimum c → −log Z."),
        ExerciseInfo(id: "8.2", title: "NT-Xent and its gradient",
                     file: "Exercises/08-Contrastive/NTXent.swift", section: "Positives against negatives: InfoNCE and NT-Xent",
                     hint: "Each embedding has one positive (its other view) and 2N − 2 negatives, compared by cosine similarity over a temperature; itself is neither.",
                     method: "Normalise the rows, S = u uᵀ/τ, leave the diagonal out of each row's softmax, target column (i + N) mod 2N. "
                         + "∂/∂S is (softmax − one-hot)/2N; S is symmetric in u, so ∂/∂u = (G + Gᵀ)u/τ; then project out uᵢ and divide by ‖zᵢ‖.",
                     formula: "ℓᵢ = −log e^{sim(zᵢ, z_{i±N})/τ} / Σ_{k≠i} e^{sim(zᵢ, z_k)/τ}, sim = cosine, L = (1/2N) Σᵢ ℓᵢ; the gradient flows through the normalisation: ∂/∂zᵢ = (I − uᵢuᵢᵀ)(∂/∂uᵢ)/‖zᵢ‖."),
        ExerciseInfo(id: "8.3", title: "Alignment and uniformity",
                     file: "Exercises/08-Contrastive/AlignmentUniformity.swift", section: "Alignment and uniformity",
                     hint: "Alignment: how far apart are the two views of the same example? Uniformity: how spread out is everything on the sphere?",
                     method: "Alignment raises the distance (not its square) to α. Uniformity averages over the n(n − 1)/2 pairs i < j and takes the log last.",
                     formula: "L_align = (1/n) Σᵢ ‖xᵢ − yᵢ‖^α; L_unif = log( (2/(n(n − 1))) Σ_{i<j} e^{−t‖xᵢ − xⱼ‖²} )."),
        ExerciseInfo(id: "8.4", title: "A view: crop, flip, rotate, noise",
                     file: "Exercises/08-Contrastive/Views.swift", section: "Views: what the representation forgets",
                     hint: "A view is the input passed through random transformations in a fixed order, all randomness from the generator you are given — and the identity settings change nothing.",
                     method: "An AugmentationPipeline of four toolkit pieces, in the documented order, each built from the settings; pass the generator through.",
                     formula: "view = GaussianNoise(σ)∘RandomAffine(±degrees)∘HorizontalFlip(p)∘RandomResizedCrop(scale, ratio) applied to the whole batch as one AugmentationPipeline, each stage drawing from `rng`; the noise clamped to [0, 1]; ViewAugmentation.identity returns x bit for bit."),
        ExerciseInfo(id: "8.5", title: "Rotation prediction: the batch and its loss",
                     file: "Exercises/08-Contrastive/Rotation.swift", section: "A pretext without negatives: rotations",
                     hint: "Four copies of each image, turned by 0, 90, 180 and 270 degrees, labelled by the turn; then an ordinary cross-entropy.",
                     method: "Write one quarter turn as an index map and apply it k times (or write k = 2, 3 directly). "
                         + "The loss is log-sum-exp minus the label's logit, with the row's max subtracted first.",
                     formula: "images: for each image i and k = 0…3 (image-major), rot90ᵏ (counter-clockwise); label k; L = (1/M) Σ (log Σ_c e^{s_c} − s_label), ∂L/∂s = (softmax(s) − one-hot)/M."),
    ])
