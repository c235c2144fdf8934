package io.andon.yaml;

import io.andon.error.InvalidInputException;
import io.andon.error.Notice;
import io.andon.error.Problem;
import io.andon.util.Strings;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Collects every problem of a definition with its position, so that validation reports them all at
 * once; and reads typed values out of {@link YNode}s, adding a problem when a value has the wrong
 * type.
 */
public final class Problems {
  private final List<Problem> list = new ArrayList<>();
  private final List<Notice> notices = new ArrayList<>();

  /** Keys accepted and not acted on, by file and by what they are, with where each first stood. */
  private final Map<List<String>, Map<String, Loc>> ignored = new LinkedHashMap<>();

  public void add(Loc at, String message) {
    list.add(new Problem(at.file(), at.line(), at.column(), message));
  }

  public void add(Problem p) {
    list.add(p);
  }

  /** Every problem and notice of {@code other}, after these. */
  public void addAll(Problems other) {
    list.addAll(other.list);
    notices.addAll(other.notices);
    other.ignored.forEach(
        (k, v) ->
            v.forEach(
                (key, at) ->
                    ignored.computeIfAbsent(k, x -> new LinkedHashMap<>()).putIfAbsent(key, at)));
  }

  /** Something that is likely a mistake but does not stop the file from loading. */
  public void warn(Loc at, String message) {
    notices.add(new Notice(Notice.Severity.WARNING, at.file(), at.line(), at.column(), message));
  }

  /** Something the user should know about a file that loads. */
  public void notice(Loc at, String message) {
    notices.add(new Notice(Notice.Severity.NOTICE, at.file(), at.line(), at.column(), message));
  }

  /**
   * Records {@code key}, at {@code at}, as accepted and not acted on; the keys of one file with the
   * same {@code what} become one notice, "{@code what}: key, key, ...", at the first of them.
   */
  public void ignored(Loc at, String what, String key) {
    ignored
        .computeIfAbsent(List.of(at.file(), what), k -> new LinkedHashMap<>())
        .putIfAbsent(key, at);
  }

  /** The warnings and notices, in file order; the ignored keys one notice per file and kind. */
  public List<Notice> notices() {
    List<Notice> out = new ArrayList<>(notices);
    ignored.forEach(
        (k, keys) -> {
          Loc first =
              keys.values().stream()
                  .min(Comparator.comparingInt(Loc::line).thenComparingInt(Loc::column))
                  .orElseThrow();
          out.add(
              new Notice(
                  Notice.Severity.NOTICE,
                  first.file(),
                  first.line(),
                  first.column(),
                  k.get(1) + ": " + String.join(", ", keys.keySet()) + "."));
        });
    Collections.sort(out);
    return List.copyOf(new java.util.LinkedHashSet<>(out));
  }

  public boolean isEmpty() {
    return list.isEmpty();
  }

  public List<Problem> list() {
    List<Problem> sorted = new ArrayList<>(list);
    Collections.sort(sorted);
    return sorted;
  }

  /** Throws an {@link InvalidInputException} listing every problem, if there is any. */
  public void throwIfAny(String header) {
    if (!list.isEmpty()) {
      int n = list.size();
      throw new InvalidInputException(
          header + " (" + n + (n == 1 ? " problem" : " problems") + "):", list());
    }
  }

  /**
   * Warns of keys of {@code map} outside {@code allowed}, with a did-you-mean hint, where a format
   * only warns of them (the Databricks CLI does for bundles); andon ignores them.
   */
  public void unknownKeysWarned(YMap map, Collection<String> allowed, String where) {
    for (YMap.Entry e : map.values()) {
      if (!allowed.contains(e.key())) {
        warn(
            e.keyLoc(),
            "unknown key '"
                + e.key()
                + "' in "
                + where
                + "; andon ignores it, as"
                + " the Databricks CLI does."
                + Strings.didYouMean(e.key(), allowed));
      }
    }
  }

  /** Reports keys of {@code map} outside {@code allowed}, with a did-you-mean hint. */
  public void unknownKeys(YMap map, Collection<String> allowed, String where) {
    for (YMap.Entry e : map.values()) {
      if (!allowed.contains(e.key())) {
        add(
            e.keyLoc(),
            "unknown key '"
                + e.key()
                + "' in "
                + where
                + "."
                + Strings.didYouMean(e.key(), allowed));
      }
    }
  }

  public Optional<YMap> map(YNode node, String what) {
    if (node instanceof YMap m) {
      return Optional.of(m);
    }
    add(node.loc(), what + " must be a mapping, not " + node.kind() + ".");
    return Optional.empty();
  }

  public Optional<YMap> map(YMap parent, String key) {
    return parent.get(key).flatMap(n -> isNull(n) ? Optional.empty() : map(n, "'" + key + "'"));
  }

  public List<YNode> list(YMap parent, String key) {
    Optional<YNode> n = parent.get(key);
    if (n.isEmpty() || isNull(n.get())) {
      return List.of();
    }
    if (n.get() instanceof YList l) {
      return l.items();
    }
    add(n.get().loc(), "'" + key + "' must be a list, not " + n.get().kind() + ".");
    return List.of();
  }

  /** A scalar rendered as text (numbers and booleans as written); a problem for maps and lists. */
  public Optional<String> string(YMap parent, String key) {
    Optional<YNode> n = parent.get(key);
    if (n.isEmpty() || isNull(n.get())) {
      return Optional.empty();
    }
    return scalarText(n.get(), "'" + key + "'");
  }

  public Optional<String> scalarText(YNode node, String what) {
    if (node instanceof YScalar s && !s.isNull()) {
      return Optional.of(s.text());
    }
    add(node.loc(), what + " must be a single value, not " + node.kind() + ".");
    return Optional.empty();
  }

  public Optional<String> requiredString(YMap parent, String key, String where) {
    if (!parent.has(key) || isNull(parent.get(key).get())) {
      add(parent.loc(), where + " needs '" + key + "'.");
      return Optional.empty();
    }
    return string(parent, key);
  }

  public OptionalLong integer(YMap parent, String key) {
    Optional<YNode> n = parent.get(key);
    if (n.isEmpty() || isNull(n.get())) {
      return OptionalLong.empty();
    }
    if (n.get() instanceof YScalar s
        && (s.type() == YScalar.Type.INT || s.type() == YScalar.Type.STRING)) {
      try {
        return OptionalLong.of(Long.parseLong(s.text().strip()));
      } catch (NumberFormatException ignored) {
        // fall through to the problem below
      }
    }
    add(n.get().loc(), "'" + key + "' must be a whole number, not " + describe(n.get()) + ".");
    return OptionalLong.empty();
  }

  public OptionalDouble number(YMap parent, String key) {
    Optional<YNode> n = parent.get(key);
    if (n.isEmpty() || isNull(n.get())) {
      return OptionalDouble.empty();
    }
    if (n.get() instanceof YScalar s && s.type() != YScalar.Type.BOOL) {
      try {
        return OptionalDouble.of(Double.parseDouble(s.text().strip()));
      } catch (NumberFormatException ignored) {
        // fall through
      }
    }
    add(n.get().loc(), "'" + key + "' must be a number, not " + describe(n.get()) + ".");
    return OptionalDouble.empty();
  }

  public Optional<Boolean> bool(YMap parent, String key) {
    Optional<YNode> n = parent.get(key);
    if (n.isEmpty() || isNull(n.get())) {
      return Optional.empty();
    }
    if (n.get() instanceof YScalar s
        && (s.type() == YScalar.Type.BOOL || s.type() == YScalar.Type.STRING)) {
      String t = s.text().strip().toLowerCase();
      if (t.equals("true") || t.equals("false")) {
        return Optional.of(Boolean.parseBoolean(t));
      }
    }
    add(n.get().loc(), "'" + key + "' must be true or false, not " + describe(n.get()) + ".");
    return Optional.empty();
  }

  private static boolean isNull(YNode n) {
    return n instanceof YScalar s && s.isNull();
  }

  private static String describe(YNode n) {
    if (n instanceof YScalar s) {
      return "'" + s.text() + "'";
    }
    return n.kind();
  }
}
