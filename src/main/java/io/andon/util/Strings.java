package io.andon.util;

import java.util.Collection;
import java.util.Optional;

/** Small string helpers shared by the loaders. */
public final class Strings {
  private Strings() {}

  /** Levenshtein edit distance. */
  public static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** The closest candidate within a third of the word's length, for "did you mean" hints. */
  public static Optional<String> closest(String word, Collection<String> candidates) {
    String best = null;
    int bestD = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(word.toLowerCase(), c.toLowerCase());
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    int limit = Math.max(2, word.length() / 3);
    return best != null && bestD <= limit ? Optional.of(best) : Optional.empty();
  }

  /** " Did you mean 'x'?" (or "'x' or 'y'" on a tie), or "" when nothing is close. */
  public static String didYouMean(String word, Collection<String> candidates) {
    Optional<String> best = closest(word, candidates);
    if (best.isEmpty()) {
      return "";
    }
    int d = distance(word.toLowerCase(), best.get().toLowerCase());
    java.util.List<String> tied =
        candidates.stream()
            .filter(c -> distance(word.toLowerCase(), c.toLowerCase()) == d)
            .sorted()
            .limit(3)
            .map(c -> "'" + c + "'")
            .toList();
    return " Did you mean " + String.join(" or ", tied) + "?";
  }
}
