"""Writes the example files of docs/monitoring.md: base.csv and cur.csv (5,000 rows each).

cur.csv: age shifted by half a standard deviation, a new country 'BR', 30% of score missing.

    python3 bench/monitor/make_example.py OUT_DIR
"""
import os
import sys
import numpy as np

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
rng = np.random.default_rng(0)


def write(path, shift, changed):
    with open(path, "w") as f:
        f.write("age,income,country,score,flag\n")
        for _ in range(5000):
            age = rng.normal(40 + shift * 10, 10)
            income = rng.lognormal(10, 0.5)
            country = rng.choice(["FR", "DE", "US", "UK"] + (["BR"] if changed else []))
            score = "" if (changed and rng.random() < 0.3) else f"{rng.normal():.4f}"
            f.write(f"{age:.3f},{income:.2f},{country},{score},{rng.random() < 0.5}\n")


write(os.path.join(out, "base.csv"), 0, False)
write(os.path.join(out, "cur.csv"), 0.5, True)
