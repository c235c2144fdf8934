package io.andon.tdg;

import io.andon.error.InvalidInputException;
import java.util.Locale;

/** The brief's grade scale: A >= 90, B >= 80, C >= 70, D >= 60, F below. */
public enum Grade {
  A(90),
  B(80),
  C(70),
  D(60),
  F(0);

  private final double floor;

  Grade(double floor) {
    this.floor = floor;
  }

  /** The lowest score that earns this grade. */
  public double floor() {
    return floor;
  }

  public static Grade of(double score) {
    for (Grade g : values()) {
      if (score >= g.floor) {
        return g;
      }
    }
    return F;
  }

  /** True when this grade is at least {@code other} (A is better than B). */
  public boolean atLeast(Grade other) {
    return ordinal() <= other.ordinal();
  }

  /** Parses a grade letter given by a user, e.g. for --min-grade. */
  public static Grade parse(String text, String where) {
    String t = text.strip().toUpperCase(Locale.ROOT);
    for (Grade g : values()) {
      if (g.name().equals(t)) {
        return g;
      }
    }
    throw new InvalidInputException(
        where
            + ": '"
            + text
            + "' is not a grade; use one of A, B,"
            + " C, D, F (A >= 90, B >= 80, C >= 70, D >= 60).");
  }
}
