"""Writes N small Databricks source notebooks, a job running them, and a Makefile running the same
files with python3. Usage: gen.py N OUT"""
import os
import sys

n, out = int(sys.argv[1]), sys.argv[2]
os.makedirs(os.path.join(out, "nb"), exist_ok=True)
for i in range(n):
    with open(os.path.join(out, "nb", "nb_%d.py" % i), "w") as f:
        f.write("# Databricks notebook source\n"
                "values = [x * x for x in range(%d)]\n\n"
                "# COMMAND ----------\n\n"
                "print('notebook %d', sum(values))\n" % (1000 + i, i))
with open(os.path.join(out, "job.yml"), "w") as f:
    f.write("name: notebooks\ntasks:\n")
    for i in range(n):
        f.write("  - task_key: nb_%d\n    notebook_task: {notebook_path: nb/nb_%d}\n" % (i, i))
with open(os.path.join(out, "chain.yml"), "w") as f:
    f.write("name: chain\ntasks:\n")
    for i in range(n):
        f.write("  - task_key: nb_%d\n" % i)
        if i:
            f.write("    depends_on: [{task_key: nb_%d}]\n" % (i - 1))
        f.write("    notebook_task: {notebook_path: nb/nb_%d}\n" % i)
with open(os.path.join(out, "Makefile"), "w") as f:
    f.write("PY ?= python3\nall: %s\n" % " ".join("t%d" % i for i in range(n)))
    for i in range(n):
        f.write("t%d:\n\t@$(PY) nb/nb_%d.py > /dev/null\n" % (i, i))
    f.write(".PHONY: all %s\n" % " ".join("t%d" % i for i in range(n)))
