"""Generated data and expected values for andon's Lakehouse Monitoring columns, with NumPy.

Writes src/test/resources/monitor/lakehouse/{base.csv, log.csv, expected.json}. The data is
written once and stored, so the Java test reads exactly the rows the expected values came from;
every expected value is computed here from its definition, independently of andon. Run from the
repository root:

    python3 src/test/python/make_lakehouse_fixtures.py
"""
import csv
import json
import os

import numpy as np

OUT = "src/test/resources/monitor/lakehouse"
LEVELS = [0, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 1]
CLASSES = ["cat", "dog", "eel"]
rng = np.random.default_rng(20261206)


def rows(n, day, x_zero_share, cat_p, gone, model_split):
    out = []
    for i in range(n):
        x = None if rng.random() < 0.05 else (
            0.0 if rng.random() < x_zero_share else round(float(rng.normal(10, 3)), 3))
        label = CLASSES[int(rng.choice(3, p=[0.5, 0.3, 0.2]))]
        grp = bool(rng.random() < 0.4)
        # the model is right 70% of the time, less often for the protected group
        right = rng.random() < (0.55 if grp else 0.8)
        pred = label if right else CLASSES[int(rng.integers(3))]
        out.append({
            "ts": f"{day} {i % 24:02d}:{i % 60:02d}:00" if day else "",
            "model": "m1" if rng.random() < model_split else "m2",
            "x": "" if x is None else repr(x),
            "n": str(int(rng.integers(0, 50))),
            "cat": str(rng.choice(["red", "green", "blue", "grey"], p=cat_p)),
            "gone": "" if not gone else repr(round(float(rng.normal()), 3)),
            "label": label,
            "pred": pred,
            "grp": "true" if grp else "false",
        })
    return out


def write(path, data, with_ts):
    cols = ["ts"] * with_ts + ["model", "x", "n", "cat", "gone", "label", "pred", "grp"]
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(cols)
        for r in data:
            w.writerow([r[c] for c in cols])


def xs(data):
    return np.array([float(r["x"]) for r in data if r["x"] != ""])


def percent_zeros(data):
    v = xs(data)
    return float(np.sum(v == 0.0) / len(v))


def non_null(data):
    return [c for c in ["model", "x", "n", "cat", "gone", "label", "pred", "grp"]
            if any(r[c] != "" for r in data)]


def frequent(data, col):
    vals, counts = np.unique([r[col] for r in data if r[col] != ""], return_counts=True)
    order = sorted(range(len(vals)), key=lambda i: (-counts[i], vals[i]))
    return [{"item": str(vals[i]), "count": int(counts[i])} for i in order[:10]]


def quality(data):
    y = np.array([r["label"] for r in data])
    p = np.array([r["pred"] for r in data])
    classes = sorted(set(y) | set(p))
    prec, rec, f1, support = {}, {}, {}, {}
    for c in classes:
        tp = np.sum((y == c) & (p == c))
        pp = np.sum(p == c)
        ap = np.sum(y == c)
        pc = tp / pp if pp else 0.0
        rc = tp / ap if ap else 0.0
        prec[c], rec[c] = float(pc), float(rc)
        f1[c] = float(2 * pc * rc / (pc + rc)) if pc + rc else 0.0
        support[c] = int(ap)
    total = sum(support.values())

    def struct(per):
        return {"macro": float(np.mean(list(per.values()))),
                "weighted": float(sum(per[c] * support[c] for c in classes) / total),
                "per_class": per}
    return {"accuracy_score": float(np.mean(y == p)), "precision": struct(prec),
            "recall": struct(rec), "f1_score": struct(f1)}


def rates(data, c):
    """Precision, false positive rate, true positive rate and positive prediction rate of class c."""
    y = np.array([r["label"] for r in data]) == c
    p = np.array([r["pred"] for r in data]) == c
    tp = np.sum(y & p)
    fp = np.sum(~y & p)
    return {"precision": tp / np.sum(p) if np.sum(p) else np.nan,
            "fpr": fp / np.sum(~y) if np.sum(~y) else np.nan,
            "tpr": tp / np.sum(y) if np.sum(y) else np.nan,
            "ppr": np.sum(p) / len(p)}


def fairness(data, value):
    inside = [r for r in data if r["grp"] == value]
    outside = [r for r in data if r["grp"] != value]
    out = {}
    for name, key in [("predictive_parity", "precision"), ("predictive_equality", "fpr"),
                      ("equal_opportunity", "tpr"), ("statistical_parity", "ppr")]:
        out[name] = {c: float(rates(inside, c)[key] - rates(outside, c)[key]) for c in CLASSES}
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    base = rows(400, "", 0.10, [0.4, 0.3, 0.2, 0.1], True, 0.5)
    day1 = rows(380, "2026-11-01", 0.10, [0.4, 0.3, 0.2, 0.1], True, 0.5)
    day2 = rows(420, "2026-11-02", 0.30, [0.2, 0.3, 0.4, 0.1], False, 0.3)
    write(f"{OUT}/base.csv", base, False)
    write(f"{OUT}/log.csv", day1 + day2, True)
    windows = {"2026-11-01T00:00:00Z": day1, "2026-11-02T00:00:00Z": day2}
    exp = {"windows": {}, "baseline": {}}
    exp["baseline"] = {"percent_zeros": percent_zeros(base), "non_null_columns": non_null(base)}
    prev = None
    for w, d in windows.items():
        e = {
            "rows": len(d),
            "x_quantiles": [float(q) for q in np.quantile(xs(d), LEVELS)],
            "x_sum_sq": float(np.sum(xs(d) ** 2)),
            "x_avg_diff_baseline": float(np.mean(xs(d)) - np.mean(xs(base))),
            "cat_frequent_items": frequent(d, "cat"),
            "non_null_columns": non_null(d),
            "baseline": {
                "percent_zeros_delta": percent_zeros(d) - percent_zeros(base),
                "count_delta": len(d) - len(base),
                "non_null_columns_delta": {
                    "added": len(set(non_null(d)) - set(non_null(base))),
                    "missing": len(set(non_null(base)) - set(non_null(d)))},
            },
            "quality": quality(d),
            "models": {m: quality([r for r in d if r["model"] == m]) for m in ["m1", "m2"]},
            "fairness": {v: fairness(d, v) for v in ["true", "false"]},
        }
        if prev is not None:
            e["consecutive"] = {
                "percent_zeros_delta": percent_zeros(d) - percent_zeros(prev),
                "count_delta": len(d) - len(prev),
                "non_null_columns_delta": {
                    "added": len(set(non_null(d)) - set(non_null(prev))),
                    "missing": len(set(non_null(prev)) - set(non_null(d)))},
            }
        exp["windows"][w] = e
        prev = d
    with open(f"{OUT}/expected.json", "w") as f:
        json.dump(exp, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
