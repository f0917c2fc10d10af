/// Lecture 8's exercises.
let contrastiveModule = ModuleInfo(
    number: 8, slug: "contrastive", title: "Contrastive learning and noise-contrastive estimation",
    lecture: "Lectures/08-contrastive.md",
    exercises: [
        ExerciseInfo(id: "8.1", title: "NCE: the logistic loss and its gradient",
                     file: "Exercises/08-Contrastive/NCE.swift", section: "Data against noise: NCE",
                     hint: "Work with G(u) = log p_m(u) − log ν − log pₙ(u) and log σ(g) written stably. ∂loss/∂G is −(1 − σ(G))/T_d per data "
                         + "point and ν·σ(G)/T_n per noise point; ∂G/∂θ = [(u − μ)e^{−2s}, (u − μ)²e^{−2s}, 1]."),
        ExerciseInfo(id: "8.2", title: "NT-Xent and its gradient",
                     file: "Exercises/08-Contrastive/NTXent.swift", section: "Positives against negatives: InfoNCE and NT-Xent",
                     hint: "Normalise the rows, S = u uᵀ/τ, leave the diagonal out of each row's softmax, target column (i + N) mod 2N. "
                         + "∂/∂S is (softmax − one-hot)/2N; S is symmetric in u, so ∂/∂u = (G + Gᵀ)u/τ; then project out uᵢ and divide by ‖zᵢ‖."),
        ExerciseInfo(id: "8.3", title: "Alignment and uniformity",
                     file: "Exercises/08-Contrastive/AlignmentUniformity.swift", section: "Alignment and uniformity",
                     hint: "Alignment raises the distance (not its square) to α. Uniformity averages over the n(n − 1)/2 pairs i < j and takes the log last."),
        ExerciseInfo(id: "8.4", title: "A view: crop, flip, rotate, noise",
                     file: "Exercises/08-Contrastive/Views.swift", section: "Views: what the representation forgets",
                     hint: "An AugmentationPipeline of four toolkit pieces, in the documented order, each built from the settings; pass the generator through."),
        ExerciseInfo(id: "8.5", title: "Rotation prediction: the batch and its loss",
                     file: "Exercises/08-Contrastive/Rotation.swift", section: "A pretext without negatives: rotations",
                     hint: "Write one quarter turn as an index map and apply it k times (or write k = 2, 3 directly). "
                         + "The loss is log-sum-exp minus the label's logit, with the row's max subtracted first."),
    ])
