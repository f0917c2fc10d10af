// Compiler builtins Swift cannot name, for RepLearn's kernels.
#ifndef REPLEARN_CKERNELS_H
#define REPLEARN_CKERNELS_H

/// Asks the CPU to bring the cache line holding p into L2 (a hint: no fault, no effect on results).
static inline void replearn_prefetch(const void *p) { __builtin_prefetch(p, 0, 2); }

#endif
