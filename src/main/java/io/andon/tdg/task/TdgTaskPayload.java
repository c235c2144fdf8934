package io.andon.tdg.task;

import io.andon.job.Payload;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A {@code tdg_task}: grades a project inside a job. Paths are relative to the job file's folder
 * and may hold {@code {{...}}} references.
 *
 * <pre>
 * - task_key: grade
 *   tdg_task:
 *     path: .
 *     coverage: [target/site/jacoco/jacoco.xml]
 *     advisories: osv/
 *     min_grade: B
 *     require_measured: false
 *     baseline: tdg-baseline.json
 *     max_score_drop: 5
 *     output: target/tdg.json
 * </pre>
 */
public record TdgTaskPayload(
    String path,
    List<String> coverage,
    Optional<String> advisories,
    Optional<String> config,
    Optional<String> minGrade,
    boolean requireMeasured,
    Optional<String> baseline,
    OptionalDouble maxScoreDrop,
    Optional<String> output)
    implements Payload {
  public static final String KEY = "tdg_task";

  public TdgTaskPayload {
    Objects.requireNonNull(path, "path");
    coverage = List.copyOf(coverage);
    Objects.requireNonNull(advisories, "advisories");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(minGrade, "minGrade");
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(maxScoreDrop, "maxScoreDrop");
    Objects.requireNonNull(output, "output");
  }

  @Override
  public String type() {
    return KEY;
  }

  @Override
  public List<String> templates() {
    List<String> t = new ArrayList<>();
    t.add(path);
    t.addAll(coverage);
    advisories.ifPresent(t::add);
    config.ifPresent(t::add);
    baseline.ifPresent(t::add);
    output.ifPresent(t::add);
    return t;
  }
}
