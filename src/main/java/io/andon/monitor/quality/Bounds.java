package io.andon.monitor.quality;

/** Declared bounds of a numeric column, both inclusive; values outside them are out of range. */
public record Bounds(double min, double max) {
  /**
   * Parses {@code COL=MIN:MAX} (either side may be empty: unbounded) into {@code into}.
   *
   * @throws IllegalArgumentException naming the value and the form expected
   */
  public static void parse(String spec, java.util.Map<String, Bounds> into) {
    int eq = spec.lastIndexOf('=');
    int colon = eq < 0 ? -1 : spec.indexOf(':', eq);
    if (eq <= 0 || colon < 0) {
      throw new IllegalArgumentException(
          "--bounds '"
              + spec
              + "' is not COL=MIN:MAX (e.g. age=0:120, or amount=0: for no maximum)");
    }
    try {
      String lo = spec.substring(eq + 1, colon).strip();
      String hi = spec.substring(colon + 1).strip();
      into.put(
          spec.substring(0, eq).strip(),
          new Bounds(
              lo.isEmpty() ? Double.NEGATIVE_INFINITY : Double.parseDouble(lo),
              hi.isEmpty() ? Double.POSITIVE_INFINITY : Double.parseDouble(hi)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--bounds '" + spec + "': MIN and MAX must be numbers (e.g. age=0:120)", e);
    }
  }

  /**
   * The bounds of command-line {@code --bounds} values, each {@code COL=MIN:MAX}.
   *
   * @throws io.andon.error.InvalidInputException naming the value and the form expected
   */
  public static java.util.Map<String, Bounds> parseAll(java.util.List<String> specs) {
    java.util.Map<String, Bounds> out = new java.util.LinkedHashMap<>();
    try {
      for (String s : specs) {
        parse(s, out);
      }
    } catch (IllegalArgumentException e) {
      throw new io.andon.error.InvalidInputException("invalid option: " + e.getMessage() + ".");
    }
    return out;
  }

  public Bounds {
    if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
      throw new IllegalArgumentException("bounds need min <= max, got " + min + " and " + max);
    }
  }
}
