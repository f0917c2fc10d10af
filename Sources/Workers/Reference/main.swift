// replearn-worker-reference: answers the grader's calls with the reference (Solutions/), for
// `replearn grade --impl reference` and `REPLEARN_GRADE=solutions swift test`.
import Probes
import Solutions

Worker.main(.reference)
