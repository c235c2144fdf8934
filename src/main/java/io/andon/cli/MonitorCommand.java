package io.andon.cli;

import io.andon.error.InvalidInputException;
import io.andon.monitor.EngineSettings;
import io.andon.monitor.MetricsStore;
import io.andon.monitor.MonitorEngine;
import io.andon.monitor.MonitorEngines;
import io.andon.monitor.MonitorLoader;
import io.andon.monitor.MonitorResult;
import io.andon.monitor.MonitorRun;
import io.andon.monitor.MonitorSizing;
import io.andon.monitor.MonitorSpec;
import io.andon.monitor.Verdict;
import io.andon.monitor.chunk.Chunking;
import io.andon.monitor.quality.Bounds;
import io.andon.monitor.report.ChunkedReport;
import io.andon.monitor.report.MonitorHtml;
import io.andon.monitor.report.MonitorJson;
import io.andon.monitor.report.ParquetExport;
import io.andon.monitor.report.QualityReport;
import io.andon.store.Store;
import io.andon.util.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code andon monitor MONITOR_FILE}: runs a declared monitor and stores its metrics tables. */
@Command(
    name = "monitor",
    description = {
      "Run a declared monitor: profile its table, compare it with the baseline and the previous"
          + " window, and store the metrics.",
      "Profiles the table per window and slice and appends the rows to the profile_metrics and"
          + " drift_metrics tables of the andon history.",
      "Exit codes: 0 done, 1 with --fail-on-drift when the run's verdict is DRIFT, 2 invalid"
          + " input, 4 with --fail-on-drift when it is NOT_ENOUGH_DATA."
    },
    mixinStandardHelpOptions = true)
public final class MonitorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(index = "0", paramLabel = "MONITOR_FILE", description = "The monitor's YAML file.")
  Path file;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text, json or html (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the output to FILE.")
  Path output;

  @Option(
      names = "--parquet",
      paramLabel = "DIR",
      description = "Also write profile_metrics.parquet and drift_metrics.parquet to DIR.")
  Path parquet;

  @Option(
      names = "--delta",
      paramLabel = "DIR",
      description =
          "With --engine spark: also append the run's rows to the Delta tables DIR/profile_metrics"
              + " and DIR/drift_metrics (a folder, or a URL the cluster writes).")
  String delta;

  @Option(names = "--no-store", description = "Do not write to the andon store.")
  boolean noStore;

  @Option(
      names = "--fail-on-drift",
      description =
          "Exit 1 when the run's verdict is DRIFT"
              + " (any column of any window drifted, or the monitor's drift_share was reached), 4 when"
              + " it is NOT_ENOUGH_DATA.")
  boolean failOnDrift;

  @Option(
      names = "--chunking",
      paramLabel = "HOW",
      description =
          "Cut the table into chunks of rows beside its time windows: size:N (N rows each, the"
              + " incomplete last chunk kept), count:N (N chunks, the remainder in the last) or"
              + " time (the time windows only). Overrides the monitor's 'chunking'.")
  String chunking;

  @Option(
      names = "--engine",
      defaultValue = MonitorEngines.BUILT_IN,
      paramLabel = "ENGINE",
      description =
          "duckdb (this machine, the default) or spark (andon-spark's jar on the class path; see"
              + " docs/monitoring.md, Scale).")
  String engine;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "With --engine spark: local[*] (the default), local[N], spark://host:7077, yarn or"
              + " k8s://https://host:port.")
  String master;

  @Option(
      names = "--spark-conf",
      paramLabel = "KEY=VALUE",
      description =
          "With --engine spark: a Spark setting, e.g. spark.executor.memory=4g; repeatable.")
  Map<String, String> sparkConf = new LinkedHashMap<>();

  @Option(
      names = "--bounds",
      paramLabel = "COL=MIN:MAX",
      description =
          "Declared range of a numeric column for the data-quality check out_of_range, e.g."
              + " age=0:120 (an empty side is unbounded). Overrides the bounds the monitor file"
              + " declares for that column. Repeatable.")
  List<String> bounds = new ArrayList<>();

  @Option(
      names = "--sketch",
      description =
          "Profile and compare the numeric columns from sketches (KLL, HLL, frequent values):"
              + " memory bounded by the columns, metrics within the sketches' error.")
  boolean sketch;

  @Option(
      names = "--exact",
      description = "Hold every value even when the inputs hold more values than --sketch-above.")
  boolean exact;

  @Option(
      names = "--sketch-above",
      paramLabel = "MILLIONS",
      defaultValue = "500",
      description =
          "Above this many million values in the table and baseline together, read sketches"
              + " (--sketch) by default (default: ${DEFAULT-VALUE}).")
  long sketchAbove;

  @Override
  public Integer call() {
    if (!format.equals("text") && !format.equals("json") && !format.equals("html")) {
      throw new InvalidInputException("--format must be text, json or html, not '" + format + "'.");
    }
    MonitorSpec m = MonitorLoader.load(file);
    if (chunking != null) {
      Chunking c =
          Chunking.parse(chunking)
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "--chunking must be size:N, count:N or time, not '" + chunking + "'."));
      m = m.withChunked(m.chunked().withChunking(c));
    }
    if (!bounds.isEmpty()) {
      m = m.withBounds(Bounds.parseAll(bounds), "--bounds");
    }
    PrintWriter err = spec.commandLine().getErr();
    StatusLine progress = StatusLine.onTerminal(err, false);
    MonitorResult result = run(m, progress);
    progress.clear();
    if (parquet != null) {
      ParquetExport.write(result, parquet);
    }
    if (!noStore) {
      try (Store store = Store.open(common.home())) {
        MetricsStore.append(store, result);
      }
    }
    String text =
        format.equals("json")
            ? Json.pretty(MonitorJson.toJson(result)) + "\n"
            : format.equals("html")
                ? MonitorHtml.render(result)
                : summary(result, noStore ? null : common.home());
    PrintWriter out = spec.commandLine().getOut();
    if (output != null) {
      OutputFile.write(output, text);
      long drifted = result.drifts().stream().filter(d -> d.drift().driftDetected()).count();
      out.println(
          "monitor "
              + result.monitorName()
              + ": "
              + (drifted > 0 ? "DRIFT" : "no drift")
              + ": "
              + drifted
              + " of "
              + result.drifts().size()
              + " drift rows drifted; "
              + format
              + " written to "
              + output);
    } else {
      out.print(text);
    }
    out.flush();
    return failOnDrift ? result.verdict().outcome().exitCode() : 0;
  }

  /** The run on the chosen engine; Spark's settings only with the spark engine. */
  private MonitorResult run(MonitorSpec m, Consumer<String> progress) {
    if (engine.equals(MonitorEngines.BUILT_IN)) {
      if (master != null || !sparkConf.isEmpty() || delta != null) {
        throw new InvalidInputException(
            (master != null ? "--master" : delta != null ? "--delta" : "--spark-conf")
                + " applies to --engine spark only; add --engine spark or leave it out.");
      }
      return new MonitorRun(m, Clock.systemUTC(), progress, sizing()).run();
    }
    if (sketch || exact) {
      throw new InvalidInputException(
          (sketch ? "--sketch" : "--exact")
              + " applies to --engine duckdb only (the spark engine always reads sketches where a"
              + " metric needs the order of the values); leave it out.");
    }
    if (chunking != null) {
      throw new InvalidInputException(
          "--chunking is not available with --engine "
              + engine
              + "; leave it out or run on duckdb.");
    }
    MonitorEngine e = MonitorEngines.find(engine);
    Optional<String> deltaDir =
        Optional.ofNullable(delta)
            .map(d -> d.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:(//|/).*") ? d : absolute(d));
    return e.run(
        m,
        new EngineSettings(Optional.ofNullable(master), sparkConf, deltaDir),
        Clock.systemUTC(),
        progress);
  }

  private static String absolute(String dir) {
    return Path.of(dir).toAbsolutePath().normalize().toString();
  }

  /** Exact, sketches, or sketches above --sketch-above. */
  private MonitorSizing sizing() {
    if (sketch && exact) {
      throw new InvalidInputException(
          "--sketch and --exact contradict each other: drop one of them.");
    }
    MonitorSizing.Mode mode =
        sketch
            ? MonitorSizing.Mode.SKETCH
            : exact ? MonitorSizing.Mode.EXACT : MonitorSizing.Mode.AUTO;
    return new MonitorSizing(mode, sketchAbove);
  }

  /** "BASELINE 1 day 2026-01-20T00:00:00Z model v2 [country=BR]": where a drift row belongs. */
  static String where(MonitorResult.DriftRow d) {
    MonitorResult.Group g = d.group();
    return d.driftType()
        + " "
        + g.granularity()
        + g.windowStart().map(w -> " " + w).orElse("")
        + g.modelId().map(m -> " model " + m).orElse("")
        + g.sliceKey().map(k -> " [" + k + "=" + g.sliceValue().orElse("") + "]").orElse("");
  }

  static String summary(MonitorResult r, Path home) {
    StringBuilder sb = new StringBuilder();
    sb.append("monitor ")
        .append(r.monitorName())
        .append(": ")
        .append(r.profiles().size())
        .append(" profile rows, ")
        .append(r.drifts().size())
        .append(" drift rows")
        .append(home == null ? " (not stored)" : " appended to " + home.resolve(Store.DB_FILE))
        .append('\n');
    Map<String, int[]> byType = new LinkedHashMap<>();
    for (MonitorResult.WindowVerdict w : r.windowVerdicts()) {
      int[] c =
          byType.computeIfAbsent(
              w.driftType()
                  + " "
                  + w.granularity()
                  + w.modelId().map(m -> " model " + m).orElse(""),
              k -> new int[3]);
      c[0]++;
      c[1] += w.verdict().driftDetected() ? 1 : 0;
      c[2] += w.verdict().outcome() == Verdict.Outcome.NOT_ENOUGH_DATA ? 1 : 0;
    }
    byType.forEach(
        (k, v) ->
            sb.append("  ")
                .append(k)
                .append(": ")
                .append(v[1])
                .append(" of ")
                .append(v[0])
                .append(v[0] == 1 ? " window" : " windows")
                .append(" drifted")
                .append(v[2] > 0 ? ", " + v[2] + " with not enough data" : "")
                .append('\n'));
    for (MonitorResult.DriftRow d : r.drifts()) {
      if (d.drift().driftDetected()) {
        sb.append("  drift ")
            .append(where(d))
            .append(" '")
            .append(d.drift().columnName())
            .append("': ")
            .append(d.drift().reason())
            .append('\n');
      }
    }
    if (!r.chunked().isEmpty()) {
      sb.append("chunked methods: ")
          .append(r.chunkedAlerts().size())
          .append(" of ")
          .append(r.chunked().size())
          .append(" alert\n")
          .append(ChunkedReport.text(r));
    }
    for (MonitorResult.QualityRow q : r.quality()) {
      if (q.check().failed()) {
        MonitorResult.Group g = q.group();
        sb.append("  data quality ")
            .append(g.granularity())
            .append(g.windowStart().map(w -> " " + w).orElse(""))
            .append(" ")
            .append(QualityReport.line(q.check()))
            .append('\n');
      }
    }
    sb.append("result: ").append(r.verdict().summary()).append('\n');
    sb.append("rule: ").append(r.verdict().rule()).append('\n');
    for (String w : r.warnings()) {
      sb.append("warning: ").append(w).append('\n');
    }
    sb.append("query: SELECT * FROM drift_metrics WHERE monitor_name = '")
        .append(r.monitorName())
        .append("' AND run_at = '")
        .append(r.runAt())
        .append("'\n");
    return sb.toString();
  }
}
