import Probes
import Course

