"""The peer: the drift script a data scientist would write with NumPy and SciPy.

Per numeric column: PSI on baseline deciles (np.quantile + np.histogram), scipy.stats.ks_2samp,
scipy.stats.wasserstein_distance (raw and normalised by the baseline's std), JS distance.
Reads CSV with np.loadtxt (pandas and pyarrow are not installable here, so Parquet is not read).

    python3 bench/monitor/peer_numpy.py BASELINE.csv CURRENT.csv
"""
import sys
import time
import numpy as np
from scipy import stats
from scipy.spatial import distance

t0 = time.perf_counter()
c0 = time.process_time()
base = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1)
cur = np.loadtxt(sys.argv[2], delimiter=",", skiprows=1)
t1 = time.perf_counter()
c1 = time.process_time()
drifted = 0
for c in range(base.shape[1]):
    a = base[:, c]
    b = cur[:, c]
    a = a[~np.isnan(a)]
    b = b[~np.isnan(b)]
    edges = np.unique(np.quantile(a, np.linspace(0, 1, 11)))
    edges[0], edges[-1] = -np.inf, np.inf
    pa = np.histogram(a, edges)[0] / len(a)
    pb = np.histogram(b, edges)[0] / len(b)
    fa = np.where(pa == 0, 1e-4, pa)
    fb = np.where(pb == 0, 1e-4, pb)
    psi = np.sum((fb - fa) * np.log(fb / fa))
    js = distance.jensenshannon(pa, pb, base=2)
    ks = stats.ks_2samp(a, b)
    w = stats.wasserstein_distance(a, b)
    wn = w / np.std(a)
    if (psi >= 0.25 or wn >= 0.25 or js >= 0.2) and ks.pvalue < 0.01:
        drifted += 1
t2 = time.perf_counter()
c2 = time.process_time()
print(f"peer: read {t1 - t0:.2f}s compute {t2 - t1:.2f}s total {t2 - t0:.2f}s"
      f" drifted {drifted}/{base.shape[1]}; CPU: read {c1 - c0:.2f}s compute {c2 - c1:.2f}s")
