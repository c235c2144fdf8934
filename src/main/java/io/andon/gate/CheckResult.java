package io.andon.gate;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The verdict of one check.
 *
 * @param value the measured value (NaN and infinities included); empty when not measured
 * @param threshold the number the value was compared with; for a regression check, the baseline's
 *     value minus (or plus) the tolerance; empty for a range or an unknown baseline
 * @param baseline the baseline's value of a regression check, when found
 * @param source where the value came from ({@code metrics.json:$.accuracy}), or "" when not found
 * @param baselineSource where a regression check's baseline came from (or was looked for); "" for
 *     other checks
 * @param message one line for people: why it passed, failed or was not measured
 */
public record CheckResult(
    Check check,
    Status status,
    OptionalDouble value,
    OptionalDouble threshold,
    OptionalDouble baseline,
    String source,
    String baselineSource,
    String message) {

  public CheckResult {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(threshold, "threshold");
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(baselineSource, "baselineSource");
    Objects.requireNonNull(message, "message");
  }

  /** True when this check makes the gate fail. */
  public boolean blocking() {
    return switch (status) {
      case FAILED -> true;
      case NOT_MEASURED -> check.severity() == Severity.ERROR && !check.allowMissing();
      case PASSED, WARNING -> false;
    };
  }

  public String name() {
    return check.name();
  }
}
