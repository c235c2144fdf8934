package io.andon.tdg.security;

import java.util.Locale;

/**
 * Severity of a finding. HIGH and CRITICAL findings are vulnerabilities; the rest are advisories.
 * UNKNOWN is an advisory whose data gave no usable severity (it is listed, never hidden).
 */
public enum Severity {
  UNKNOWN,
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  public boolean isVulnerability() {
    return this == HIGH || this == CRITICAL;
  }

  /** GHSA, NVD, OWASP and CycloneDX words: low, moderate/medium, high, critical. */
  public static Severity parse(String word) {
    if (word == null) {
      return UNKNOWN;
    }
    return switch (word.strip().toUpperCase(Locale.ROOT)) {
      case "LOW", "NEGLIGIBLE", "INFO" -> LOW;
      case "MODERATE", "MEDIUM" -> MEDIUM;
      case "HIGH", "IMPORTANT" -> HIGH;
      case "CRITICAL" -> CRITICAL;
      default -> UNKNOWN;
    };
  }

  /** The CVSS v3 qualitative rating of a base score. */
  public static Severity ofScore(double score) {
    if (score >= 9.0) {
      return CRITICAL;
    }
    if (score >= 7.0) {
      return HIGH;
    }
    if (score >= 4.0) {
      return MEDIUM;
    }
    return score > 0 ? LOW : UNKNOWN;
  }
}
