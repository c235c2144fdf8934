package io.andon.monitor.stats;

/**
 * The distribution of the two-sided one-sample Kolmogorov-Smirnov statistic D_n (SciPy's {@code
 * kstwo}), used for the asymptotic p-value of the two-sample test. Follows Simard and L'Ecuyer
 * (2011), "Computing the Two-Sided Kolmogorov-Smirnov Distribution", with the same choice of
 * algorithm by region as SciPy's {@code scipy.stats._ksstats._kolmogn}: Ruben-Gambino near the
 * ends, Durbin's matrix (Marsaglia-Tsang-Wang), Pomeranz's recursion, the Pelz-Good expansion, and
 * twice the one-sided Smirnov tail where the two tails cannot overlap.
 */
public final class KolmogorovDistribution {
  private static final int E128 = 128;
  private static final double EP128 = Math.scalb(1.0, E128);
  private static final double EM128 = Math.scalb(1.0, -E128);
  private static final double SQRT2PI = Math.sqrt(2 * Math.PI);
  private static final double LOG_2PI = Math.log(2 * Math.PI);
  private static final double MIN_LOG = -708;
  private static final double PI2 = Math.PI * Math.PI;
  private static final double PI4 = PI2 * PI2;
  private static final double PI6 = PI4 * PI2;
  private static final double[] STIRLING = {
    -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3,
    8.4175084175084175084e-4, -5.952380952380952381e-4, 7.9365079365079365079e-4,
    -2.7777777777777777778e-3, 8.3333333333333333333e-2
  };

  private KolmogorovDistribution() {}

  /** Pr(D_n &gt; x): the survival function of the two-sided statistic for a sample of size n. */
  public static double sf(long n, double x) {
    if (n <= 0) {
      throw new IllegalArgumentException("n must be positive, got " + n);
    }
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    if (x >= 1.0) {
      return 0.0;
    }
    if (x <= 0.0) {
      return 1.0;
    }
    double t = n * x;
    if (t <= 1.0) {
      if (t <= 0.5) {
        return 1.0;
      }
      double prob;
      if (n <= 140) {
        prob = 1.0;
        for (long i = 1; i <= n; i++) {
          prob *= i * (1.0 / n) * (2 * t - 1);
        }
      } else {
        prob = Math.exp(logNFactorialDivNPowN(n) + n * Math.log(2 * t - 1));
      }
      return clip(1.0 - prob);
    }
    if (t >= n - 1) {
      return clip(2 * Math.pow(1.0 - x, n));
    }
    if (x >= 0.5) {
      return clip(2 * Smirnov.sf(n, x));
    }
    double nxsquared = t * x;
    if (n <= 140) {
      if (nxsquared <= 0.754693) {
        return clip(1.0 - durbinMatrixCdf((int) n, x));
      }
      if (nxsquared <= 4) {
        return clip(1.0 - pomeranzCdf((int) n, x));
      }
      return clip(2 * Smirnov.sf(n, x));
    }
    if (nxsquared >= 370.0) {
      return 0.0;
    }
    if (nxsquared >= 2.2) {
      return clip(2 * Smirnov.sf(n, x));
    }
    double cdf;
    if (nxsquared >= 18.0) {
      cdf = 1.0;
    } else if (n <= 100000 && n * Math.pow(x, 1.5) <= 1.4) {
      cdf = durbinMatrixCdf((int) n, x);
    } else {
      cdf = pelzGoodCdf(n, x);
    }
    return clip(1.0 - cdf);
  }

  private static double clip(double p) {
    return Math.max(0.0, Math.min(1.0, p));
  }

  private static double logNFactorialDivNPowN(long n) {
    double rn = 1.0 / n;
    double y = rn / n;
    double poly = 0;
    for (double c : STIRLING) {
      poly = poly * y + c;
    }
    return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
  }

  /** Pr(D_n &lt;= d) by Durbin's matrix, as Marsaglia, Tsang and Wang (2003) compute it. */
  static double durbinMatrixCdf(int n, double d) {
    if (d >= 1.0) {
      return 1.0;
    }
    double nd = n * d;
    if (nd <= 0.5) {
      return 0.0;
    }
    int k = (int) Math.ceil(nd);
    double h = k - nd;
    int m = 2 * k - 1;
    double[][] hm = new double[m][m];
    double[] v = new double[m];
    double[] w = new double[m];
    double fac = 1.0;
    for (int j = 1; j <= m; j++) {
      v[j - 1] = 1.0 - Math.pow(h, j);
      w[j - 1] = fac;
      fac /= j;
      v[j - 1] *= fac;
    }
    double tt = Math.pow(Math.max(2 * h - 1.0, 0), m) - 2 * Math.pow(h, m);
    v[m - 1] = (1.0 + tt) * fac;
    for (int i = 1; i < m; i++) {
      for (int r = i - 1; r < m; r++) {
        hm[r][i] = w[r - (i - 1)];
      }
    }
    for (int r = 0; r < m; r++) {
      hm[r][0] = v[r];
    }
    for (int c = 0; c < m; c++) {
      hm[m - 1][c] = v[m - 1 - c];
    }
    double[][] pwr = new double[m][m];
    for (int i = 0; i < m; i++) {
      pwr[i][i] = 1.0;
    }
    int nn = n;
    int expnt = 0;
    int hexpnt = 0;
    while (nn > 0) {
      if (nn % 2 == 1) {
        pwr = multiply(pwr, hm);
        expnt += hexpnt;
      }
      hm = multiply(hm, hm);
      hexpnt *= 2;
      if (Math.abs(hm[k - 1][k - 1]) > EP128) {
        for (double[] row : hm) {
          for (int c = 0; c < m; c++) {
            row[c] /= EP128;
          }
        }
        hexpnt += E128;
      }
      nn /= 2;
    }
    double p = pwr[k - 1][k - 1];
    for (int i = 1; i <= n; i++) {
      p = i * p / n;
      if (Math.abs(p) < EM128) {
        p *= EP128;
        expnt -= E128;
      }
    }
    if (expnt != 0) {
      p = Math.scalb(p, expnt);
    }
    return clip(p);
  }

  private static double[][] multiply(double[][] a, double[][] b) {
    int m = a.length;
    double[][] c = new double[m][m];
    for (int i = 0; i < m; i++) {
      double[] ci = c[i];
      for (int l = 0; l < m; l++) {
        double ail = a[i][l];
        if (ail == 0.0) {
          continue;
        }
        double[] bl = b[l];
        for (int j = 0; j < m; j++) {
          ci[j] += ail * bl[j];
        }
      }
    }
    return c;
  }

  private static int[] pomeranzJ1J2(int i, int n, int ll, int ceilf, int roundf) {
    int j1;
    int j2;
    if (i == 0) {
      j1 = -ll - ceilf - 1;
      j2 = ll + ceilf - 1;
    } else {
      int ip1div2 = (i + 1) / 2;
      int ip1mod2 = (i + 1) % 2;
      if (ip1mod2 == 0) {
        if (ip1div2 == n + 1) {
          j1 = n - ll - ceilf - 1;
          j2 = n + ll + ceilf - 1;
        } else {
          j1 = ip1div2 - 1 - ll - roundf - 1;
          j2 = ip1div2 + ll - 1 + ceilf - 1;
        }
      } else {
        j1 = ip1div2 - 1 - ll - 1;
        j2 = ip1div2 + ll + roundf - 1;
      }
    }
    return new int[] {Math.max(j1 + 2, 0), Math.min(j2, n)};
  }

  /** Pr(D_n &lt;= x) by Pomeranz's (1974) recursion. */
  static double pomeranzCdf(int n, double x) {
    double t = n * x;
    int ll = (int) Math.floor(t);
    double f = t - ll;
    double g = Math.min(f, 1.0 - f);
    int ceilf = f > 0 ? 1 : 0;
    int roundf = f > 0.5 ? 1 : 0;
    int npwrs = 2 * (ll + 1);
    double[] gpower = new double[npwrs];
    double[] twogpower = new double[npwrs];
    double[] onem2gpower = new double[npwrs];
    gpower[0] = 1.0;
    twogpower[0] = 1.0;
    onem2gpower[0] = 1.0;
    int expnt = 0;
    double gOverN = g / n;
    double twoGOverN = 2 * g / n;
    double oneMinusTwoGOverN = (1 - 2 * g) / n;
    for (int m = 1; m < npwrs; m++) {
      gpower[m] = gpower[m - 1] * gOverN / m;
      twogpower[m] = twogpower[m - 1] * twoGOverN / m;
      onem2gpower[m] = onem2gpower[m - 1] * oneMinusTwoGOverN / m;
    }
    double[] v0 = new double[npwrs];
    double[] v1 = new double[npwrs];
    v1[0] = 1;
    int v0s = 0;
    int v1s = 0;
    int[] jj = pomeranzJ1J2(0, n, ll, ceilf, roundf);
    int j1 = jj[0];
    int j2;
    for (int i = 1; i < 2 * n + 2; i++) {
      int k1 = j1;
      double[] tmp = v0;
      v0 = v1;
      v1 = tmp;
      int tmps = v0s;
      v0s = v1s;
      v1s = tmps;
      java.util.Arrays.fill(v1, 0.0);
      jj = pomeranzJ1J2(i, n, ll, ceilf, roundf);
      j1 = jj[0];
      j2 = jj[1];
      double[] pwrs;
      if (i == 1 || i == 2 * n + 1) {
        pwrs = gpower;
      } else {
        pwrs = i % 2 == 1 ? twogpower : onem2gpower;
      }
      int ln2 = j2 - k1 + 1;
      if (ln2 > 0) {
        int convStart = j1 - k1;
        int convLen = j2 - j1 + 1;
        int base = k1 - v0s;
        int lenA = Math.max(0, Math.min(ln2, v0.length - base));
        int lenB = Math.min(ln2, pwrs.length);
        double max = 0;
        for (int c = 0; c < convLen; c++) {
          int idx = convStart + c;
          double s = 0;
          for (int a = Math.max(0, idx - (lenB - 1)); a <= Math.min(idx, lenA - 1); a++) {
            s += v0[base + a] * pwrs[idx - a];
          }
          v1[c] = s;
          max = Math.max(max, s);
        }
        if (0 < max && max < EM128) {
          for (int c = 0; c < v1.length; c++) {
            v1[c] *= EP128;
          }
          expnt -= E128;
        }
        v1s = v0s + j1 - k1;
      }
    }
    double ans = v1[n - v1s];
    for (int m = 1; m <= n; m++) {
      if (Math.abs(ans) > EP128) {
        ans *= EM128;
        expnt += E128;
      }
      ans *= m;
    }
    if (expnt != 0) {
      ans = Math.scalb(ans, expnt);
    }
    return clip(ans);
  }

  /** The Pelz-Good (1976) approximation to Pr(D_n &lt;= x). */
  static double pelzGoodCdf(long n, double x) {
    if (x <= 0.0) {
      return 0.0;
    }
    if (x >= 1.0) {
      return 1.0;
    }
    double z = Math.sqrt((double) n) * x;
    double z2 = z * z;
    double z3 = z2 * z;
    double z4 = z2 * z2;
    double z6 = z4 * z2;
    double qlog = -PI2 / 8 / z2;
    if (qlog < MIN_LOG) {
      return 0.0;
    }
    double q = Math.exp(qlog);
    double k1a = -z2;
    double k1b = PI2 / 4;
    double k2a = 6 * z6 + 2 * z4;
    double k2b = (2 * z4 - 5 * z2) * PI2 / 4;
    double k2c = PI4 * (1 - 2 * z2) / 16;
    double k3d = PI6 * (5 - 30 * z2) / 64;
    double k3c = PI4 * (-60 * z2 + 212 * z4) / 16;
    double k3b = PI2 * (135 * z4 - 96 * z6) / 4;
    double k3a = -30 * z6 - 90 * Math.pow(z, 8);
    double[] k = new double[4];
    int maxk = (int) Math.ceil(16 * z / Math.PI);
    for (int kk = maxk; kk > 0; kk--) {
      double m = 2 * kk - 1;
      double m2 = m * m;
      double m4 = m2 * m2;
      double m6 = m4 * m2;
      double qpower = Math.pow(q, 8 * kk);
      double[] coeffs = {
        1.0, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6
      };
      for (int i = 0; i < 4; i++) {
        k[i] = k[i] * qpower + coeffs[i];
      }
    }
    double[] div = {z, 6 * z4, 72 * Math.pow(z, 7), 6480 * Math.pow(z, 10)};
    for (int i = 0; i < 4; i++) {
      k[i] = k[i] * q * SQRT2PI / div[i];
    }
    double q2 = Math.exp(-PI2 / 2 / z2);
    double sqrt3z = Math.sqrt(3) * z;
    double k2extra = 0;
    double k3extra = 0;
    for (int kk = maxk; kk > 0; kk--) {
      double ksq = (double) kk * kk;
      double qp = Math.pow(q2, ksq);
      double kspi = Math.PI * kk;
      k2extra += ksq * qp;
      k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ksq * qp;
    }
    k[2] += k2extra * PI2 * SQRT2PI / (-36 * z3);
    k[3] += k3extra * PI2 * SQRT2PI / (216 * z6);
    double sum = 0;
    for (int i = 0; i < 4; i++) {
      sum += k[i] / Math.pow((double) n, i / 2.0);
    }
    return sum;
  }
}
