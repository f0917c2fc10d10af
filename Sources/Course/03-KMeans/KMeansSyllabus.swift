/// Lecture 3's exercises.
let kmeansModule = ModuleInfo(
    number: 3, slug: "kmeans", title: "k-means as autoencoding",
    lecture: "Lectures/03-kmeans.md",
    exercises: [
        ExerciseInfo(id: "3.1", title: "Assignment step: distances by one matmul",
                     file: "Exercises/03-KMeans/Assignment.swift", section: "Block coordinate descent",
                     hint: "‖x − c‖² = ‖x‖² − 2x·c + ‖c‖²: the middle term for all pairs is one Tensor.matmul(x, centers, transposeB: true); "
                         + "add each row's ‖x‖² and each column's ‖c‖², clamp at 0. Assign with the arg*min*."),
        ExerciseInfo(id: "3.2", title: "Update step (and empty clusters)",
                     file: "Exercises/03-KMeans/Update.swift", section: "Block coordinate descent",
                     hint: "Sum the rows of each cluster and divide by its size (a mean, not a sum). "
                         + "A cluster with no rows would divide by zero: keep its previous centre instead."),
        ExerciseInfo(id: "3.3", title: "The objective",
                     file: "Exercises/03-KMeans/Objective.swift", section: "The k-means objective",
                     hint: "Sum over all rows (not a mean) of the squared distance to the assigned centre."),
        ExerciseInfo(id: "3.4", title: "k-means++ initialisation",
                     file: "Exercises/03-KMeans/KMeansPlusPlus.swift", section: "Initialisation",
                     hint: "Keep D²(x) = squared distance to the nearest chosen centre; draw u = rng.nextDouble()·ΣD² and walk the "
                         + "cumulative sum. Proportional to D², not to D, and never uniform after the first."),
        ExerciseInfo(id: "3.5", title: "The k-means loop",
                     file: "Exercises/03-KMeans/Loop.swift", section: "Block coordinate descent",
                     hint: "assign → update → record the objective, until the assignments do not change. Each half-step can "
                         + "only lower J, so the recorded objectives never increase."),
        ExerciseInfo(id: "3.6", title: "k-means as an autoencoder: one-hot encoder, look-up decoder",
                     file: "Exercises/03-KMeans/Autoencoder.swift", section: "k-means is an autoencoder",
                     hint: "E(x) is the one-hot row of its assignment; D(z) = z·C ([n, k]·[k, d]) picks out the centre."),
    ])
