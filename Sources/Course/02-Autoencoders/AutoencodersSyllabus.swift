/// Lecture 2's exercises.
let autoencodersModule = ModuleInfo(
    number: 2, slug: "autoencoders", title: "Autoencoders and PCA",
    lecture: "Lectures/02-autoencoders-pca.md",
    exercises: [
        ExerciseInfo(id: "2.1", title: "Centring and covariance",
                     file: "Exercises/02-Autoencoders/Covariance.swift", section: "PCA as autoencoding",
                     hint: "μ = column means (columnSums() / n); C = (1/n)·X_cᵀX_c with X_c = x − μ: one matmul with transposeA. "
                         + "Divide by n, not n − 1 (the course's convention)."),
        ExerciseInfo(id: "2.2", title: "Top-k principal components and explained variance",
                     file: "Exercises/02-Autoencoders/PrincipalComponents.swift", section: "PCA as autoencoding",
                     hint: "SymmetricEigen(C) gives eigenvalues in descending order and eigenvectors as rows: keep the first k. "
                         + "The explained-variance ratio divides by the trace of C (all eigenvalues), not by the top k."),
        ExerciseInfo(id: "2.3", title: "PCA encoder and decoder",
                     file: "Exercises/02-Autoencoders/PCACodec.swift", section: "PCA as autoencoding",
                     hint: "Encode: subtract the mean, then multiply by Wᵀ. Decode: multiply by W, then add the mean back."),
        ExerciseInfo(id: "2.4", title: "Linear autoencoder: loss and gradients",
                     file: "Exercises/02-Autoencoders/LinearAutoencoder.swift", section: "A linear autoencoder finds the PCA subspace",
                     hint: "With Z = xEᵀ and R = ZDᵀ − x: L = (1/n)ΣR², ∂L/∂D = (2/n)RᵀZ, ∂L/∂E = (2/n)(RD)ᵀx. Do not forget the 2."),
        ExerciseInfo(id: "2.5", title: "Linear autoencoder: a gradient step",
                     file: "Exercises/02-Autoencoders/LinearAutoencoder.swift", section: "A linear autoencoder finds the PCA subspace",
                     hint: "Both parameters move against their gradient, computed at the same (old) point: E − η∂L/∂E, D − η∂L/∂D."),
        ExerciseInfo(id: "2.6", title: "Principal angles between subspaces",
                     file: "Exercises/02-Autoencoders/PrincipalAngles.swift", section: "Same subspace, not the same basis",
                     hint: "Orthonormalise both row sets first (QR.orthonormalRows); the singular values of Q_a Q_bᵀ are cos θᵢ. "
                         + "Clamp to [−1, 1] before acos, convert to degrees, sort ascending."),
        ExerciseInfo(id: "2.7", title: "Denoising: corruption and objective",
                     file: "Exercises/02-Autoencoders/Denoising.swift", section: "Denoising autoencoders",
                     hint: "Corrupt with x + σ·rng.nextNormal(), element by element in order. The loss feeds the noisy input "
                         + "to the autoencoder but compares with the clean one."),
    ])
