#!/usr/bin/env python3
"""Where a slot's time goes between two tasks, from the kernel's own timestamps.

Usage:
  perf record -a -e sched:sched_process_fork -e sched:sched_process_exit \\
    -e sched:sched_process_exec -o sched.data -- sleep SECONDS    # while the DAG runs
  perf script -i sched.data > sched.txt
  bench/serve/slot-gaps.py sched.txt 'andon-launch'   # or 'make'

The second argument is a regular expression for the name of the thread that starts the tasks
(andon's launching thread is named andon-launch-N; make's is make). For every task process it
started, the script prints p50 / mean / p90 of: the time from a task's exit to the next start
(fork) by that thread (how fast an ended task's slot is used again), from the fork to the exec of
the task's program (the launching's own cost), and from that exec to the task's exit (the task).
"""
import bisect
import re
import statistics
import sys

LINE = re.compile(r"\s*(.+?)\s+(\d+)\s+\[\d+\]\s+([\d.]+):\s+sched:(\w+):\s+(.*)")
events = []
for line in open(sys.argv[1]):
    m = LINE.match(line)
    if m:
        events.append((float(m.group(3)), m.group(4), int(m.group(2)), m.group(1), m.group(5)))
launcher = re.compile(sys.argv[2])
forks = {}  # child pid -> fork time
for ts, name, tid, comm, rest in events:
    if name == "sched_process_fork" and launcher.match(comm):
        forks[int(re.search(r"child_pid=(\d+)", rest).group(1))] = ts
execs, exits = {}, {}
for ts, name, tid, comm, rest in events:
    if tid in forks:
        if name == "sched_process_exec" and tid not in execs:
            execs[tid] = ts
        elif name == "sched_process_exit":
            exits[tid] = ts
fork_times = sorted(forks.values())
next_fork = []
for x in exits.values():
    i = bisect.bisect_right(fork_times, x)
    if i < len(fork_times):
        next_fork.append(1000 * (fork_times[i] - x))
spawn = [1000 * (execs[p] - forks[p]) for p in forks if p in execs]
run = [1000 * (exits[p] - execs[p]) for p in forks if p in execs and p in exits]


def summary(values):
    v = sorted(values)
    return f"p50 {statistics.median(v):.3f}  mean {statistics.mean(v):.3f}  p90 {v[int(0.9 * len(v))]:.3f} ms"


print(f"{len(forks)} tasks over {max(exits.values()) - min(forks.values()):.2f} s")
print("exit -> next fork   ", summary(next_fork))
print("fork -> exec        ", summary(spawn))
print("exec -> exit        ", summary(run))
