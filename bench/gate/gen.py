"""Writes a gate of N checks, a nested metrics file that holds their values, and the same checks
as a JSON list for the peers (jq and the Python script). Usage: gen.py N OUT_DIR"""
import json
import os
import random
import sys

n = int(sys.argv[1])
out = sys.argv[2]
os.makedirs(out, exist_ok=True)
rnd = random.Random(42)
ops = [">=", "<=", ">", "<"]
metrics = {"model": {}}
checks = []
for i in range(n):
    value = round(rnd.random(), 6)
    op = ops[i % 4]
    # thresholds that every value passes, so that all three tools do the full work
    threshold = {">=": 0.0, "<=": 1.0, ">": -1.0, "<": 2.0}[op]
    metrics["model"][f"m{i}"] = value
    checks.append({"metric": f"model.m{i}", "op": op, "threshold": threshold})

with open(os.path.join(out, "metrics.json"), "w") as f:
    json.dump(metrics, f)
with open(os.path.join(out, "gates.yml"), "w") as f:
    f.write(f"gates:\n  - name: bench{n}\n    checks:\n")
    for c in checks:
        f.write(f"      - {{metric: {c['metric']}, comparator: \"{c['op']}\", "
                f"threshold: {c['threshold']}}}\n")
with open(os.path.join(out, "checks.json"), "w") as f:
    json.dump(checks, f)
