package io.andon.tdg.task;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.engine.PayloadRunner;
import io.andon.engine.TaskContext;
import io.andon.engine.TaskOutcome;
import io.andon.job.Payload;
import io.andon.tdg.Grade;
import io.andon.tdg.Tdg;
import io.andon.tdg.TdgConfig;
import io.andon.tdg.TdgRender;
import io.andon.tdg.TdgReport;
import io.andon.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs a {@code tdg_task}: grades the project and publishes task values {@code score}, {@code
 * grade}, {@code components} ({name: {score, status}}) and {@code not_measured}, so later tasks and
 * gates can read {@code {{tasks.grade.values.score}}}, and {@code worst_files} (the {@value
 * #WORST_FILES} lowest-scored files with their sub-scores), which the task run page shows. Fails
 * the task when the grade is below min_grade, when it regressed against the baseline, or when
 * require_measured is set and a component is not measured.
 */
public final class TdgTaskRunner implements PayloadRunner {
  /** How many files the {@code worst_files} value lists. */
  static final int WORST_FILES = 10;

  @Override
  public String key() {
    return TdgTaskPayload.KEY;
  }

  @Override
  public TaskOutcome run(Payload payload, TaskContext context) throws Exception {
    TdgTaskPayload p = (TdgTaskPayload) payload;
    Path base = context.baseDir();
    Path root = base.resolve(context.resolve(p.path()));
    TdgConfig cfg = TdgConfig.load(root, p.config().map(c -> base.resolve(context.resolve(c))));
    if (p.maxScoreDrop().isPresent()) {
      cfg = cfg.withMaxScoreDrop(p.maxScoreDrop().getAsDouble());
    }
    List<Path> coverage = p.coverage().stream().map(c -> base.resolve(context.resolve(c))).toList();
    TdgReport report =
        Tdg.run(
            new Tdg.Request(
                root,
                cfg,
                coverage,
                p.advisories().map(a -> base.resolve(context.resolve(a))),
                List.of(),
                Optional.of(context.home()),
                p.baseline().map(b -> base.resolve(context.resolve(b)))));
    ObjectNode json = TdgRender.json(report);
    if (p.output().isPresent()) {
      Path out = base.resolve(context.resolve(p.output().get()));
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(out, Json.pretty(json) + "\n");
    }
    context.putValue("score", Json.mapper().valueToTree(report.score()));
    context.putValue("grade", Json.mapper().valueToTree(report.grade().name()));
    ObjectNode comps = Json.object();
    for (TdgReport.Component c : report.components()) {
      ObjectNode o = comps.putObject(c.name());
      if (c.score().isPresent()) {
        o.put("score", c.score().getAsDouble());
      } else {
        o.putNull("score");
      }
      o.put("status", c.status());
    }
    context.putValue("components", comps);
    context.putValue("not_measured", Json.mapper().valueToTree(report.notMeasured()));
    context.putValue("worst_files", worstFiles(report));
    context.log().print(TdgRender.text(report));
    List<String> failures = new ArrayList<>();
    Optional<Grade> min =
        p.minGrade().map(g -> Grade.parse(context.resolve(g), "min_grade")).or(cfg::minGrade);
    if (min.isPresent() && !report.grade().atLeast(min.get())) {
      failures.add("grade " + report.grade() + " is below the minimum " + min.get());
    }
    report
        .regression()
        .filter(TdgReport.Regression::regressed)
        .ifPresent(g -> failures.add("regressed against " + g.baseline()));
    if ((p.requireMeasured() || cfg.requireMeasured()) && !report.notMeasured().isEmpty()) {
      failures.add("not measured: " + String.join(", ", report.notMeasured()));
    }
    String summary =
        "TDG " + report.grade() + " " + String.format(Locale.ROOT, "%.1f", report.score()) + "/100";
    return failures.isEmpty()
        ? TaskOutcome.success(summary)
        : TaskOutcome.failure(summary + ": " + String.join("; ", failures));
  }

  /** The report's files are worst first: the first {@link #WORST_FILES} with their sub-scores. */
  private static ArrayNode worstFiles(TdgReport report) {
    ArrayNode out = Json.mapper().createArrayNode();
    for (TdgReport.FileResult f : report.files().stream().limit(WORST_FILES).toList()) {
      ObjectNode o = out.addObject();
      o.put("path", f.path());
      o.put("score", f.score());
      o.put("grade", Grade.of(f.score()).name());
      f.complexity().ifPresent(v -> o.put("complexity", v));
      f.coverage().ifPresent(v -> o.put("coverage", v));
      f.documentation().ifPresent(v -> o.put("documentation", v));
    }
    return out;
  }
}
