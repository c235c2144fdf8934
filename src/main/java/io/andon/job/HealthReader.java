package io.andon.job;

import io.andon.yaml.Problems;
import io.andon.yaml.YMap;
import io.andon.yaml.YNode;
import io.andon.yaml.YScalar;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads a {@code health} value of the job format ({@code {rules: [{metric, op, value}]}}, at job
 * level or on a task) into {@link HealthRules}, every problem at its file:line:column.
 */
public final class HealthReader {
  private HealthReader() {}

  /**
   * The rules of {@code node}, the {@code health} value of {@code where} ("the job", "task 'k'"),
   * none when absent or null; problems go to {@code problems}.
   */
  public static HealthRules read(Optional<YNode> node, String where, Problems problems) {
    if (node.isEmpty() || node.get() instanceof YScalar s && s.isNull()) {
      return HealthRules.NONE;
    }
    Optional<YMap> m = problems.map(node.get(), "'health' of " + where);
    if (m.isEmpty()) {
      return HealthRules.NONE;
    }
    problems.unknownKeys(m.get(), List.of("rules"), "'health' of " + where);
    List<HealthRules.Rule> rules = new ArrayList<>();
    Set<HealthRules.Metric> seen = EnumSet.noneOf(HealthRules.Metric.class);
    for (YNode r : problems.list(m.get(), "rules")) {
      Optional<YMap> rule = problems.map(r, "a health rule");
      if (rule.isEmpty()) {
        continue;
      }
      Optional<HealthRules.Rule> read = rule(rule.get(), problems);
      if (read.isPresent() && !seen.add(read.get().metric())) {
        problems.add(
            r.loc(),
            "'health' of " + where + " has two " + read.get().metric() + " rules;" + " keep one.");
      } else {
        read.ifPresent(rules::add);
      }
    }
    return new HealthRules(rules);
  }

  private static Optional<HealthRules.Rule> rule(YMap rule, Problems problems) {
    problems.unknownKeys(rule, List.of("metric", "op", "value"), "a health rule");
    Optional<String> metric = problems.requiredString(rule, "metric", "a health rule");
    Optional<String> op = problems.requiredString(rule, "op", "a health rule");
    OptionalLong value = problems.integer(rule, "value");
    if (!rule.has("value")) {
      problems.add(rule.loc(), "a health rule needs 'value' (seconds).");
    }
    boolean known = metric.filter("RUN_DURATION_SECONDS"::equals).isPresent();
    if (metric.isPresent() && !known) {
      problems.add(
          rule.get("metric").orElseThrow().loc(),
          "andon checks the health"
              + " metric RUN_DURATION_SECONDS only, not '"
              + metric.get()
              + "'"
              + (metric.get().startsWith("STREAMING_")
                  ? " (a streaming backlog: andon reads no streams)."
                  : "."));
    }
    boolean greater = op.filter("GREATER_THAN"::equals).isPresent();
    if (op.isPresent() && !greater) {
      problems.add(
          rule.get("op").orElseThrow().loc(),
          "the op of RUN_DURATION_SECONDS" + " must be GREATER_THAN, not '" + op.get() + "'.");
    }
    if (value.isPresent() && value.getAsLong() <= 0) {
      problems.add(
          rule.get("value").orElseThrow().loc(),
          "'value' must be a positive" + " number of seconds.");
      return Optional.empty();
    }
    if (value.isEmpty() || !known || !greater) {
      return Optional.empty();
    }
    return Optional.of(
        new HealthRules.Rule(
            HealthRules.Metric.RUN_DURATION_SECONDS,
            HealthRules.Op.GREATER_THAN,
            value.getAsLong()));
  }
}
