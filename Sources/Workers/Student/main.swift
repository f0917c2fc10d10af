// replearn-worker: answers the grader's calls with the student's code (Exercises/). It links
// Course, Exercises and the wire format (Probes) only: not Solutions, not the grader.
import Exercises
import Probes

Worker.main(.student)
