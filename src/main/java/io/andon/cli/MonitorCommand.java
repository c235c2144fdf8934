package io.andon.cli;

import io.andon.error.InvalidInputException;
import io.andon.monitor.MetricsStore;
import io.andon.monitor.MonitorLoader;
import io.andon.monitor.MonitorResult;
import io.andon.monitor.MonitorRun;
import io.andon.monitor.MonitorSpec;
import io.andon.monitor.report.MonitorHtml;
import io.andon.monitor.report.MonitorJson;
import io.andon.monitor.report.ParquetExport;
import io.andon.store.Store;
import io.andon.util.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
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
      "Exit codes: 0 done (1 with --fail-on-drift when a column drifted), 2 invalid input."
    },
    mixinStandardHelpOptions = true)
public final class MonitorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(index = "0", paramLabel = "MONITOR_FILE", description = "The monitor's YAML file.")
  Path file;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "text, json or html (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the output to FILE.")
  Path output;

  @Option(names = "--parquet", paramLabel = "DIR",
      description = "Also write profile_metrics.parquet and drift_metrics.parquet to DIR.")
  Path parquet;

  @Option(names = "--no-store", description = "Do not write to the andon store.")
  boolean noStore;

  @Option(names = "--fail-on-drift", description = "Exit 1 when any drift row says drift.")
  boolean failOnDrift;

  @Override
  public Integer call() {
    if (!format.equals("text") && !format.equals("json") && !format.equals("html")) {
      throw new InvalidInputException("--format must be text, json or html, not '" + format
          + "'.");
    }
    MonitorSpec m = MonitorLoader.load(file);
    PrintWriter err = spec.commandLine().getErr();
    boolean tty = System.console() != null;
    Consumer<String> progress = tty ? line -> {
      err.print("\r\u001b[K" + line);
      err.flush();
    } : line -> { };
    MonitorResult result = new MonitorRun(m, Clock.systemUTC(), progress).run();
    if (tty) {
      err.print("\r\u001b[K");
      err.flush();
    }
    if (parquet != null) {
      ParquetExport.write(result, parquet);
    }
    if (!noStore) {
      try (Store store = Store.open(common.home())) {
        MetricsStore.append(store, result);
      }
    }
    String text = format.equals("json") ? Json.pretty(MonitorJson.toJson(result)) + "\n"
        : format.equals("html") ? MonitorHtml.render(result)
        : summary(result, noStore ? null : common.home());
    PrintWriter out = spec.commandLine().getOut();
    if (output != null) {
      OutputFile.write(output, text);
      long drifted = result.drifts().stream().filter(d -> d.drift().driftDetected()).count();
      out.println("monitor " + result.monitorName() + ": " + (drifted > 0 ? "DRIFT" : "no drift")
          + ": " + drifted + " of " + result.drifts().size() + " drift rows drifted; "
          + format + " written to " + output);
    } else {
      out.print(text);
    }
    out.flush();
    return failOnDrift && result.driftDetected() ? 1 : 0;
  }

  static String summary(MonitorResult r, Path home) {
    StringBuilder sb = new StringBuilder();
    sb.append("monitor ").append(r.monitorName()).append(": ").append(r.profiles().size())
        .append(" profile rows, ").append(r.drifts().size()).append(" drift rows")
        .append(home == null ? " (not stored)" : " appended to " + home.resolve(Store.DB_FILE))
        .append('\n');
    Map<String, int[]> byType = new LinkedHashMap<>();
    for (MonitorResult.DriftRow d : r.drifts()) {
      int[] c = byType.computeIfAbsent(d.driftType() + " " + d.group().granularity(),
          k -> new int[2]);
      c[0]++;
      if (d.drift().driftDetected()) {
        c[1]++;
      }
    }
    byType.forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v[1]).append(" of ")
        .append(v[0]).append(" column windows drifted\n"));
    for (MonitorResult.DriftRow d : r.drifts()) {
      if (d.drift().driftDetected()) {
        sb.append("  drift ").append(d.driftType()).append(' ')
            .append(d.group().windowStart().map(Object::toString).orElse("snapshot"))
            .append(d.group().sliceKey().map(k -> " [" + k + "=" + d.group().sliceValue()
                .orElse("") + "]").orElse("")).append(" '").append(d.drift().columnName())
            .append("': ").append(d.drift().reason()).append('\n');
      }
    }
    for (String w : r.warnings()) {
      sb.append("warning: ").append(w).append('\n');
    }
    sb.append("query: SELECT * FROM drift_metrics WHERE monitor_name = '").append(r.monitorName())
        .append("' AND run_at = '").append(r.runAt()).append("'\n");
    return sb.toString();
  }
}
