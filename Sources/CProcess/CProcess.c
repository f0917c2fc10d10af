#include "CProcess.h"
#include <sys/prctl.h>
#include <sys/resource.h>
#include <signal.h>

int replearn_set_parent_death_signal(int sig) { return prctl(PR_SET_PDEATHSIG, (unsigned long)sig, 0, 0, 0); }

int replearn_set_child_subreaper(void) { return prctl(PR_SET_CHILD_SUBREAPER, 1UL, 0, 0, 0); }

static int resource_of(int which) {
    switch (which) {
    case 0: return RLIMIT_AS;
    case 1: return RLIMIT_CPU;
    case 2: return RLIMIT_FSIZE;
    case 3: return RLIMIT_NPROC;
    default: return RLIMIT_DATA;
    }
}

int replearn_set_limit(int which, long long value) {
    struct rlimit r;
    r.rlim_cur = r.rlim_max = value < 0 ? RLIM_INFINITY : (rlim_t)value;
    // CPU: SIGXCPU at the soft limit (reported in words), SIGKILL 5 s later if it is ignored.
    if (which == 1 && value >= 0) r.rlim_max = (rlim_t)value + 5;
    return setrlimit(resource_of(which), &r);
}

long long replearn_get_limit(int which) {
    struct rlimit r;
    if (getrlimit(resource_of(which), &r) != 0 || r.rlim_cur == RLIM_INFINITY) return -1;
    return (long long)r.rlim_cur;
}
