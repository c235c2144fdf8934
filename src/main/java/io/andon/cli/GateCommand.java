package io.andon.cli;

import io.andon.error.InvalidInputException;
import io.andon.gate.BaselineResolver;
import io.andon.gate.Check;
import io.andon.gate.GateResult;
import io.andon.gate.GateStore;
import io.andon.gate.GatesFile;
import io.andon.gate.JsonMetrics;
import io.andon.gate.Measurement;
import io.andon.gate.MetricSource;
import io.andon.gate.Metrics;
import io.andon.gate.QualityGate;
import io.andon.gate.ReportFormat;
import io.andon.store.Store;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code andon gate}: checks metrics against a quality gate; exit 1 when the gate fails. */
@Command(
    name = "gate",
    mixinStandardHelpOptions = true,
    description = {
      "Check metrics against a quality gate from GATES_FILE.",
      "Exit 0 when every blocking check passes, 1 when a blocking check fails or is not"
          + " measured, 2 for invalid input."
    })
public final class GateCommand implements Callable<Integer> {
  private static final Pattern PREFIX = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "GATES_FILE", description = "YAML file of gates.")
  Path gatesFile;

  @Option(
      names = "--gate",
      paramLabel = "NAME",
      description = "The gate to check; needed when the file holds several.")
  String gate;

  @Option(
      names = "--metrics",
      paramLabel = "[PREFIX=]FILE",
      description =
          "A JSON file of metrics (repeatable). Its values are found by their path"
              + " (accuracy, model.auc) and under the prefix (default: the file name without .json),"
              + " e.g. tdg.score for tdg.json.")
  List<String> metricsFiles = new ArrayList<>();

  @Option(
      names = "--metric",
      paramLabel = "NAME=VALUE",
      description = "A metric's value (repeatable); comes before the files.")
  List<String> metricValues = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "text (default), json, junit, markdown or sarif.")
  ReportFormat format = ReportFormat.TEXT;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description =
          "Write the report in --format to FILE; the text report still goes to the" + " terminal.")
  Path output;

  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      description =
          "JSON file of baseline metrics for max_drop/max_rise checks that name no"
              + " baseline of their own.")
  Path baseline;

  @Option(
      names = "--job-name",
      paramLabel = "NAME",
      description =
          "Compare max_drop/max_rise checks that name no baseline with the last"
              + " successful run of this job in the run history.")
  String jobName;

  @Option(
      names = "--no-record",
      description = "Do not store the result in the run history (--home).")
  boolean noRecord;

  private Store store;

  @Override
  public Integer call() {
    try {
      return run();
    } finally {
      if (store != null) {
        store.close();
      }
    }
  }

  private int run() {
    if (baseline != null && jobName != null) {
      throw new InvalidInputException("give --baseline FILE or --job-name NAME, not both.");
    }
    GatesFile file = GatesFile.load(gatesFile);
    QualityGate g = file.gate(Optional.ofNullable(gate));
    Optional<Check> needs = g.firstNeedingGivenBaseline();
    if (needs.isPresent() && baseline == null && jobName == null) {
      Check c = needs.get();
      throw new InvalidInputException(
          c.loc().map(l -> l + ": ").orElse("")
              + "check '"
              + c.name()
              + "' compares with a baseline, but none was given. Pass --baseline FILE"
              + " or --job-name NAME, or set baseline: FILE or baseline_job: NAME on the check.");
    }
    Metrics.Builder metrics = Metrics.builder(file.baseDir());
    for (String m : metricValues) {
      int eq = m.lastIndexOf('=');
      if (eq <= 0) {
        throw new InvalidInputException(
            "--metric '" + m + "': write NAME=VALUE, e.g. --metric" + " accuracy=0.96.");
      }
      String name = m.substring(0, eq).strip();
      String text = m.substring(eq + 1);
      Measurement v =
          Measurement.parse(text, "--metric")
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "--metric "
                              + name
                              + ": '"
                              + text
                              + "' is not a number;"
                              + " write e.g. --metric "
                              + name
                              + "=0.96."));
      metrics.metric(name, v.value());
    }
    for (String f : metricsFiles) {
      metrics.add(metricsFile(f));
    }
    Optional<MetricSource> given = Optional.empty();
    if (baseline != null) {
      given = Optional.of(JsonMetrics.read("", baseline));
    } else if (jobName != null) {
      given = Optional.of(history().lastSuccessfulRun(jobName, OptionalLong.empty()));
    }
    BaselineResolver baselines =
        new BaselineResolver(given, () -> Optional.of(history()), OptionalLong.empty());
    GateResult result = g.evaluate(metrics.build(), baselines);
    if (!noRecord) {
      history()
          .record(
              result,
              GateStore.Origin.standalone(Optional.of(gatesFile.toString())),
              Instant.now());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (output != null) {
      OutputFile.write(output, format.render(result, Optional.of(gatesFile)));
      out.print(ReportFormat.TEXT.render(result, Optional.of(gatesFile)));
      out.println("report (" + format.lower() + ") written to " + output);
    } else {
      out.print(format.render(result, Optional.of(gatesFile)));
    }
    out.flush();
    return result.passed() ? 0 : 1;
  }

  private static JsonMetrics metricsFile(String arg) {
    int eq = arg.indexOf('=');
    if (eq > 0 && PREFIX.matcher(arg.substring(0, eq)).matches() && !Files.exists(Path.of(arg))) {
      return JsonMetrics.read(arg.substring(0, eq), Path.of(arg.substring(eq + 1)));
    }
    return JsonMetrics.read(Path.of(arg));
  }

  private GateStore history() {
    if (store == null) {
      store = Store.open(common.home());
    }
    return new GateStore(store);
  }
}
