package io.andon.monitor.stats;

/**
 * The one-sided Kolmogorov-Smirnov (Smirnov) tail Pr(D+_n &gt;= d), by the Birnbaum-Tingey (1951)
 * sum of positive terms A_v, v = 0 .. floor(n(1-d)). The terms span hundreds of orders of magnitude
 * and their logarithms reach n, so each is reached from the previous one by the log of their ratio,
 * which needs only log1p of small numbers: the running logarithm (kept with Kahan summation) stays
 * accurate to about 1e-13 where a direct evaluation would lose 1e-9. Above n = 1,000,000 the tail
 * is approximated by exp(-(6nd+1)^2 / 18n), as SciPy's cephes {@code smirnov} does.
 */
final class Smirnov {
  static final long MAX_COMPUTE_N = 1_000_000;

  private Smirnov() {}

  static double sf(long n, double d) {
    if (Double.isNaN(d)) {
      return Double.NaN;
    }
    if (d <= 0) {
      return 1.0;
    }
    if (d >= 1) {
      return 0.0;
    }
    if (n > MAX_COMPUTE_N) {
      double logp = -Math.pow(6.0 * n * d + 1, 2) / 18.0 / n;
      return logp < -Math.log(2) ? Math.exp(logp) : 1 - (-Math.expm1(logp));
    }
    double nd = n * d;
    long vmax = (long) Math.floor(n - nd);
    double logA = n * Math.log1p(-d);
    double comp = 0.0;
    double maxLog = logA;
    double sum = 1.0;
    for (long v = 0; v < vmax; v++) {
      double denomA = n - nd - v;
      if (denomA - 1 <= 0) {
        break;
      }
      double step =
          Math.log((n - v) * (nd + v + 1) / ((v + 1) * denomA))
              + (v - 1) * Math.log1p(1.0 / (nd + v))
              + (n - v - 1) * Math.log1p(-1.0 / denomA);
      double y = step - comp;
      double t = logA + y;
      comp = (t - logA) - y;
      logA = t;
      if (logA > maxLog) {
        sum = sum * Math.exp(maxLog - logA) + 1.0;
        maxLog = logA;
      } else {
        sum += Math.exp(logA - maxLog);
        if (step < 0 && logA < maxLog - 60) {
          break;
        }
      }
    }
    return Math.min(1.0, Math.exp(maxLog + Math.log(sum)));
  }
}
