package io.andon.cli;

import io.andon.error.InvalidInputException;
import io.andon.tdg.Baseline;
import io.andon.tdg.Grade;
import io.andon.tdg.Tdg;
import io.andon.tdg.TdgConfig;
import io.andon.tdg.TdgRender;
import io.andon.tdg.TdgReport;
import io.andon.util.Json;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code andon tdg}: grades a Java, Python or Rust project on complexity, coverage, documentation,
 * security.
 */
@Command(
    name = "tdg",
    description = {
      "Grade a Java, Python (notebooks too) or Rust project A-F on complexity (25%%), coverage"
          + " (35%%), documentation (15%%) and security (25%%); a repository with several"
          + " languages gets one grade, weighted by each language's lines. A component without"
          + " input is NOT_MEASURED and left out of the score, never counted as 0 or 100.",
      "Exit codes: 0 graded; 1 below --min-grade, regressed against --baseline, or a"
          + " component not measured with --require-measured; 2 invalid input."
    },
    subcommands = {TdgCommand.BaselineCommand.class},
    mixinStandardHelpOptions = true)
public final class TdgCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  @Mixin Inputs inputs;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text, json, markdown or sarif (default: text).")
  String format;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output.")
  Path output;

  @Option(
      names = "--min-grade",
      paramLabel = "GRADE",
      description = "Exit 1 when the grade is below GRADE (A, B, C, D or F).")
  String minGrade;

  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      description =
          "Compare with a baseline made by 'andon tdg baseline create'; exit 1 when"
              + " the project or a file lost more than --max-score-drop points.")
  Path baseline;

  @Option(
      names = "--max-score-drop",
      paramLabel = "N",
      description =
          "Largest allowed score drop against --baseline (default: 5, or"
              + " max_score_drop in andon-tdg.yaml).")
  Double maxScoreDrop;

  @Option(names = "--require-measured", description = "Exit 1 when any component is NOT_MEASURED.")
  boolean requireMeasured;

  /** Inputs shared by {@code tdg} and {@code tdg baseline create}. */
  static final class Inputs {
    @Parameters(
        index = "0",
        arity = "0..1",
        paramLabel = "PATH",
        description = "The project root (default: the current folder).")
    Path path;

    @Option(
        names = "--coverage",
        paramLabel = "FILE",
        description =
            "A coverage report: JaCoCo XML, Cobertura XML, LCOV or PIT mutations.xml;"
                + " repeat for several. Default: the usual build folders.")
    List<Path> coverage = new ArrayList<>();

    @Option(
        names = "--advisories",
        paramLabel = "DIR",
        description = "A folder of OSV advisory JSON files to match the dependencies against.")
    Path advisories;

    @Option(
        names = "--vulnerability-report",
        paramLabel = "FILE",
        description =
            "An OWASP dependency-check JSON report or a CycloneDX document with"
                + " vulnerabilities; repeat for several.")
    List<Path> reports = new ArrayList<>();

    @Option(
        names = "--config",
        paramLabel = "FILE",
        description = "Settings file (default: PATH/andon-tdg.yaml when present).")
    Path config;

    @Option(
        names = "--no-cache",
        description = "Parse every file, ignoring the hash cache under the andon home.")
    boolean noCache;

    Path root() {
      return path == null ? Path.of(".") : path;
    }

    Tdg.Request request(TdgConfig cfg, Path home, Optional<Path> baseline) {
      return new Tdg.Request(
          root(),
          cfg,
          coverage,
          Optional.ofNullable(advisories),
          reports,
          noCache ? Optional.empty() : Optional.of(home),
          baseline);
    }

    TdgConfig config() {
      if (path != null && Files.isRegularFile(path)) {
        throw new InvalidInputException(
            path
                + " is a file; andon tdg grades a whole project"
                + " (Java, Python or Rust): give its root folder, e.g. `andon tdg "
                + Optional.ofNullable(path.toAbsolutePath().getParent())
                    .map(p -> p.toString())
                    .orElse(".")
                + "`.");
      }
      if (path != null && !Files.isDirectory(path)) {
        throw new InvalidInputException(
            path
                + ": no such folder. Give the root of a Java,"
                + " Python or Rust project (the folder with pom.xml, pyproject.toml or Cargo.toml),"
                + " e.g. `andon tdg .`.");
      }
      return TdgConfig.load(root(), Optional.ofNullable(config));
    }
  }

  @Override
  public Integer call() {
    String fmt = format.toLowerCase(Locale.ROOT);
    if (!List.of("text", "json", "markdown", "sarif").contains(fmt)) {
      throw new InvalidInputException(
          "--format " + format + ": use text, json, markdown or" + " sarif.");
    }
    TdgConfig cfg = inputs.config();
    Optional<Grade> min =
        minGrade != null ? Optional.of(Grade.parse(minGrade, "--min-grade")) : cfg.minGrade();
    if (maxScoreDrop != null && baseline == null) {
      throw new InvalidInputException("--max-score-drop needs --baseline FILE.");
    }
    if (maxScoreDrop != null) {
      if (maxScoreDrop < 0 || maxScoreDrop.isNaN()) {
        throw new InvalidInputException(
            "--max-score-drop " + maxScoreDrop + ": give 0 or more" + " points.");
      }
      cfg = cfg.withMaxScoreDrop(maxScoreDrop);
    }
    TdgReport report = Tdg.run(inputs.request(cfg, common.home(), Optional.ofNullable(baseline)));
    String body =
        switch (fmt) {
          case "json" -> Json.pretty(TdgRender.json(report)) + "\n";
          case "markdown" -> TdgRender.markdown(report);
          case "sarif" -> Json.pretty(TdgRender.sarif(report, cfg)) + "\n";
          default -> TdgRender.text(report);
        };
    PrintWriter out = spec.commandLine().getOut();
    if (output != null) {
      OutputFile.write(output, body);
      out.println(
          "TDG "
              + report.grade()
              + " "
              + String.format(Locale.ROOT, "%.1f", report.score())
              + "/100; report written to "
              + output);
    } else {
      out.print(body);
    }
    out.flush();
    List<String> failures = new ArrayList<>();
    if (min.isPresent() && !report.grade().atLeast(min.get())) {
      failures.add(
          "grade "
              + report.grade()
              + " ("
              + report.score()
              + ") is below the minimum "
              + min.get());
    }
    report
        .regression()
        .filter(TdgReport.Regression::regressed)
        .ifPresent(
            g ->
                failures.add(
                    "regressed against "
                        + g.baseline()
                        + ": score "
                        + g.baselineScore()
                        + " -> "
                        + report.score()
                        + (g.worse().isEmpty()
                            ? ""
                            : "; worse files: "
                                + String.join(
                                    ", ",
                                    g.worse().stream().map(TdgReport.FileChange::path).toList()))));
    if ((requireMeasured || cfg.requireMeasured()) && !report.notMeasured().isEmpty()) {
      failures.add(
          "not measured: " + String.join(", ", report.notMeasured()) + " (--require-measured)");
    }
    if (!failures.isEmpty()) {
      PrintWriter err = spec.commandLine().getErr();
      failures.forEach(f -> err.println("andon: " + f));
      err.flush();
      return 1;
    }
    return 0;
  }

  /** {@code andon tdg baseline}: manages baselines. */
  @Command(
      name = "baseline",
      description = "Create a baseline to compare later grades with.",
      subcommands = {BaselineCreateCommand.class},
      mixinStandardHelpOptions = true)
  static final class BaselineCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      throw new InvalidInputException("'andon tdg baseline' needs a subcommand: create.");
    }
  }

  /** {@code andon tdg baseline create}: saves per-file hashes and scores. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description =
          "Grade the project and save its score and per-file content hashes and"
              + " scores (default: PATH/"
              + Baseline.FILE
              + ").")
  static final class BaselineCreateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin CommonOptions common;

    @Mixin Inputs inputs;

    @Option(
        names = "--output",
        paramLabel = "FILE",
        description = "Where to write the baseline (default: PATH/" + Baseline.FILE + ").")
    Path output;

    @Override
    public Integer call() {
      TdgConfig cfg = inputs.config();
      TdgReport report = Tdg.run(inputs.request(cfg, common.home(), Optional.empty()));
      Path file = output != null ? output : inputs.root().resolve(Baseline.FILE);
      Baseline.write(report, file, Instant.now());
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          "baseline written to "
              + file
              + ": TDG "
              + report.grade()
              + " "
              + String.format(Locale.ROOT, "%.1f", report.score())
              + "/100, "
              + report.files().size()
              + " files");
      if (!report.notMeasured().isEmpty()) {
        out.println("not measured: " + String.join(", ", report.notMeasured()));
      }
      out.flush();
      return 0;
    }
  }
}
