package io.andon.tdg;

import io.andon.tdg.security.SecurityScan;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A graded project: the score, the components it rests on (each MEASURED or NOT_MEASURED, with its
 * metrics), files and methods worst first, the files that could not be graded, and the comparison
 * with a baseline when one was given.
 */
public record TdgReport(
    String root,
    double score,
    Grade grade,
    List<Component> components,
    List<FileResult> files,
    List<String> notMeasured,
    List<Ungraded> ungraded,
    List<String> warnings,
    Optional<Regression> regression,
    int analysedFiles,
    int cachedFiles,
    SecurityScan.Result security,
    List<LanguageResult> languages,
    double confidence) {

  public TdgReport {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(grade, "grade");
    components = List.copyOf(components);
    files = List.copyOf(files);
    notMeasured = List.copyOf(notMeasured);
    ungraded = List.copyOf(ungraded);
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(regression, "regression");
    Objects.requireNonNull(security, "security");
    languages = List.copyOf(languages);
  }

  /** MEASURED or NOT_MEASURED. */
  public static final String MEASURED = "MEASURED";

  public static final String NOT_MEASURED = "NOT_MEASURED";

  /**
   * One component of the grade.
   *
   * @param weight the configured weight, as a fraction of the configured total
   * @param effectiveWeight the share it carries in this score after renormalisation (0 when not
   *     measured)
   * @param reason why it is not measured; empty when it is
   * @param metrics what was measured, by name (numbers, strings, lists, maps)
   */
  public record Component(
      String name,
      String status,
      OptionalDouble score,
      double weight,
      double effectiveWeight,
      String reason,
      Map<String, Object> metrics) {
    public Component {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(score, "score");
      Objects.requireNonNull(reason, "reason");
      metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    }

    public boolean measured() {
      return status.equals(MEASURED);
    }
  }

  /**
   * A method with its score.
   *
   * @param cell the notebook cell holding it ({@code line} counts from the cell's first line); 0
   *     outside notebooks
   */
  public record MethodResult(
      String name,
      int line,
      int cyclomatic,
      int cognitive,
      int nesting,
      int length,
      int parameters,
      double score,
      int cell) {
    /** Where it stands in {@code path}: {@code path:12} or {@code nb.ipynb [cell 4] line 3}. */
    public String where(String path) {
      return io.andon.tdg.source.MethodMetrics.where(path, line, cell);
    }
  }

  /**
   * One language's part of the grade.
   *
   * @param share its lines as a fraction of the graded lines of every language: the weight of its
   *     complexity, coverage and documentation in the project's
   * @param complexity, coverage, documentation its component scores; empty when not measured
   *     (documentation: the share of its public API with doc comments, in percent)
   */
  public record LanguageResult(
      String name,
      int files,
      int ungraded,
      long lines,
      double share,
      int methods,
      OptionalDouble complexity,
      OptionalDouble coverage,
      OptionalDouble documentation) {}

  /** A graded file; sub-scores are empty when not measured for that file. */
  public record FileResult(
      String path,
      String language,
      String sha256,
      double score,
      OptionalDouble complexity,
      OptionalDouble coverage,
      OptionalDouble documentation,
      List<MethodResult> methods,
      List<String> undocumented) {
    public FileResult {
      methods = List.copyOf(methods);
      undocumented = List.copyOf(undocumented);
    }
  }

  /** A file that could not be graded, and why. */
  public record Ungraded(String path, String reason) {}

  /** A file whose score dropped since the baseline. */
  public record FileChange(String path, double before, double after) {
    public double drop() {
      return before - after;
    }
  }

  /**
   * The comparison with a baseline.
   *
   * @param worse files whose score dropped by more than the allowed drop, worst first
   * @param regressed true when the project or any file dropped by more than the allowed drop
   */
  public record Regression(
      String baseline,
      double maxScoreDrop,
      double baselineScore,
      Grade baselineGrade,
      double scoreDrop,
      boolean gradeDropped,
      List<FileChange> worse,
      boolean regressed) {
    public Regression {
      worse = List.copyOf(worse);
    }
  }

  public Optional<Component> component(String name) {
    return components.stream().filter(c -> c.name().equals(name)).findFirst();
  }
}
