package io.andon.tdg;

import io.andon.error.InvalidInputException;
import io.andon.tdg.coverage.CoverageReaders;
import io.andon.tdg.docs.ReadmeScore;
import io.andon.tdg.security.SecurityScan;
import io.andon.tdg.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Grades a Java, Python or Rust project: the plain Java API behind {@code andon tdg} and {@code
 * tdg_task}.
 */
public final class Tdg {
  private Tdg() {}

  /**
   * What to grade and how.
   *
   * @param root the project folder
   * @param coverage coverage reports; when empty, the usual build folders are searched
   * @param advisories an OSV advisory folder
   * @param vulnerabilityReports OWASP dependency-check or CycloneDX vulnerability reports
   * @param cacheHome the andon home holding the hash cache; empty to analyse every file
   * @param baseline a baseline to compare with
   */
  public record Request(
      Path root,
      TdgConfig config,
      List<Path> coverage,
      Optional<Path> advisories,
      List<Path> vulnerabilityReports,
      Optional<Path> cacheHome,
      Optional<Path> baseline) {
    public Request {
      Objects.requireNonNull(root, "root");
      Objects.requireNonNull(config, "config");
      coverage = List.copyOf(coverage);
      Objects.requireNonNull(advisories, "advisories");
      vulnerabilityReports = List.copyOf(vulnerabilityReports);
      Objects.requireNonNull(cacheHome, "cacheHome");
      Objects.requireNonNull(baseline, "baseline");
    }

    /** Grades {@code root} with its andon-tdg.yaml, searching the usual places for reports. */
    public static Request of(Path root) {
      return new Request(
          root,
          TdgConfig.load(root, Optional.empty()),
          List.of(),
          Optional.empty(),
          List.of(),
          Optional.empty(),
          Optional.empty());
    }
  }

  /** Files larger than this are taken as generated and listed as ungraded, not parsed. */
  public static final long MAX_FILE_BYTES = SourceScan.MAX_FILE_BYTES;

  /**
   * Grades the project in four steps: source scan ({@link SourceScan}), coverage match ({@link
   * CoverageMatch}), one scorer per component ({@link Components#STANDARD}) and file grades ({@link
   * FileGrades}).
   */
  public static TdgReport run(Request req) {
    Path root = req.root();
    if (!Files.isDirectory(root)) {
      throw new InvalidInputException(
          root
              + ": no such folder. Give the root of a Java, Python"
              + " or Rust project (the folder with pom.xml, pyproject.toml or Cargo.toml).");
    }
    TdgConfig cfg = req.config();
    SourceScan.Result scan = SourceScan.scan(root, cfg, req.cacheHome());
    List<SourceFile> files = scan.files();
    List<SourceFile> parsed = scan.parsed();
    List<TdgReport.Ungraded> ungraded = scan.ungraded();
    List<String> warnings = new ArrayList<>(scan.warnings());

    List<Path> reportPaths =
        !req.coverage().isEmpty()
            ? req.coverage()
            : !cfg.coverage().isEmpty() ? cfg.coverage() : CoverageReaders.discover(root);
    CoverageMatch match =
        CoverageMatch.of(reportPaths.stream().map(CoverageReaders::read).toList(), parsed);
    warnings.addAll(match.warnings());
    List<TdgReport.LanguageResult> languages =
        LanguageShares.of(files, match.coverage(), match.mutations(), cfg);
    SecurityScan.Result security =
        SecurityScan.run(root, req.advisories().or(cfg::advisories), req.vulnerabilityReports());
    ComponentScorer.Inputs inputs =
        new ComponentScorer.Inputs(cfg, parsed, languages, match, ReadmeScore.of(root), security);

    List<String> notMeasured = new ArrayList<>();
    List<TdgReport.Component> scored = new ArrayList<>();
    for (ComponentScorer scorer : Components.STANDARD) {
      ComponentScorer.Scored s = scorer.score(inputs);
      scored.add(s.component());
      notMeasured.addAll(s.notMeasuredParts());
    }
    List<TdgReport.Component> components = weigh(scored, cfg.weights());
    Map<String, OptionalDouble> values = new LinkedHashMap<>();
    components.forEach(c -> values.put(c.name(), c.score()));
    OptionalDouble project = Scoring.weighted(values, cfg.weights());
    if (project.isEmpty()) {
      throw new InvalidInputException(
          root
              + ": nothing to grade: no Java, Python or Rust file"
              + (files.isEmpty() ? "" : " parses")
              + " outside the excludes, and no coverage,"
              + " README or advisory data. Check PATH and the excludes in andon-tdg.yaml.");
    }
    components.stream().filter(c -> !c.measured()).forEach(c -> notMeasured.add(c.name()));
    notMeasured.sort(Comparator.naturalOrder());
    boolean coverageMeasured =
        components.stream().anyMatch(c -> c.name().equals("coverage") && c.measured());
    List<TdgReport.FileResult> fileResults = FileGrades.of(parsed, cfg, match, coverageMeasured);

    double score = Scoring.round1(project.getAsDouble());
    Grade grade = Grade.of(score);
    Optional<TdgReport.Regression> regression =
        req.baseline()
            .map(
                b ->
                    Baseline.compare(
                        Baseline.read(b),
                        b.toString(),
                        score,
                        grade,
                        fileResults,
                        cfg.maxScoreDrop()));
    if (!ungraded.isEmpty()) {
      warnings.add(ungraded.size() + " file(s) could not be graded; see ungraded_files");
    }
    return new TdgReport(
        root.toString(),
        score,
        grade,
        components,
        fileResults,
        notMeasured,
        ungraded,
        warnings,
        regression,
        files.size() - scan.fromCache(),
        scan.fromCache(),
        security,
        languages,
        LanguageShares.confidence(files));
  }

  /** Sets each component's share of the total weight and of the measured weight. */
  private static List<TdgReport.Component> weigh(
      List<TdgReport.Component> scored, Map<String, Double> weights) {
    double weightSum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    double measuredWeight =
        scored.stream()
            .filter(TdgReport.Component::measured)
            .mapToDouble(c -> weights.getOrDefault(c.name(), 0.0))
            .sum();
    List<TdgReport.Component> out = new ArrayList<>();
    for (TdgReport.Component c : scored) {
      double w = weights.getOrDefault(c.name(), 0.0);
      out.add(
          new TdgReport.Component(
              c.name(),
              c.status(),
              c.score(),
              weightSum == 0 ? 0 : w / weightSum,
              c.measured() && measuredWeight > 0 ? w / measuredWeight : 0,
              c.reason(),
              c.metrics()));
    }
    return out;
  }
}
