package io.andon.tdg.task;

import io.andon.error.InvalidInputException;
import io.andon.job.Payload;
import io.andon.job.PayloadType;
import io.andon.tdg.Grade;
import io.andon.yaml.Problems;
import io.andon.yaml.YMap;
import io.andon.yaml.YNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Parses {@code tdg_task} at load, so every mistake is reported with its position. */
public final class TdgTaskType implements PayloadType {
  static final List<String> KEYS =
      List.of(
          "path",
          "coverage",
          "advisories",
          "config",
          "min_grade",
          "require_measured",
          "baseline",
          "max_score_drop",
          "output");

  @Override
  public String key() {
    return TdgTaskPayload.KEY;
  }

  @Override
  public Optional<Payload> parse(YMap body, Problems problems, Path baseDir) {
    int before = problems.list().size();
    problems.unknownKeys(body, KEYS, "tdg_task");
    String path = problems.string(body, "path").orElse(".");
    List<String> coverage = new ArrayList<>();
    for (YNode n : problems.list(body, "coverage")) {
      problems.scalarText(n, "a coverage path").ifPresent(coverage::add);
    }
    Optional<String> minGrade = problems.string(body, "min_grade");
    if (minGrade.isPresent() && !minGrade.get().contains("{{")) {
      try {
        Grade.parse(minGrade.get(), "min_grade");
      } catch (InvalidInputException e) {
        problems.add(body.keyLoc("min_grade"), e.getMessage());
      }
    }
    OptionalDouble drop = problems.number(body, "max_score_drop");
    if (drop.isPresent() && drop.getAsDouble() < 0) {
      problems.add(body.keyLoc("max_score_drop"), "max_score_drop must be 0 or more.");
    }
    if (drop.isPresent() && !body.has("baseline")) {
      problems.add(body.keyLoc("max_score_drop"), "max_score_drop needs 'baseline'.");
    }
    boolean requireMeasured = problems.bool(body, "require_measured").orElse(false);
    TdgTaskPayload p =
        new TdgTaskPayload(
            path,
            coverage,
            problems.string(body, "advisories"),
            problems.string(body, "config"),
            minGrade,
            requireMeasured,
            problems.string(body, "baseline"),
            drop,
            problems.string(body, "output"));
    return problems.list().size() > before ? Optional.empty() : Optional.of(p);
  }
}
