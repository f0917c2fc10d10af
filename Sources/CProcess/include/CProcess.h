#ifndef REPLEARN_CPROCESS_H
#define REPLEARN_CPROCESS_H
// The few process controls Swift cannot call directly (prctl is variadic) or that read more
// clearly in C: used by the grader (subreaper) and by the worker that runs student code
// (die with the parent, resource limits).

/// prctl(PR_SET_PDEATHSIG, sig): this process gets `sig` when its parent dies. 0 on success.
int replearn_set_parent_death_signal(int sig);
/// prctl(PR_SET_CHILD_SUBREAPER, 1): orphaned descendants are reparented to this process. 0 on success.
int replearn_set_child_subreaper(void);
/// setrlimit with soft = hard = value (RLIM_INFINITY when value < 0). `which`: 0 address space,
/// 1 CPU seconds, 2 file size, 3 processes, 4 data segment. 0 on success.
int replearn_set_limit(int which, long long value);
/// The soft limit now in force, or -1 for unlimited.
long long replearn_get_limit(int which);

#endif
