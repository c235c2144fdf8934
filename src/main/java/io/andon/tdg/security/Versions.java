package io.andon.tdg.security;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.Optional;
import org.apache.maven.artifact.versioning.ComparableVersion;

/**
 * Version orderings for OSV ranges: ECOSYSTEM ranges of the Maven ecosystem use Maven's own {@link
 * ComparableVersion}, those of PyPI PEP 440 ({@link Pep440}); SEMVER ranges (crates.io's) use
 * Semantic Versioning 2.0 precedence.
 */
final class Versions {
  private Versions() {}

  static final Comparator<String> MAVEN =
      (a, b) -> new ComparableVersion(a).compareTo(new ComparableVersion(b));

  static final Comparator<String> SEMVER = Versions::compareSemver;

  /**
   * PEP 440 order; a version that is not PEP 440 (pip calls it legacy) sorts below every valid one,
   * and such versions among themselves as strings.
   */
  static final Comparator<String> PEP440 =
      (a, b) -> {
        Optional<Pep440> x = Pep440.parse(a);
        Optional<Pep440> y = Pep440.parse(b);
        if (x.isPresent() && y.isPresent()) {
          return x.get().compareTo(y.get());
        }
        return x.isPresent() == y.isPresent() ? a.compareTo(b) : (x.isPresent() ? 1 : -1);
      };

  private static int compareSemver(String a, String b) {
    String[] pa = splitSemver(a);
    String[] pb = splitSemver(b);
    String[] ca = pa[0].split("\\.");
    String[] cb = pb[0].split("\\.");
    for (int i = 0; i < Math.max(ca.length, cb.length); i++) {
      BigInteger x = i < ca.length ? number(ca[i]) : BigInteger.ZERO;
      BigInteger y = i < cb.length ? number(cb[i]) : BigInteger.ZERO;
      int c = x.compareTo(y);
      if (c != 0) {
        return c;
      }
    }
    // a version without pre-release ranks above the same version with one
    if (pa[1].isEmpty() || pb[1].isEmpty()) {
      return pa[1].isEmpty() == pb[1].isEmpty() ? 0 : (pa[1].isEmpty() ? 1 : -1);
    }
    String[] ia = pa[1].split("\\.");
    String[] ib = pb[1].split("\\.");
    for (int i = 0; i < Math.min(ia.length, ib.length); i++) {
      boolean na = ia[i].matches("\\d+");
      boolean nb = ib[i].matches("\\d+");
      int c;
      if (na && nb) {
        c = new BigInteger(ia[i]).compareTo(new BigInteger(ib[i]));
      } else if (na || nb) {
        c = na ? -1 : 1; // numeric identifiers rank below alphanumeric ones
      } else {
        c = ia[i].compareTo(ib[i]);
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(ia.length, ib.length);
  }

  private static String[] splitSemver(String v) {
    String s = v.strip();
    if (s.startsWith("v")) {
      s = s.substring(1);
    }
    int plus = s.indexOf('+');
    if (plus >= 0) {
      s = s.substring(0, plus);
    }
    int dash = s.indexOf('-');
    return dash >= 0
        ? new String[] {s.substring(0, dash), s.substring(dash + 1)}
        : new String[] {s, ""};
  }

  private static BigInteger number(String s) {
    String digits = s.replaceAll("\\D.*", "");
    return digits.isEmpty() ? BigInteger.ZERO : new BigInteger(digits);
  }
}
