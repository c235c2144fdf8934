"""The gate a CI script writes by hand: read metrics JSON, compare, exit 1 on failure.
Missing metrics fail (never read as 0). Usage: peer.py checks.json metrics.json"""
import json
import math
import operator
import sys

OPS = {">=": operator.ge, "<=": operator.le, ">": operator.gt, "<": operator.lt}
checks = json.load(open(sys.argv[1]))
metrics = json.load(open(sys.argv[2]))
failed = 0
for c in checks:
    node = metrics
    for part in c["metric"].split("."):
        node = node.get(part) if isinstance(node, dict) else None
    ok = isinstance(node, (int, float)) and math.isfinite(node) and OPS[c["op"]](node, c["threshold"])
    print(("PASSED " if ok else "FAILED ") + c["metric"])
    failed += not ok
sys.exit(1 if failed else 0)
