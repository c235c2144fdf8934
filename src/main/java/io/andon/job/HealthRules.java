package io.andon.job;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The {@code health} rules of a job or of one task, as the loader read them ({@link HealthReader}):
 * each a metric, a comparison and a value, as the Jobs API writes them. andon checks the run's (or
 * the task attempt's) duration, {@code RUN_DURATION_SECONDS GREATER_THAN seconds}; it has no
 * streaming sources, so the loader rejects the {@code STREAMING_*} metrics, and at most one rule
 * per metric.
 */
public record HealthRules(List<Rule> rules) {
  /** No rule. */
  public static final HealthRules NONE = new HealthRules(List.of());

  /** A metric andon measures. */
  public enum Metric {
    /** How long the run (or the task's attempt) has been running, in seconds. */
    RUN_DURATION_SECONDS
  }

  /** How a metric is compared with the rule's value. */
  public enum Op {
    GREATER_THAN
  }

  /** One rule: warn when {@code metric op value}. */
  public record Rule(Metric metric, Op op, long value) {
    public Rule {
      Objects.requireNonNull(metric, "metric");
      Objects.requireNonNull(op, "op");
      if (value <= 0) {
        throw new IllegalArgumentException("a health rule's value must be positive, not " + value);
      }
    }
  }

  public HealthRules {
    rules = List.copyOf(rules);
  }

  /** The seconds of the RUN_DURATION_SECONDS GREATER_THAN rule, if there is one. */
  public OptionalLong runDurationSeconds() {
    return rules.stream()
        .filter(r -> r.metric() == Metric.RUN_DURATION_SECONDS && r.op() == Op.GREATER_THAN)
        .mapToLong(Rule::value)
        .findFirst();
  }
}
