#!/usr/bin/env python3
"""Writes the fixtures of andon's chunked methods (CBPE, DLE, PCA reconstruction, domain
classifier, thresholds from reference chunks), computed independently with scikit-learn.

Usage: python3 src/test/python/make_nanny_fixtures.py src/test/resources/monitor/nanny

Two generated data sets, each a reference (the monitor's baseline, 4,000 rows) and an analysis
table (2,000 rows), cut into chunks of 250 rows:
- classification: features x1, x2 (x2 follows x1), x3, category c; label y; the model's
  probability p (overconfident, so calibration matters) and prediction yhat = p >= 0.5. From the
  fifth analysis chunk on (row 1000), x2 no longer follows x1 (the correlation breaks: only
  multivariate methods see it), x1 shrinks towards the decision boundary (so the expected
  accuracy falls) and x3 moves.
- regression: features x1, x2, category c; target y whose noise grows with x2; prediction yhat.
  From the fifth analysis chunk on, x2 moves up, so the errors grow.

Needs numpy and scikit-learn (Debian: python3-sklearn). The test suite reads the stored output.
"""
import csv
import json
import os
import sys

import numpy as np
from sklearn.decomposition import PCA
from sklearn.isotonic import IsotonicRegression
from sklearn.metrics import (accuracy_score, auc, f1_score, precision_score, recall_score,
                             roc_auc_score)
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor
from sklearn.preprocessing import OneHotEncoder, StandardScaler

CHUNK = 250
ROWS = 2000
REFERENCE_ROWS = 4000
DRIFT_ROW = 1000
STD = 3.0
DLE_K = 25
DC_K = 25
DC_FOLDS = 5
PCA_VARIANCE = 0.65
CATS = ["a", "b", "c"]


def classification(rng, n, drift):
    x1 = rng.normal(0, 1, n)
    x2 = x1 + rng.normal(0, 0.4, n)
    x3 = rng.normal(0, 1, n)
    c = rng.choice(CATS, n, p=[0.5, 0.3, 0.2])
    if drift:
        d = np.arange(n) >= DRIFT_ROW
        x2 = np.where(d, rng.normal(0, np.sqrt(1.16), n), x2)
        x1 = np.where(d, 0.3 * x1, x1)
        x3 = np.where(d, x3 + 1.5, x3)
    cshift = np.select([c == "a", c == "b"], [0.0, 0.5], -0.5)
    logit = 1.2 * x1 - 0.8 * x3 + cshift
    y = (rng.uniform(0, 1, n) < 1 / (1 + np.exp(-logit))).astype(int)
    # the model saw x3 only weakly and is overconfident
    model_logit = 1.8 * (1.2 * x1 - 0.2 * x3 + cshift)
    p = 1 / (1 + np.exp(-model_logit))
    yhat = (p >= 0.5).astype(int)
    return {"x1": x1, "x2": x2, "x3": x3, "c": c, "y": y, "p": p, "yhat": yhat}


def regression(rng, n, drift):
    x1 = rng.normal(0, 1, n)
    x2 = rng.uniform(0, 1, n)
    c = rng.choice(CATS, n, p=[0.4, 0.4, 0.2])
    if drift:
        x2 = np.where(np.arange(n) >= DRIFT_ROW, x2 + 1.0, x2)
    cshift = np.select([c == "a", c == "b"], [0.0, 1.0], 2.0)
    yhat = 3 * x1 + cshift
    y = yhat + rng.normal(0, 1, n) * (0.2 + 1.5 * x2)
    return {"x1": x1, "x2": x2, "c": c, "y": y, "yhat": yhat}


def write_csv(path, cols, start):
    names = list(cols)
    n = len(cols[names[0]])
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["ts"] + names)
        for i in range(n):
            ts = np.datetime64(start) + np.timedelta64(i, "m")
            row = [str(ts).replace("T", " ")]
            for k in names:
                v = cols[k][i]
                row.append(repr(float(v)) if isinstance(v, (float, np.floating)) else str(v))
            w.writerow(row)


def chunks(n):
    """Size-based chunks, incomplete last chunk kept (none here: 2,000 / 250)."""
    return [(s, min(s + CHUNK, n)) for s in range(0, n, CHUNK)]


def threshold(values, lo=None, hi=None):
    m = float(np.mean(values))
    s = float(np.std(values))  # ddof 0, as NannyML
    lower, upper = m - STD * s, m + STD * s
    if lo is not None:
        lower = max(lower, lo)
    if hi is not None:
        upper = min(upper, hi)
    return {"lower": lower, "upper": upper}


def design(ref, frame, numeric, categorical):
    """One-hot categories of the reference, then every column standardized on the reference."""
    enc = OneHotEncoder(categories=[sorted(set(ref[c])) for c in categorical],
                        handle_unknown="ignore", sparse_output=False)
    enc.fit(np.column_stack([ref[c] for c in categorical]))

    def raw(d):
        return np.column_stack([np.column_stack([d[c] for c in numeric]),
                                enc.transform(np.column_stack([d[c] for c in categorical]))])

    scaler = StandardScaler().fit(raw(ref))
    return scaler.transform(raw(frame))


def estimated_roc_auc(p):
    """NannyML's estimate_roc_auc, written from the published method."""
    thresholds = np.sort(p)
    one_min = 1 - thresholds
    tp = np.cumsum(thresholds[::-1])[::-1]
    fp = np.cumsum(one_min[::-1])[::-1]
    fn = np.cumsum(np.insert(thresholds, 0, 0)[:-1])
    tn = np.cumsum(np.insert(one_min, 0, 0)[:-1])
    keep = np.diff(np.insert(thresholds, 0, -1)).astype(bool)
    tp, fp, fn, tn = tp[keep], fp[keep], fn[keep], tn[keep]
    return float(auc(fp / (fp + tn), tp / (tp + fn)))


def cbpe(ref, ana):
    iso = IsotonicRegression(out_of_bounds="clip").fit(ref["p"], ref["y"])
    y, yhat = ref["y"], ref["yhat"]
    n_ref = len(y)
    correct = (y == yhat).astype(float)
    prec_obs = y[yhat == 1].astype(float)
    rec_obs = yhat[y == 1].astype(float)
    f1_obs = np.concatenate([np.ones(int(np.sum((y == 1) & (yhat == 1)))),
                             np.zeros(int(np.sum(y != yhat)))])
    order = np.argsort(ref["p"], kind="stable")
    ys = y[order]
    ps = ref["p"][order]
    negatives = len(ys) - ys.sum()
    placements = np.array([(np.sum(ps[ys == 0] < ps[i]) + 0.5 * np.sum(ps[ys == 0] == ps[i]))
                           / negatives for i in range(len(ys)) if ys[i] == 1])
    components = {
        "accuracy": (np.std(correct), 1.0),
        "precision": (np.std(prec_obs), len(prec_obs) / n_ref),
        "recall": (np.std(rec_obs), len(rec_obs) / n_ref),
        "f1": (np.std(f1_obs), len(f1_obs) / n_ref),
        "roc_auc": (np.std(placements), ys.sum() / n_ref),
    }
    realized = {m: [] for m in components}
    for s, e in chunks(n_ref):
        yt, yp, pp = y[s:e], yhat[s:e], ref["p"][s:e]
        realized["accuracy"].append(accuracy_score(yt, yp))
        realized["precision"].append(precision_score(yt, yp))
        realized["recall"].append(recall_score(yt, yp))
        realized["f1"].append(f1_score(yt, yp))
        realized["roc_auc"].append(roc_auc_score(yt, pp))
    thresholds = {m: threshold(v, 0.0, 1.0) for m, v in realized.items()}
    out = []
    for s, e in chunks(len(ana["p"])):
        q = iso.predict(ana["p"][s:e])
        yp = ana["yhat"][s:e]
        n = e - s
        tp = float(np.sum(np.where(yp == 1, q, 0)))
        fp = float(np.sum(np.where(yp == 1, 1 - q, 0)))
        fn = float(np.sum(np.where(yp == 0, q, 0)))
        tn = float(np.sum(np.where(yp == 0, 1 - q, 0)))
        est = {
            "accuracy": (tp + tn) / n,
            "precision": tp / (tp + fp),
            "recall": tp / (tp + fn),
            "f1": tp / (tp + 0.5 * (fp + fn)),
            "roc_auc": estimated_roc_auc(q),
        }
        row = {"start": s, "end": e, "metrics": {}}
        for m, v in est.items():
            std, frac = components[m]
            se = float(std / np.sqrt(n * frac))
            t = thresholds[m]
            row["metrics"][m] = {
                "value": v,
                "sampling_error": se,
                "lower_confidence": max(0.0, v - 3 * se),
                "upper_confidence": min(1.0, v + 3 * se),
                "alert": bool(v < t["lower"] or v > t["upper"]),
            }
        out.append(row)
    return {"reference_realized": realized, "thresholds": thresholds, "analysis": out}


def dle(ref, ana):
    numeric, categorical = ["x1", "x2", "yhat"], ["c"]
    xr = design(ref, ref, numeric, categorical)
    xa = design(ref, ana, numeric, categorical)
    err = ref["y"] - ref["yhat"]
    abs_model = KNeighborsRegressor(n_neighbors=DLE_K, algorithm="brute").fit(xr, np.abs(err))
    sq_model = KNeighborsRegressor(n_neighbors=DLE_K, algorithm="brute").fit(xr, err ** 2)
    realized = {"mae": [], "mse": []}
    for s, e in chunks(len(err)):
        realized["mae"].append(float(np.mean(np.abs(err[s:e]))))
        realized["mse"].append(float(np.mean(err[s:e] ** 2)))
    thresholds = {m: threshold(v, 0.0) for m, v in realized.items()}
    std = {"mae": float(np.std(np.abs(err))), "mse": float(np.std(err ** 2))}
    abs_pred = abs_model.predict(xa)
    sq_pred = sq_model.predict(xa)
    out = []
    for s, e in chunks(len(xa)):
        n = e - s
        est = {"mae": float(np.mean(abs_pred[s:e])), "mse": float(np.mean(sq_pred[s:e]))}
        row = {"start": s, "end": e, "metrics": {}}
        for m, v in est.items():
            se = std[m] / np.sqrt(n)
            t = thresholds[m]
            row["metrics"][m] = {
                "value": v,
                "sampling_error": float(se),
                "lower_confidence": max(0.0, v - 3 * se),
                "upper_confidence": v + 3 * se,
                "alert": bool(v < t["lower"] or v > t["upper"]),
            }
        out.append(row)
    return {"reference_realized": realized, "thresholds": thresholds, "analysis": out}


def pca_reconstruction(ref, ana, numeric, categorical):
    zr = design(ref, ref, numeric, categorical)
    za = design(ref, ana, numeric, categorical)
    pca = PCA(n_components=PCA_VARIANCE, svd_solver="full").fit(zr)

    def errors(z):
        return np.linalg.norm(z - pca.inverse_transform(pca.transform(z)), axis=1)

    er, ea = errors(zr), errors(za)
    ref_values = [float(np.mean(er[s:e])) for s, e in chunks(len(er))]
    t = threshold(ref_values, 0.0)
    std = float(np.std(er))
    out = []
    for s, e in chunks(len(ea)):
        v = float(np.mean(ea[s:e]))
        se = std / np.sqrt(e - s)
        out.append({"start": s, "end": e, "value": v, "sampling_error": float(se),
                    "alert": bool(v < t["lower"] or v > t["upper"])})
    return {"components": int(pca.n_components_), "reference_values": ref_values,
            "threshold": t, "analysis": out}


def folds(n):
    return np.arange(n) % DC_FOLDS


def cv_auc(x0, x1):
    """Reference (class 0) against a chunk (class 1): pooled out-of-fold AUC of a k-NN."""
    x = np.vstack([x0, x1])
    y = np.concatenate([np.zeros(len(x0)), np.ones(len(x1))])
    f = np.concatenate([folds(len(x0)), folds(len(x1))])
    scores = np.zeros(len(x))
    for k in range(DC_FOLDS):
        model = KNeighborsClassifier(n_neighbors=DC_K, algorithm="brute")
        model.fit(x[f != k], y[f != k])
        scores[f == k] = model.predict_proba(x[f == k])[:, 1]
    return float(roc_auc_score(y, scores))


def domain_classifier(ref, ana, numeric, categorical):
    zr = design(ref, ref, numeric, categorical)
    za = design(ref, ana, numeric, categorical)
    ref_values = []
    for s, e in chunks(len(zr)):
        rest = np.concatenate([np.arange(0, s), np.arange(e, len(zr))])
        ref_values.append(cv_auc(zr[rest], zr[s:e]))
    t = threshold(ref_values, 0.0, 1.0)
    out = []
    for s, e in chunks(len(za)):
        v = cv_auc(zr, za[s:e])
        out.append({"start": s, "end": e, "value": v,
                    "alert": bool(v < t["lower"] or v > t["upper"])})
    return {"reference_values": ref_values, "threshold": t, "analysis": out}


def psi(base, cur, bins=10):
    inner = np.unique(np.quantile(base, np.arange(1, bins) / bins))
    kb = np.bincount(np.searchsorted(inner, base, side="right"), minlength=len(inner) + 1)
    kc = np.bincount(np.searchsorted(inner, cur, side="right"), minlength=len(inner) + 1)
    fb = np.where(kb == 0, 1e-4, kb / kb.sum())
    fc = np.where(kc == 0, 1e-4, kc / kc.sum())
    return float(np.sum((fc - fb) * np.log(fc / fb)))


def reference_thresholds(ref, ana, column):
    """PSI of each reference chunk against the whole reference; mean +/- 3 std."""
    values = [psi(ref[column], ref[column][s:e]) for s, e in chunks(len(ref[column]))]
    t = threshold(values, 0.0)
    analysis = [psi(ref[column], ana[column][s:e]) for s, e in chunks(len(ana[column]))]
    return {"column": column, "reference_values": values, "threshold": t,
            "analysis": [{"start": s, "end": e, "value": v,
                          "alert": bool(v > t["upper"])}
                         for (s, e), v in zip(chunks(len(ana[column])), analysis)]}


def main(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    rng = np.random.default_rng(20261206)
    cref = classification(rng, REFERENCE_ROWS, False)
    cana = classification(rng, ROWS, True)
    rref = regression(rng, REFERENCE_ROWS, False)
    rana = regression(rng, ROWS, True)
    write_csv(os.path.join(out_dir, "classification_reference.csv"), cref, "2026-01-01")
    write_csv(os.path.join(out_dir, "classification_analysis.csv"), cana, "2026-02-01")
    write_csv(os.path.join(out_dir, "regression_reference.csv"), rref, "2026-01-01")
    write_csv(os.path.join(out_dir, "regression_analysis.csv"), rana, "2026-02-01")
    features = (["x1", "x2", "x3"], ["c"])
    expected = {
        "chunk_size": CHUNK,
        "drift_row": DRIFT_ROW,
        "cbpe": cbpe(cref, cana),
        "dle": dle(rref, rana),
        "pca_reconstruction": pca_reconstruction(cref, cana, *features),
        "domain_classifier": domain_classifier(cref, cana, *features),
        "reference_thresholds": reference_thresholds(cref, cana, "x3"),
    }
    with open(os.path.join(out_dir, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
