package io.andon.tdg;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Exclude globs on paths relative to the project root, with forward slashes: {@code **} matches
 * across folders, {@code *} and {@code ?} within one name, and a leading {@code **}{@code /} also
 * matches at the root. All globs are compiled into one regular expression.
 */
final class Glob {
  private final Pattern pattern;

  Glob(List<String> globs) {
    StringBuilder sb = new StringBuilder();
    for (String g : globs) {
      if (!sb.isEmpty()) {
        sb.append('|');
      }
      sb.append("(?:").append(regex(g.startsWith("/") ? g.substring(1) : g)).append(')');
    }
    this.pattern = sb.isEmpty() ? null : Pattern.compile(sb.toString());
  }

  private static String regex(String glob) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    if (glob.startsWith("**/")) {
      sb.append("(?:.*/)?");
      i = 3;
    }
    for (; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        boolean slash = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
        sb.append(slash ? "(?:.*/)?" : ".*");
        i += slash ? 2 : 1;
      } else if (c == '*') {
        sb.append("[^/]*");
      } else if (c == '?') {
        sb.append("[^/]");
      } else if ("\\.[]{}()+-^$|".indexOf(c) >= 0) {
        sb.append('\\').append(c);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  boolean matches(String relative) {
    return pattern != null && pattern.matcher(relative).matches();
  }
}
