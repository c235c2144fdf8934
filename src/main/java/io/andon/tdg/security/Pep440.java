package io.andon.tdg.security;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Python package version as PEP 440 defines it, ordered as PEP 440 orders versions: epoch, then
 * the release (trailing zeros ignored, so {@code 1.0 == 1.0.0}), then a development release of the
 * release before its pre-releases, pre-releases ({@code a < b < rc}) before the release,
 * post-releases after it, each phase's development release before that phase, and a local label
 * after the public version it decorates ({@code 1.0 < 1.0+abc < 1.0+5}). Alternative spellings are
 * normalised as the PEP says: {@code alpha}, {@code beta}, {@code c}/{@code pre}/{@code preview},
 * {@code rev}/{@code r}, {@code 1.0-1} for {@code 1.0.post1}, a leading {@code v}.
 *
 * @param epoch the epoch ({@code 1!2.0}), 0 when absent
 * @param release the release numbers as written (zeros kept, for prefix matching)
 * @param pre {@code a}, {@code b} or {@code rc} with its number; empty when not a pre-release
 * @param post the post-release number; empty when not a post-release
 * @param dev the development release number; empty when not a development release
 * @param local the local label's segments ({@code +ubuntu.1}); empty when none
 */
public record Pep440(
    BigInteger epoch,
    List<BigInteger> release,
    Optional<Pre> pre,
    Optional<BigInteger> post,
    Optional<BigInteger> dev,
    List<String> local)
    implements Comparable<Pep440> {

  /** A pre-release phase and number: {@code a1}, {@code b2}, {@code rc3}. */
  public record Pre(String phase, BigInteger number) {}

  // the version grammar of PEP 440's appendix B, as the `packaging` library writes it
  private static final Pattern VERSION =
      Pattern.compile(
          "v?(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\\.[0-9]+)*)"
              + "(?<pre>[-_.]?(?<prel>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<pren>[0-9]+)?)?"
              + "(?<post>(?:-(?<postn1>[0-9]+))"
              + "|(?:[-_.]?(?<postl>post|rev|r)[-_.]?(?<postn2>[0-9]+)?))?"
              + "(?<dev>[-_.]?(?<devl>dev)[-_.]?(?<devn>[0-9]+)?)?"
              + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?",
          Pattern.CASE_INSENSITIVE);

  public Pep440 {
    release = List.copyOf(release);
    local = List.copyOf(local);
  }

  /** Parses a version; empty when it is not a PEP 440 version. */
  public static Optional<Pep440> parse(String text) {
    Matcher m = VERSION.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    BigInteger epoch = number(m.group("epoch"));
    List<BigInteger> release = new ArrayList<>();
    for (String part : m.group("release").split("\\.")) {
      release.add(new BigInteger(part));
    }
    Optional<Pre> pre = Optional.empty();
    if (m.group("pre") != null) {
      String phase =
          switch (m.group("prel").toLowerCase(Locale.ROOT)) {
            case "alpha", "a" -> "a";
            case "beta", "b" -> "b";
            default -> "rc";
          };
      pre = Optional.of(new Pre(phase, number(m.group("pren"))));
    }
    Optional<BigInteger> post = Optional.empty();
    if (m.group("post") != null) {
      post = Optional.of(number(m.group("postn1") != null ? m.group("postn1") : m.group("postn2")));
    }
    Optional<BigInteger> dev =
        m.group("dev") == null ? Optional.empty() : Optional.of(number(m.group("devn")));
    List<String> local =
        m.group("local") == null
            ? List.of()
            : Stream.of(m.group("local").toLowerCase(Locale.ROOT).split("[-_.]"))
                .map(s -> s.chars().allMatch(Character::isDigit) ? new BigInteger(s).toString() : s)
                .toList();
    return Optional.of(new Pep440(epoch, release, pre, post, dev, local));
  }

  private static BigInteger number(String digits) {
    return digits == null ? BigInteger.ZERO : new BigInteger(digits);
  }

  /** A pre-release or a development release. */
  public boolean isPrerelease() {
    return pre.isPresent() || dev.isPresent();
  }

  /** This version without its local label. */
  public Pep440 publicVersion() {
    return new Pep440(epoch, release, pre, post, dev, List.of());
  }

  /** Epoch and release only: {@code 1.0rc1.post2+x} gives {@code 1.0}. */
  public Pep440 baseVersion() {
    return new Pep440(
        epoch, release, Optional.empty(), Optional.empty(), Optional.empty(), List.of());
  }

  @Override
  public int compareTo(Pep440 o) {
    int c = epoch.compareTo(o.epoch);
    if (c == 0) {
      c = compareRelease(release, o.release);
    }
    if (c == 0) {
      c = Integer.compare(preRank(), o.preRank());
    }
    if (c == 0 && pre.isPresent() && o.pre.isPresent()) {
      c = pre.get().number().compareTo(o.pre.get().number());
    }
    if (c == 0) {
      c = compareMissingLow(post, o.post);
    }
    if (c == 0) {
      c = compareMissingHigh(dev, o.dev);
    }
    return c == 0 ? compareLocal(local, o.local) : c;
  }

  /** A development release of the release itself first, then a, b, rc, then the release. */
  private int preRank() {
    if (pre.isEmpty()) {
      return post.isEmpty() && dev.isPresent() ? 0 : 4;
    }
    return switch (pre.get().phase()) {
      case "a" -> 1;
      case "b" -> 2;
      default -> 3;
    };
  }

  private static int compareRelease(List<BigInteger> a, List<BigInteger> b) {
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      int c =
          (i < a.size() ? a.get(i) : BigInteger.ZERO)
              .compareTo(i < b.size() ? b.get(i) : BigInteger.ZERO);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static int compareMissingLow(Optional<BigInteger> a, Optional<BigInteger> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return Boolean.compare(a.isPresent(), b.isPresent());
    }
    return a.get().compareTo(b.get());
  }

  private static int compareMissingHigh(Optional<BigInteger> a, Optional<BigInteger> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return Boolean.compare(a.isEmpty(), b.isEmpty());
    }
    return a.get().compareTo(b.get());
  }

  /** No label first; segment by segment, a number above any word, words alphabetically. */
  private static int compareLocal(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      boolean na = a.get(i).chars().allMatch(Character::isDigit);
      boolean nb = b.get(i).chars().allMatch(Character::isDigit);
      int c;
      if (na && nb) {
        c = new BigInteger(a.get(i)).compareTo(new BigInteger(b.get(i)));
      } else if (na || nb) {
        c = na ? 1 : -1;
      } else {
        c = a.get(i).compareTo(b.get(i));
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Pep440 v && compareTo(v) == 0;
  }

  @Override
  public int hashCode() {
    List<BigInteger> r = new ArrayList<>(release);
    while (!r.isEmpty() && r.get(r.size() - 1).signum() == 0) {
      r.remove(r.size() - 1);
    }
    return java.util.Objects.hash(epoch, r, pre, post, dev, local);
  }

  /** The normalised form: {@code 1!2.0rc1.post2.dev3+abc.5}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    if (epoch.signum() != 0) {
      sb.append(epoch).append('!');
    }
    sb.append(String.join(".", release.stream().map(BigInteger::toString).toList()));
    pre.ifPresent(p -> sb.append(p.phase()).append(p.number()));
    post.ifPresent(p -> sb.append(".post").append(p));
    dev.ifPresent(d -> sb.append(".dev").append(d));
    if (!local.isEmpty()) {
      sb.append('+').append(String.join(".", local));
    }
    return sb.toString();
  }
}
