/// Lecture 4's exercises.
let vqModule = ModuleInfo(
    number: 4, slug: "vq", title: "Vector quantization (VQ-VAE)",
    lecture: "Lectures/04-vq.md",
    exercises: [
        ExerciseInfo(id: "4.1", title: "Nearest-code quantization",
                     file: "Exercises/04-VQ/Quantize.swift", section: "Snapping to a codebook",
                     hint: "It is k-means' assignment step: distances through one matmul, arg-min per row; z_q gathers those codebook rows."),
        ExerciseInfo(id: "4.2", title: "Codebook and commitment losses",
                     file: "Exercises/04-VQ/Losses.swift", section: "Three losses, two stop-gradients",
                     hint: "Both are (1/n) Σ ‖z_e,i − e_{k(i)}‖² in value — the stop-gradients change only where gradients go. total = codebook + β·commitment."),
        ExerciseInfo(id: "4.3", title: "Quantizer backward: straight-through, stop-gradients",
                     file: "Exercises/04-VQ/Backward.swift", section: "Three losses, two stop-gradients",
                     hint: "∂L/∂z_e = g + (2β/n)(z_e − e_{k(i)}): the decoder-input gradient g is copied straight through. "
                         + "∂L/∂e_k = (2/n) Σ_{i: k(i)=k} (e_k − z_e,i): no β here, and no g."),
        ExerciseInfo(id: "4.4", title: "Codebook usage and perplexity",
                     file: "Exercises/04-VQ/Usage.swift", section: "Dead codes and perplexity",
                     hint: "p_k = count_k / n; perplexity = exp(−Σ p_k ln p_k), skipping p_k = 0. Uniform use of K codes gives K."),
        ExerciseInfo(id: "4.5", title: "Re-initialising dead codes",
                     file: "Exercises/04-VQ/DeadCodes.swift", section: "Dead codes and perplexity",
                     hint: "Walk k = 0..<K; where counts[k] == 0, copy row rng.nextInt(below: n) of the encoder outputs into code k. Leave live codes alone."),
    ])
