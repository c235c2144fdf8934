package io.andon.tdg.security;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEP 440 version specifier set such as {@code >=1.2,!=1.3.*,<2}: which versions it admits, and
 * whether it pins one version.
 *
 * <p>Clauses as PEP 440 defines them: {@code ==V} (zero-padded, a local label ignored unless the
 * clause has one), {@code ==V.*} (prefix match on the release), {@code !=}, {@code ~=V} ({@code >=
 * V} and {@code == V} without its last release number {@code .*}), {@code <=}, {@code >=}, {@code
 * <V} (not a pre-release of V unless V is one), {@code >V} (not a post-release or local version of
 * V unless V is a post-release), {@code ===} (string equality).
 */
public final class Pep440Specifiers {
  private static final Pattern CLAUSE =
      Pattern.compile("\\s*(~=|===|==|!=|<=|>=|<|>)\\s*([^\\s,;]+)\\s*");

  private record Clause(String op, String text, Optional<Pep440> version, boolean wildcard) {}

  private final List<Clause> clauses;

  private Pep440Specifiers(List<Clause> clauses) {
    this.clauses = List.copyOf(clauses);
  }

  /** Parses a comma-separated specifier set; empty when a clause is not valid PEP 440. */
  public static Optional<Pep440Specifiers> parse(String text) {
    List<Clause> out = new ArrayList<>();
    if (text.isBlank()) {
      return Optional.of(new Pep440Specifiers(out));
    }
    for (String part : text.split(",", -1)) {
      Matcher m = CLAUSE.matcher(part);
      if (!m.matches()) {
        return Optional.empty();
      }
      String op = m.group(1);
      String v = m.group(2);
      boolean wildcard = v.endsWith(".*");
      if (wildcard && !op.equals("==") && !op.equals("!=")) {
        return Optional.empty();
      }
      Optional<Pep440> version = Pep440.parse(wildcard ? v.substring(0, v.length() - 2) : v);
      if (!op.equals("===")
          && (version.isEmpty()
              || op.equals("~=") && version.get().release().size() < 2
              || wildcard
                  && (!version.get().local().isEmpty()
                      || version.get().isPrerelease()
                      || version.get().post().isPresent()))) {
        return Optional.empty();
      }
      out.add(new Clause(op, v, version, wildcard));
    }
    return Optional.of(new Pep440Specifiers(out));
  }

  /**
   * The one version this set admits, when it pins one: a single {@code ==V} without a wildcard or
   * {@code ===V}.
   */
  public Optional<String> pinned() {
    if (clauses.size() != 1) {
      return Optional.empty();
    }
    Clause c = clauses.get(0);
    boolean pin = c.op().equals("===") || c.op().equals("==") && !c.wildcard();
    return pin ? Optional.of(c.text()) : Optional.empty();
  }

  /**
   * Whether every clause admits {@code version}. A pre-release is admitted when the clauses admit
   * it (as the {@code packaging} library does for one version): pip would pick it only when no
   * final release fits, but an advisory check asks what an install could pick.
   */
  public boolean admits(Pep440 version) {
    return clauses.stream().allMatch(c -> admits(c, version));
  }

  private static boolean admits(Clause c, Pep440 v) {
    if (c.op().equals("===")) {
      return v.toString().equals(c.text().toLowerCase(Locale.ROOT))
          || c.text().equalsIgnoreCase(v.toString());
    }
    Pep440 spec = c.version().orElseThrow();
    return switch (c.op()) {
      case "==" -> c.wildcard() ? prefixMatch(spec, v) : equal(spec, v);
      case "!=" -> !(c.wildcard() ? prefixMatch(spec, v) : equal(spec, v));
      case "~=" ->
          v.publicVersion().compareTo(spec) >= 0
              && prefixMatch(
                  new Pep440(
                      spec.epoch(),
                      spec.release().subList(0, spec.release().size() - 1),
                      Optional.empty(),
                      Optional.empty(),
                      Optional.empty(),
                      List.of()),
                  v);
      case "<=" -> v.publicVersion().compareTo(spec) <= 0;
      case ">=" -> v.publicVersion().compareTo(spec) >= 0;
      case "<" ->
          v.compareTo(spec) < 0
              && (spec.isPrerelease()
                  || !v.isPrerelease()
                  || !v.baseVersion().equals(spec.baseVersion()));
      default ->
          v.compareTo(spec) > 0 // ">"
              && (spec.post().isPresent()
                  || v.post().isEmpty()
                  || !v.baseVersion().equals(spec.baseVersion()))
              && (v.local().isEmpty() || !v.baseVersion().equals(spec.baseVersion()));
    };
  }

  private static boolean equal(Pep440 spec, Pep440 v) {
    return (spec.local().isEmpty() ? v.publicVersion() : v).equals(spec);
  }

  /** {@code ==1.0.*}: same epoch, and the release zero-padded starts with the prefix. */
  private static boolean prefixMatch(Pep440 prefix, Pep440 v) {
    if (!prefix.epoch().equals(v.epoch())) {
      return false;
    }
    List<BigInteger> p = prefix.release();
    for (int i = 0; i < p.size(); i++) {
      BigInteger x = i < v.release().size() ? v.release().get(i) : BigInteger.ZERO;
      if (!x.equals(p.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return String.join(",", clauses.stream().map(c -> c.op() + c.text()).toList());
  }
}
