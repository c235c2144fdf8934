#!/usr/bin/env python3
"""Generates the job benchmark inputs: a layered DAG of N tasks (each depending on two tasks
of the previous layer) as an andon job and as a Makefile, plus an N-task condition-only job."""
import sys, os

n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
width = int(sys.argv[2]) if len(sys.argv) > 2 else 100
out = sys.argv[3] if len(sys.argv) > 3 else "bench/out"
os.makedirs(out, exist_ok=True)

def deps(i):
    if i < width:
        return []
    base = i - width - i % width
    return [base + i % width, base + (i + 1) % width]

with open(f"{out}/shell.yml", "w") as f:
    f.write("name: bench-shell\ntasks:\n")
    for i in range(n):
        f.write(f"  - task_key: t{i}\n")
        d = deps(i)
        if d:
            f.write("    depends_on: [" + ", ".join(f"{{task_key: t{j}}}" for j in d) + "]\n")
        f.write("    shell_task: {command: 'true'}\n")

with open(f"{out}/Makefile", "w") as f:
    f.write(".PHONY: all " + " ".join(f"t{i}" for i in range(n)) + "\n")
    f.write("all: " + " ".join(f"t{i}" for i in range(n - width, n)) + "\n")
    for i in range(n):
        f.write(f"t{i}: " + " ".join(f"t{j}" for j in deps(i)) + "\n\t@/bin/sh -c true\n")

with open(f"{out}/conditions.yml", "w") as f:
    f.write("name: bench-conditions\ntasks:\n")
    for i in range(n):
        f.write(f"  - task_key: c{i}\n")
        d = deps(i)
        if d:
            f.write("    depends_on: [" + ", ".join(f"{{task_key: c{j}}}" for j in d) + "]\n")
        f.write("    condition_task: {left: \"1\", op: EQUAL_TO, right: \"1\"}\n")
print(f"wrote {out}/shell.yml, {out}/Makefile, {out}/conditions.yml ({n} tasks, width {width})")
