"""Reference values for io.andon.examples.fraud.ClassificationMetrics, from NumPy and SciPy.

Writes src/test/resources/examples/fraud/metrics-fixtures.json of the example module. Run by hand
from examples/fraud-detection:
    python3 src/test/python/fraud_metrics_fixtures.py
ROC AUC is SciPy's Mann-Whitney U of the positive scores over n1 * n0 (ties get average ranks),
the nearest-rank quantile is NumPy's percentile(method="inverted_cdf").
"""
import json
import pathlib

import numpy as np
from scipy import stats

rng = np.random.default_rng(20261128)
cases = []
for name, n, pos_rate, rounding in [
    ("balanced", 200, 0.5, None),
    ("rare_positives", 1000, 0.03, None),
    ("heavy_ties", 300, 0.2, 1),
    ("small", 7, 0.4, 2),
]:
    labels = (rng.random(n) < pos_rate).astype(int)
    if labels.sum() == 0:
        labels[0] = 1
    if labels.sum() == n:
        labels[0] = 0
    scores = rng.beta(2, 5, n) + 0.35 * labels
    scores = np.clip(scores, 0, 1)
    if rounding is not None:
        scores = np.round(scores, rounding)
    threshold = 0.5
    pred = scores >= threshold
    tp = int(np.sum(pred & (labels == 1)))
    fp = int(np.sum(pred & (labels == 0)))
    tn = int(np.sum(~pred & (labels == 0)))
    fn = int(np.sum(~pred & (labels == 1)))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    pos = scores[labels == 1]
    neg = scores[labels == 0]
    u = stats.mannwhitneyu(pos, neg, alternative="two-sided").statistic
    auc = float(u) / (len(pos) * len(neg))
    latencies = rng.lognormal(-3, 1, n)
    cases.append({
        "name": name,
        "scores": scores.tolist(),
        "labels": labels.tolist(),
        "threshold": threshold,
        "accuracy": (tp + tn) / n,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "roc_auc": auc,
        "tp": tp, "fp": fp, "tn": tn, "fn": fn,
        "latencies": latencies.tolist(),
        "p50": float(np.percentile(latencies, 50, method="inverted_cdf")),
        "p99": float(np.percentile(latencies, 99, method="inverted_cdf")),
        "max": float(np.max(latencies)),
    })

out = pathlib.Path(__file__).resolve().parents[1] / "resources/examples/fraud/metrics-fixtures.json"
out.parent.mkdir(parents=True, exist_ok=True)
out.write_text(json.dumps({"generator": "src/test/python/fraud_metrics_fixtures.py", "cases": cases}, indent=1) + "\n")
print("wrote", out)
