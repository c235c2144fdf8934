"""Runs a command (output discarded) and prints its wall time and CPU time (user + sys of the
child) in seconds. CPU time stays meaningful when other work loads the machine."""
import resource
import subprocess
import sys
import time

t0 = time.perf_counter()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=False)
wall = time.perf_counter() - t0
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{wall:.3f} {ru.ru_utime + ru.ru_stime:.3f}")
