package io.andon.spark;

/** What a Spark failure says, in one line: the first line of its deepest useful message. */
final class Failures {
  private Failures() {}

  static String first(Throwable e) {
    Throwable t = e;
    String best = line(e);
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
      String l = line(t);
      if (!l.isBlank() && best.isBlank()) {
        best = l;
      }
    }
    return best.isBlank() ? e.getClass().getSimpleName() : best;
  }

  private static String line(Throwable t) {
    String m = t.getMessage();
    if (m == null) {
      return "";
    }
    String l = m.strip().lines().findFirst().orElse("");
    return l.length() > 400 ? l.substring(0, 400) + "..." : l;
  }
}
