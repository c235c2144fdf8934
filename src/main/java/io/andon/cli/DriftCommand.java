package io.andon.cli;

import io.andon.error.InvalidInputException;
import io.andon.monitor.ColumnThresholds;
import io.andon.monitor.DriftOptions;
import io.andon.monitor.DriftReport;
import io.andon.monitor.TableComparison;
import io.andon.monitor.data.DataSource;
import io.andon.monitor.data.InputSize;
import io.andon.monitor.data.Workers;
import io.andon.monitor.quality.Bounds;
import io.andon.monitor.report.HtmlReport;
import io.andon.monitor.report.JsonReport;
import io.andon.monitor.report.TextReport;
import io.andon.monitor.sketch.SketchComparison;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code andon drift}: compares a current table with a baseline, column by column. */
@Command(
    name = "drift",
    description = {
      "Compare a current table with a baseline and say which columns drifted.",
      "Reads CSV, Parquet and JSON-lines files, folders or globs of them.",
      "Exit codes: 0 no drift, 1 drift, 2 invalid input, 4 not enough data to decide."
    },
    mixinStandardHelpOptions = true)
public final class DriftCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format {
    text,
    json,
    html
  }

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(
      names = "--baseline",
      required = true,
      paramLabel = "FILE",
      description = "The reference data: a file, a folder or a glob.")
  String baseline;

  @Option(
      names = "--current",
      required = true,
      paramLabel = "FILE",
      description = "The data to check: a file, a folder or a glob.")
  String current;

  @Option(
      names = "--columns",
      split = ",",
      paramLabel = "COL",
      description = "Compare only these columns (default: all).")
  List<String> columns = new ArrayList<>();

  @Option(
      names = "--ignore",
      split = ",",
      paramLabel = "COL",
      description = "Never compare these columns.")
  List<String> ignore = new ArrayList<>();

  @Option(
      names = "--numeric",
      split = ",",
      paramLabel = "COL",
      description = "Compare these columns as numbers, whatever their inferred type.")
  List<String> numeric = new ArrayList<>();

  @Option(
      names = "--categorical",
      split = ",",
      paramLabel = "COL",
      description = "Compare these columns as categories, whatever their inferred type.")
  List<String> categorical = new ArrayList<>();

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text, json or html (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output.")
  Path output;

  @Option(
      names = "--bins",
      defaultValue = "10",
      paramLabel = "N",
      description = "Quantile bins for PSI and JS on numeric columns (default: ${DEFAULT-VALUE}).")
  int bins;

  @Option(
      names = "--psi-threshold",
      defaultValue = "0.25",
      paramLabel = "X",
      description = "PSI at which a column drifts (default: ${DEFAULT-VALUE}).")
  double psiThreshold;

  @Option(
      names = "--wasserstein-threshold",
      defaultValue = "0.25",
      paramLabel = "X",
      description =
          "Wasserstein distance / baseline std at which a numeric column drifts"
              + " (default: ${DEFAULT-VALUE}).")
  double wassersteinThreshold;

  @Option(
      names = "--js-threshold",
      defaultValue = "0.2",
      paramLabel = "X",
      description =
          "Jensen-Shannon distance (base 2) at which a column drifts"
              + " (default: ${DEFAULT-VALUE}).")
  double jsThreshold;

  @Option(
      names = "--pvalue",
      defaultValue = "0.01",
      paramLabel = "P",
      description =
          "An effect counts only when its test's p-value is below P"
              + " (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(
      names = "--null-threshold",
      defaultValue = "0.1",
      paramLabel = "X",
      description =
          "A column drifts when its share of nulls moves by X or more"
              + " (default: ${DEFAULT-VALUE}).")
  double nullThreshold;

  @Option(
      names = "--drift-share",
      paramLabel = "X",
      description =
          "The dataset drifts when at least this share of the compared columns"
              + " drifted (default: when any column drifts).")
  Double driftShare;

  @Option(
      names = "--min-sample",
      defaultValue = "500",
      paramLabel = "ROWS",
      description =
          "Fewest rows on each side for a column to be judged; below it the column is"
              + " NOT_ENOUGH_DATA (default: ${DEFAULT-VALUE}).")
  int minSample;

  @Option(
      names = "--column-threshold",
      paramLabel = "COL:METRIC=X",
      description =
          "A threshold of one column, e.g. age:population_stability_index=0.1"
              + " (metrics: population_stability_index, wasserstein_distance_normed, js_distance,"
              + " pvalue, percent_null_delta). Repeatable.")
  List<String> columnThresholds = new ArrayList<>();

  @Option(
      names = "--bounds",
      paramLabel = "COL=MIN:MAX",
      description =
          "Declared range of a numeric column for the data-quality check out_of_range, e.g."
              + " age=0:120 (an empty side is unbounded); any value outside fails it. Without it,"
              + " the baseline's range applies. Repeatable.")
  List<String> bounds = new ArrayList<>();

  @Option(names = "--quiet", description = "No progress lines on the terminal.")
  boolean quiet;

  @Option(
      names = "--sketch",
      description =
          "Streaming mode: read each input once into mergeable sketches (KLL, HLL,"
              + " frequent items); memory grows with columns, not rows. Metrics are within the"
              + " sketches' error; no histograms, no mixed-type analysis.")
  boolean sketch;

  @Option(
      names = "--exact",
      description =
          "Compare every value even when the inputs hold more values than --sketch-above.")
  boolean exact;

  @Option(
      names = "--sketch-above",
      paramLabel = "MILLIONS",
      defaultValue = "500",
      description =
          "Above this many million values in both inputs (rows x columns; for CSV and JSON"
              + " lines estimated as one value per 8 bytes), streaming mode is the default."
              + " Default: ${DEFAULT-VALUE}.")
  long sketchAbove;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Threads for reading and comparing columns (DuckDB's included); default: the"
              + " machine's cores.")
  Integer threads;

  @Override
  public Integer call() {
    DriftOptions options = options();
    DataSource b = DataSource.resolve(baseline, "--baseline");
    DataSource c = DataSource.resolve(current, "--current");
    PrintWriter err = spec.commandLine().getErr();
    boolean tty = System.console() != null && !quiet;
    Consumer<String> progress =
        tty
            ? line -> {
              err.print("\r\u001b[K" + line);
              err.flush();
            }
            : line -> {};
    boolean streaming = streaming(b, c, err);
    DriftReport report =
        streaming
            ? SketchComparison.compare(b, c, options, progress, threads())
            : TableComparison.compare(b, c, options, bounds(), progress, threads());
    if (tty) {
      err.print("\r\u001b[K");
      err.flush();
    }
    String text =
        switch (format) {
          case text -> TextReport.render(report);
          case json -> JsonReport.render(report);
          case html -> HtmlReport.render(report, Instant.now());
        };
    PrintWriter out = spec.commandLine().getOut();
    if (output != null) {
      OutputFile.write(output, text);
      out.println(report.verdict().summary() + "; report written to " + output);
    } else {
      out.print(text);
    }
    out.flush();
    return report.verdict().outcome().exitCode();
  }

  /** Whether to compare in streaming mode: asked, or by default above the size limit. */
  private boolean streaming(DataSource b, DataSource c, PrintWriter err) {
    if (sketch && exact) {
      throw new InvalidInputException(
          "--sketch and --exact contradict each other: drop one of them.");
    }
    if (sketch || exact || !bounds.isEmpty()) {
      return sketch; // --bounds needs the tables
    }
    long values = InputSize.values(b) + InputSize.values(c);
    if (sketchAbove < 0) {
      throw new InvalidInputException(
          "invalid option: --sketch-above must be 0 or more, got " + sketchAbove + ".");
    }
    if (values <= sketchAbove * 1_000_000) {
      return false;
    }
    err.println(
        "andon: the inputs hold about "
            + values / 1_000_000
            + " million values, more than "
            + sketchAbove
            + " million (--sketch-above): comparing in streaming mode (--sketch), within the sketches' error;"
            + " pass --exact to compare every value (about 16 bytes of memory per value).");
    err.flush();
    return true;
  }

  private int threads() {
    int n = threads == null ? Workers.cores() : threads;
    if (n < 1) {
      throw new InvalidInputException(
          "invalid option: --threads must be at least 1, got " + n + ".");
    }
    return n;
  }

  private Map<String, Bounds> bounds() {
    Map<String, Bounds> out = Bounds.parseAll(bounds);
    if (sketch && !out.isEmpty()) {
      throw new InvalidInputException(
          "--bounds needs the tables, which --sketch does not keep: drop one of them.");
    }
    return out;
  }

  private DriftOptions options() {
    try {
      Set<String> cols = new LinkedHashSet<>();
      for (String s : columns) {
        if (!s.isBlank()) {
          cols.add(s.strip());
        }
      }
      DriftOptions.Thresholds th =
          new DriftOptions.Thresholds(
              psiThreshold, wassersteinThreshold, jsThreshold, alpha, nullThreshold);
      return new DriftOptions(
          new ArrayList<>(cols),
          strip(ignore),
          strip(numeric),
          strip(categorical),
          bins,
          th,
          ColumnThresholds.parse(columnThresholds, th),
          driftShare == null ? OptionalDouble.empty() : OptionalDouble.of(driftShare),
          minSample,
          1);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("invalid option: " + e.getMessage() + ".");
    }
  }

  private static Set<String> strip(List<String> in) {
    Set<String> s = new LinkedHashSet<>();
    for (String x : in) {
      if (!x.isBlank()) {
        s.add(x.strip());
      }
    }
    return s;
  }
}
