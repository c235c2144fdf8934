"""Reference values of the alert aggregations, for io.andon.alert.AggregationsTest.

NumPy semantics (math.fsum for exact sums) chosen to match Databricks SQL: nulls ignored, STDDEV is the
sample standard deviation (ddof=1, NULL for fewer than 2 values), MEDIAN is the
midpoint of the two middle values. Run: python3 src/test/python/alert_aggregations.py
"""
import json
import math
import os

import numpy as np

rng = np.random.default_rng(20261128)
CASES = {
    "small_ints": [3, 1, 4, 1, 5, 9, 2, 6],
    "with_nulls": [0.5, None, 2.25, None, -1.0, 0.5],
    "single": [7.0],
    "all_null": [None, None],
    "cancellation": [1e16, 1.0, -1e16, 1.0],
    "normal_1001": [float(x) for x in rng.normal(10.0, 3.0, 1001)],
    "drift_scores": [0.012, 0.31, 0.08, 0.31, 0.27, 0.005, 0.14],
}

out = []
for name, values in CASES.items():
    v = np.array([x for x in values if x is not None], dtype=float)
    row = {"name": name, "values": values}
    row["COUNT"] = int(len(v))
    row["COUNT_DISTINCT"] = int(len(set(v.tolist())))
    if len(v) == 0:
        for a in ("AVG", "MAX", "MEDIAN", "MIN", "STDDEV", "SUM"):
            row[a] = None
    else:
        row["SUM"] = math.fsum(v.tolist())
        row["AVG"] = math.fsum(v.tolist()) / len(v)
        row["MAX"] = float(np.max(v))
        row["MIN"] = float(np.min(v))
        row["MEDIAN"] = float(np.median(v))
        row["STDDEV"] = float(np.std(v, ddof=1)) if len(v) > 1 else None
    out.append(row)

path = os.path.join(os.path.dirname(__file__), "..", "resources", "alert", "aggregations.json")
with open(path, "w", encoding="utf-8") as f:
    json.dump(out, f, indent=2)
    f.write("\n")
