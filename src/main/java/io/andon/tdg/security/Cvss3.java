package io.andon.tdg.security;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/** CVSS v3.0/v3.1 base score from a vector string, per the FIRST specification (section 7). */
public final class Cvss3 {
  private Cvss3() {}

  /**
   * The base score of e.g. {@code CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H}; empty if invalid.
   */
  public static OptionalDouble baseScore(String vector) {
    if (vector == null || !vector.startsWith("CVSS:3.")) {
      return OptionalDouble.empty();
    }
    Map<String, String> m = new HashMap<>();
    for (String part : vector.split("/")) {
      int colon = part.indexOf(':');
      if (colon > 0) {
        m.put(part.substring(0, colon), part.substring(colon + 1));
      }
    }
    try {
      boolean changed = m.get("S").equals("C");
      double av =
          switch (m.get("AV")) {
            case "N" -> 0.85;
            case "A" -> 0.62;
            case "L" -> 0.55;
            case "P" -> 0.2;
            default -> throw new IllegalArgumentException();
          };
      double ac =
          switch (m.get("AC")) {
            case "L" -> 0.77;
            case "H" -> 0.44;
            default -> throw new IllegalArgumentException();
          };
      double pr =
          switch (m.get("PR")) {
            case "N" -> 0.85;
            case "L" -> changed ? 0.68 : 0.62;
            case "H" -> changed ? 0.5 : 0.27;
            default -> throw new IllegalArgumentException();
          };
      double ui =
          switch (m.get("UI")) {
            case "N" -> 0.85;
            case "R" -> 0.62;
            default -> throw new IllegalArgumentException();
          };
      double iss = 1 - (1 - cia(m.get("C"))) * (1 - cia(m.get("I"))) * (1 - cia(m.get("A")));
      double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
      double exploitability = 8.22 * av * ac * pr * ui;
      if (impact <= 0) {
        return OptionalDouble.of(0);
      }
      double raw =
          changed
              ? Math.min(1.08 * (impact + exploitability), 10)
              : Math.min(impact + exploitability, 10);
      return OptionalDouble.of(roundUp(raw));
    } catch (RuntimeException e) {
      return OptionalDouble.empty();
    }
  }

  private static double cia(String v) {
    return switch (v) {
      case "H" -> 0.56;
      case "L" -> 0.22;
      case "N" -> 0;
      default -> throw new IllegalArgumentException();
    };
  }

  /** CVSS v3.1 Roundup: the smallest one-decimal number not below x, free of float noise. */
  static double roundUp(double x) {
    long i = Math.round(x * 100000);
    if (i % 10000 == 0) {
      return i / 100000.0;
    }
    return (Math.floor(i / 10000.0) + 1) / 10.0;
  }
}
