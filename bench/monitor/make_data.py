"""Generates the benchmark inputs: baseline and current CSV files of N rows x 20 numeric columns.

Columns c00..c19: normal, lognormal, uniform and discrete shapes; in the current file columns
c00-c04 are shifted by 0.5 standard deviation (drift), the others are drawn from the same
distribution (no drift). Written with NumPy in chunks; Parquet copies are made by
to_parquet.sh with andon's embedded DuckDB. Do not commit the output.

    python3 bench/monitor/make_data.py OUT_DIR ROWS
"""
import os
import sys
import numpy as np

out, rows = sys.argv[1], int(sys.argv[2])
os.makedirs(out, exist_ok=True)
COLS = 20
CHUNK = 500_000


def chunk(rng, n, shifted):
    cols = []
    for c in range(COLS):
        shift = 0.5 if shifted and c < 5 else 0.0
        kind = c % 4
        if kind == 0:
            v = rng.normal(shift, 1.0, n)
        elif kind == 1:
            v = np.exp(rng.normal(shift * 0.5, 0.5, n))
        elif kind == 2:
            v = rng.uniform(0, 1, n) + shift * 0.2887
        else:
            v = rng.integers(0, 50, n) + np.round(shift * 14.4)
        cols.append(v)
    return np.column_stack(cols)


for name, shifted, seed in (("baseline", False, 1), ("current", True, 2)):
    path = os.path.join(out, f"{name}_{rows}.csv")
    rng = np.random.default_rng(seed)
    with open(path, "w") as f:
        f.write(",".join(f"c{c:02d}" for c in range(COLS)) + "\n")
        done = 0
        while done < rows:
            n = min(CHUNK, rows - done)
            np.savetxt(f, chunk(rng, n, shifted), fmt="%.6g", delimiter=",")
            done += n
    print("wrote", path, os.path.getsize(path) // 1_000_000, "MB")
