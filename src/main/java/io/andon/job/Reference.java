package io.andon.job;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code {{...}}} reference inside a string, split into its dotted path. Names with characters
 * other than letters, digits and underscores are written in backticks: {@code {{tasks.`my
 * task`.values.x}}}. Malformed braces are not references and stay literal.
 *
 * @param text the whole reference as written, braces included
 * @param path the segments, backticks removed
 * @param start offset of the opening braces in the string
 * @param end offset just after the closing braces
 */
public record Reference(String text, List<String> path, int start, int end) {
  private static final Pattern REF = Pattern.compile("\\{\\{\\s*([^{}]+?)\\s*}}");

  /** The namespaces andon resolves; references in other namespaces stay literal. */
  public static final List<String> NAMESPACES = List.of("job", "task", "tasks", "input");

  public Reference {
    path = List.copyOf(path);
  }

  public String namespace() {
    return path.get(0);
  }

  /** Every reference in {@code s} whose first segment is a known namespace, in order. */
  public static List<Reference> findAll(String s) {
    List<Reference> out = new ArrayList<>();
    if (s == null || s.indexOf("{{") < 0) {
      return out;
    }
    Matcher m = REF.matcher(s);
    while (m.find()) {
      List<String> path = split(m.group(1));
      if (path != null && !path.isEmpty() && NAMESPACES.contains(path.get(0))) {
        out.add(new Reference(m.group(), path, m.start(), m.end()));
      }
    }
    return out;
  }

  /** Splits {@code a.`b c`.d} into [a, b c, d]; null when the backticks do not balance. */
  static List<String> split(String body) {
    List<String> parts = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '`') {
        quoted = !quoted;
      } else if (c == '.' && !quoted) {
        parts.add(cur.toString());
        cur.setLength(0);
      } else if (!quoted && Character.isWhitespace(c)) {
        return null;
      } else {
        cur.append(c);
      }
    }
    if (quoted) {
      return null;
    }
    parts.add(cur.toString());
    for (String p : parts) {
      if (p.isEmpty()) {
        return null;
      }
    }
    return parts;
  }

  /** Replaces each reference of {@code s} with what {@code resolver} gives for it. */
  public static String substitute(
      String s, java.util.function.Function<Reference, String> resolver) {
    List<Reference> refs = findAll(s);
    if (refs.isEmpty()) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length() + 32);
    int at = 0;
    for (Reference r : refs) {
      sb.append(s, at, r.start()).append(resolver.apply(r));
      at = r.end();
    }
    return sb.append(s, at, s.length()).toString();
  }

  @Override
  public String toString() {
    return text;
  }
}
