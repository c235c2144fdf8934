package io.andon.tdg;

import io.andon.error.InvalidInputException;
import io.andon.tdg.coverage.CoverageReaders;
import io.andon.tdg.coverage.CoverageReport;
import io.andon.tdg.coverage.FileCoverage;
import io.andon.tdg.coverage.FileMutations;
import io.andon.tdg.docs.ReadmeScore;
import io.andon.tdg.security.Finding;
import io.andon.tdg.security.SecurityScan;
import io.andon.tdg.security.Severity;
import io.andon.tdg.source.JavaSourceAnalyzer;
import io.andon.tdg.source.Language;
import io.andon.tdg.source.Languages;
import io.andon.tdg.source.MethodMetrics;
import io.andon.tdg.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Grades a Java, Python or Rust project: the plain Java API behind {@code andon tdg} and
 * {@code tdg_task}.
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
      Path root, TdgConfig config, List<Path> coverage, Optional<Path> advisories,
      List<Path> vulnerabilityReports, Optional<Path> cacheHome, Optional<Path> baseline) {
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
      return new Request(root, TdgConfig.load(root, Optional.empty()), List.of(),
          Optional.empty(), List.of(), Optional.empty(), Optional.empty());
    }
  }

  /** Files larger than this are taken as generated and listed as ungraded, not parsed. */
  public static final long MAX_FILE_BYTES = 1 << 20;

  /**
   * The source files of every language under {@code root} that no exclude glob matches, as
   * relative paths.
   */
  public static List<String> sources(Path root, TdgConfig config) {
    Glob exclude = new Glob(config.allExcludes());
    List<String> out = new ArrayList<>();
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          if (dir.equals(root)) {
            return FileVisitResult.CONTINUE;
          }
          String rel = relative(root, dir);
          return exclude.matches(rel + "/_") ? FileVisitResult.SKIP_SUBTREE
              : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          String rel = relative(root, file);
          if (Languages.of(rel).isPresent() && attrs.isRegularFile() && !exclude.matches(rel)) {
            out.add(rel);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException exc) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new InvalidInputException(root + ": cannot be listed (" + e.getMessage() + ").", e);
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }

  static String relative(Path root, Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }

  /** Grades the project. */
  public static TdgReport run(Request req) {
    Path root = req.root();
    if (!Files.isDirectory(root)) {
      throw new InvalidInputException(root + ": no such folder. Give the root of a Java, Python"
          + " or Rust project (the folder with pom.xml, pyproject.toml or Cargo.toml).");
    }
    TdgConfig cfg = req.config();
    List<String> warnings = new ArrayList<>();

    // 1. sources, through the hash cache
    List<String> paths = sources(root, cfg);
    AnalysisCache cache = req.cacheHome()
        .map(h -> AnalysisCache.load(AnalysisCache.fileFor(h, root)))
        .orElse(AnalysisCache.none());
    AtomicInteger cached = new AtomicInteger();
    List<AnalysisCache.Entry> entries = paths.parallelStream()
        .map(rel -> analyse(root, rel, cache, cached)).toList();
    List<SourceFile> files = entries.stream().map(AnalysisCache.Entry::file).toList();
    if (req.cacheHome().isPresent() && cached.get() < files.size()) {
      try {
        cache.save(entries);
      } catch (IOException | UncheckedIOException e) {
        warnings.add("could not write the analysis cache (" + e.getMessage() + "); the next run"
            + " will parse every file again");
      }
    }
    List<SourceFile> parsed = files.stream().filter(SourceFile::parsed).toList();
    List<TdgReport.Ungraded> ungraded = files.stream().filter(f -> !f.parsed())
        .map(f -> new TdgReport.Ungraded(f.path(), f.parseError().orElse(""))).toList();

    // 2. coverage
    List<Path> reportPaths = !req.coverage().isEmpty() ? req.coverage()
        : !cfg.coverage().isEmpty() ? cfg.coverage() : CoverageReaders.discover(root);
    List<CoverageReport> reports = reportPaths.stream().map(CoverageReaders::read).toList();
    Map<String, FileCoverage> coverageByFile = new HashMap<>();
    Map<String, FileMutations> mutationsByFile = new HashMap<>();
    matchCoverage(reports, parsed, coverageByFile, mutationsByFile, warnings);

    List<TdgReport.LanguageResult> languages =
        LanguageShares.of(files, coverageByFile, mutationsByFile, cfg);

    // 3. documentation
    ReadmeScore.Result readme = ReadmeScore.of(root);

    // 4. security
    SecurityScan.Result security = SecurityScan.run(root,
        req.advisories().or(cfg::advisories), req.vulnerabilityReports());

    // 5. components
    Map<String, Double> totalWeights = cfg.weights();
    double weightSum = totalWeights.values().stream().mapToDouble(Double::doubleValue).sum();
    List<String> notMeasured = new ArrayList<>();
    Map<String, TdgReport.Component> comps = new LinkedHashMap<>();
    comps.put("complexity", complexity(parsed, cfg, languages));
    comps.put("coverage", coverage(reports, coverageByFile, mutationsByFile, notMeasured,
        LanguageShares.weighted(languages, TdgReport.LanguageResult::coverage)));
    comps.put("documentation", documentation(parsed, readme, languages));
    comps.put("security", security(security));
    Map<String, OptionalDouble> values = new LinkedHashMap<>();
    comps.forEach((k, c) -> values.put(k, c.score()));
    OptionalDouble project = Scoring.weighted(values, totalWeights);
    if (project.isEmpty()) {
      throw new InvalidInputException(root + ": nothing to grade: no Java, Python or Rust file"
          + (files.isEmpty() ? "" : " parses") + " outside the excludes, and no coverage,"
          + " README or advisory data. Check PATH and the excludes in andon-tdg.yaml.");
    }
    double measuredWeight = comps.values().stream().filter(TdgReport.Component::measured)
        .mapToDouble(c -> totalWeights.getOrDefault(c.name(), 0.0)).sum();
    List<TdgReport.Component> components = new ArrayList<>();
    for (TdgReport.Component c : comps.values()) {
      double w = totalWeights.getOrDefault(c.name(), 0.0);
      if (!c.measured()) {
        notMeasured.add(0, c.name());
      }
      components.add(new TdgReport.Component(c.name(), c.status(), c.score(),
          weightSum == 0 ? 0 : w / weightSum,
          c.measured() && measuredWeight > 0 ? w / measuredWeight : 0, c.reason(), c.metrics()));
    }
    notMeasured.sort(Comparator.naturalOrder());

    // 6. files, worst first
    double readmeShare = readme.score() / 100;
    List<TdgReport.FileResult> fileResults = new ArrayList<>();
    for (SourceFile f : parsed) {
      List<TdgReport.MethodResult> methods = new ArrayList<>();
      for (MethodMetrics m : f.methods()) {
        methods.add(new TdgReport.MethodResult(m.name(), m.line(), m.cyclomatic(), m.cognitive(),
            m.nesting(), m.length(), m.parameters(), Scoring.round1(Scoring.method(m, cfg)),
            m.cell()));
      }
      methods.sort(Comparator.comparingDouble(TdgReport.MethodResult::score)
          .thenComparing(Comparator.comparingInt(TdgReport.MethodResult::cognitive).reversed())
          .thenComparingInt(TdgReport.MethodResult::line));
      OptionalDouble cx = OptionalDouble.of(Scoring.complexity(f.methods(), cfg));
      FileCoverage fc = coverageByFile.get(f.path());
      FileMutations fm = mutationsByFile.get(f.path());
      OptionalDouble cov = Scoring.coverage(
          fc == null || fc.linesTotal() == 0 ? OptionalDouble.empty()
              : OptionalDouble.of((double) fc.linesCovered() / fc.linesTotal()),
          fc == null || fc.branchesTotal() == 0 ? OptionalDouble.empty()
              : OptionalDouble.of((double) fc.branchesCovered() / fc.branchesTotal()),
          fm == null || fm.total() == 0 ? OptionalDouble.empty()
              : OptionalDouble.of((double) fm.detected() / fm.total()));
      OptionalDouble doc = f.publicApi() == 0 ? OptionalDouble.empty()
          : OptionalDouble.of(100.0 * f.documented() / f.publicApi());
      Map<String, OptionalDouble> fv = new LinkedHashMap<>();
      fv.put("complexity", cx);
      fv.put("coverage", comps.get("coverage").measured() ? cov : OptionalDouble.empty());
      fv.put("documentation", doc);
      double score = Scoring.weighted(fv, totalWeights).orElse(cx.getAsDouble());
      fileResults.add(new TdgReport.FileResult(f.path(), f.language(), f.sha256(), Scoring.round1(score),
          round(cx), round(fv.get("coverage")), round(doc), methods, f.undocumented()));
    }
    fileResults.sort(Comparator.comparingDouble(TdgReport.FileResult::score)
        .thenComparing(TdgReport.FileResult::path));

    double score = Scoring.round1(project.getAsDouble());
    Grade grade = Grade.of(score);
    Optional<TdgReport.Regression> regression = req.baseline().map(
        b -> Baseline.compare(Baseline.read(b), b.toString(), score, grade, fileResults,
            cfg.maxScoreDrop()));
    if (!ungraded.isEmpty()) {
      warnings.add(ungraded.size() + " file(s) could not be graded; see ungraded_files");
    }
    return new TdgReport(root.toString(), score, grade, components, fileResults, notMeasured,
        ungraded, warnings, regression, files.size() - cached.get(), cached.get(), security,
        languages, LanguageShares.confidence(files));
  }

  /** Assigns each report entry to the graded source it names; the first report wins. */
  private static void matchCoverage(
      List<CoverageReport> reports, List<SourceFile> parsed,
      Map<String, FileCoverage> coverageByFile, Map<String, FileMutations> mutationsByFile,
      List<String> warnings) {
    SuffixIndex index = new SuffixIndex(parsed.stream().map(SourceFile::path).toList());
    for (CoverageReport r : reports) {
      int matched = 0;
      for (FileCoverage fc : r.files()) {
        Optional<String> p = index.find(fc.path());
        if (p.isPresent()) {
          matched++;
          coverageByFile.putIfAbsent(p.get(), fc);
        }
      }
      for (FileMutations fm : r.mutations()) {
        Optional<String> p = index.find(fm.path());
        if (p.isPresent()) {
          matched++;
          mutationsByFile.putIfAbsent(p.get(), fm);
        }
      }
      int count = r.files().size() + r.mutations().size();
      if (matched == 0 && count > 0) {
        warnings.add(r.source() + " names none of the project's graded source files (is it"
            + " from this project, or are those files excluded?)");
      } else if (matched < count) {
        warnings.add(r.source() + ": " + (count - matched) + " of " + count + " files are"
            + " not graded sources here (excluded or elsewhere) and were left out");
      }
    }
  }

  /** One file, from the cache when its size and time, or else its content hash, are unchanged. */
  private static AnalysisCache.Entry analyse(
      Path root, String rel, AnalysisCache cache, AtomicInteger cached) {
    Path file = root.resolve(rel);
    Language language = Languages.of(rel).orElseThrow();
    long size;
    long mtime;
    try {
      BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
      size = attrs.size();
      mtime = attrs.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
    } catch (IOException e) {
      return new AnalysisCache.Entry(
          SourceFile.ungraded(rel, language.name(), "", 0, "cannot be read: " + e.getMessage()),
          -1, -1);
    }
    Optional<SourceFile> hit = cache.byStat(rel, size, mtime);
    if (hit.isPresent()) {
      cached.incrementAndGet();
      return new AnalysisCache.Entry(hit.get(), size, mtime);
    }
    if (size > MAX_FILE_BYTES) {
      return new AnalysisCache.Entry(SourceFile.ungraded(rel, language.name(), "", 0,
          "larger than " + (MAX_FILE_BYTES >> 20) + " MiB (" + size + " bytes): taken as"
              + " generated code and skipped; exclude it in andon-tdg.yaml to silence this"),
          size, mtime);
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return new AnalysisCache.Entry(
          SourceFile.ungraded(rel, language.name(), "", 0, "cannot be read: " + e.getMessage()),
          -1, -1);
    }
    String hash = JavaSourceAnalyzer.sha256(bytes);
    hit = cache.byHash(rel, hash);
    if (hit.isPresent()) {
      cached.incrementAndGet();
      return new AnalysisCache.Entry(hit.get(), size, mtime);
    }
    return new AnalysisCache.Entry(language.analyze(rel, bytes), size, mtime);
  }

  private static OptionalDouble round(OptionalDouble d) {
    return d.isPresent() ? OptionalDouble.of(Scoring.round1(d.getAsDouble())) : d;
  }

  private static TdgReport.Component notMeasured(String name, String reason,
      Map<String, Object> metrics) {
    return new TdgReport.Component(name, TdgReport.NOT_MEASURED, OptionalDouble.empty(), 0, 0,
        reason, metrics);
  }

  private static TdgReport.Component measured(String name, double score,
      Map<String, Object> metrics) {
    return new TdgReport.Component(name, TdgReport.MEASURED,
        OptionalDouble.of(Scoring.round1(score)), 0, 0, "", metrics);
  }

  private static TdgReport.Component complexity(List<SourceFile> parsed, TdgConfig cfg,
      List<TdgReport.LanguageResult> languages) {
    List<MethodMetrics> all = parsed.stream().flatMap(f -> f.methods().stream()).toList();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("files", parsed.size());
    m.put("methods", all.size());
    if (parsed.isEmpty()) {
      return notMeasured("complexity", "no source file outside the excludes parses", m);
    }
    m.put("mean_cyclomatic", Scoring.round1(all.stream().mapToInt(MethodMetrics::cyclomatic)
        .average().orElse(0)));
    m.put("mean_cognitive", Scoring.round1(all.stream().mapToInt(MethodMetrics::cognitive)
        .average().orElse(0)));
    m.put("max_cyclomatic", all.stream().mapToInt(MethodMetrics::cyclomatic).max().orElse(0));
    m.put("max_cognitive", all.stream().mapToInt(MethodMetrics::cognitive).max().orElse(0));
    m.put("max_nesting", all.stream().mapToInt(MethodMetrics::nesting).max().orElse(0));
    m.put("methods_over_cyclomatic", all.stream()
        .filter(x -> x.cyclomatic() > cfg.cyclomatic()).count());
    m.put("methods_over_cognitive", all.stream()
        .filter(x -> x.cognitive() > cfg.cognitive()).count());
    m.put("methods_over_nesting", all.stream().filter(x -> x.nesting() > cfg.nesting()).count());
    Map<String, Object> th = new LinkedHashMap<>();
    th.put("cyclomatic", cfg.cyclomatic());
    th.put("cognitive", cfg.cognitive());
    th.put("nesting", cfg.nesting());
    m.put("thresholds", th);
    // each language's length-weighted method mean, weighted by the language's lines
    return measured("complexity", LanguageShares.weighted(languages,
        TdgReport.LanguageResult::complexity).orElse(Scoring.complexity(all, cfg)), m);
  }

  private static TdgReport.Component coverage(
      List<CoverageReport> reports, Map<String, FileCoverage> byFile,
      Map<String, FileMutations> mutations, List<String> notMeasured,
      OptionalDouble byLanguage) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("reports", reports.stream().map(r -> r.source() + " (" + r.format() + ")").toList());
    if (reports.isEmpty()) {
      return notMeasured("coverage", "no coverage report: pass --coverage FILE (JaCoCo XML,"
          + " Cobertura XML, LCOV or PIT mutations.xml) or run the build that writes"
          + " target/site/jacoco/jacoco.xml", m);
    }
    long lc = 0;
    long lt = 0;
    long bc = 0;
    long bt = 0;
    for (FileCoverage f : byFile.values()) {
      lc += f.linesCovered();
      lt += f.linesTotal();
      bc += f.branchesCovered();
      bt += f.branchesTotal();
    }
    long md = mutations.values().stream().mapToLong(FileMutations::detected).sum();
    long mt = mutations.values().stream().mapToLong(FileMutations::total).sum();
    OptionalDouble line = lt == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) lc / lt);
    OptionalDouble branch = bt == 0 ? OptionalDouble.empty()
        : OptionalDouble.of((double) bc / bt);
    OptionalDouble mutation = mt == 0 ? OptionalDouble.empty()
        : OptionalDouble.of((double) md / mt);
    m.put("line", pct(line));
    m.put("branch", pct(branch));
    m.put("mutation", pct(mutation));
    m.put("lines_covered", lc);
    m.put("lines_total", lt);
    m.put("branches_covered", bc);
    m.put("branches_total", bt);
    m.put("mutants_detected", md);
    m.put("mutants_total", mt);
    m.put("files_with_coverage", byFile.size());
    List<String> parts = new ArrayList<>();
    if (line.isEmpty()) {
      parts.add("line");
    }
    if (branch.isEmpty()) {
      parts.add("branch");
    }
    if (mutation.isEmpty()) {
      parts.add("mutation");
    }
    m.put("not_measured", parts);
    OptionalDouble score = Scoring.coverage(line, branch, mutation);
    if (score.isEmpty()) {
      return notMeasured("coverage", "the coverage reports hold no line, branch or mutation"
          + " data for the graded sources", m);
    }
    parts.forEach(p -> notMeasured.add("coverage." + p));
    return measured("coverage", byLanguage.orElse(score.getAsDouble()), m);
  }

  private static Object pct(OptionalDouble d) {
    return d.isPresent() ? (Object) Scoring.round1(100 * d.getAsDouble()) : null;
  }

  private static TdgReport.Component documentation(List<SourceFile> parsed,
      ReadmeScore.Result readme, List<TdgReport.LanguageResult> languages) {
    int api = parsed.stream().mapToInt(SourceFile::publicApi).sum();
    int doc = parsed.stream().mapToInt(SourceFile::documented).sum();
    // each language's documented share, weighted by its lines
    OptionalDouble weighted = LanguageShares.weighted(languages,
        TdgReport.LanguageResult::documentation);
    OptionalDouble share = weighted.isEmpty() ? OptionalDouble.empty()
        : OptionalDouble.of(weighted.getAsDouble() / 100);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("javadoc", pct(share));
    m.put("public_api", api);
    m.put("documented", doc);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("file", readme.file().orElse(null));
    r.put("score", readme.score());
    Map<String, Boolean> parts = new LinkedHashMap<>();
    ReadmeScore.PARTS.forEach(p -> parts.put(p, readme.parts().getOrDefault(p, false)));
    r.put("parts", parts);
    r.put("missing", readme.missing());
    m.put("readme", r);
    return measured("documentation", Scoring.documentation(share, readme.score() / 100), m);
  }

  private static TdgReport.Component security(SecurityScan.Result s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dependencies", s.dependencies().size());
    m.put("dependency_source", s.dependencySource());
    m.put("sources", s.sources());
    m.put("unresolved_dependencies", s.unresolved());
    m.put("unpinned_dependencies", s.unpinned());
    if (!s.measured()) {
      return notMeasured("security", s.reason(), m);
    }
    m.put("vulnerabilities", s.vulnerabilities().size());
    m.put("advisories", s.advisories().size());
    for (Severity sev : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW,
        Severity.UNKNOWN)) {
      m.put(sev.name().toLowerCase(java.util.Locale.ROOT), s.count(sev));
    }
    List<Map<String, Object>> findings = new ArrayList<>();
    for (Finding f : s.findings()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("id", f.id());
      x.put("aliases", f.aliases());
      x.put("package", f.packageName());
      x.put("version", f.version());
      x.put("severity", f.severity().name());
      x.put("kind", f.severity().isVulnerability() ? "vulnerability" : "advisory");
      x.put("fixed_in", f.fixedIn().isEmpty() ? null : f.fixedIn());
      x.put("summary", f.summary());
      x.put("source", f.source());
      x.put("declared_in", f.declaredIn());
      findings.add(x);
    }
    m.put("findings", findings);
    double score = Scoring.security(s.count(Severity.CRITICAL), s.count(Severity.HIGH),
        s.count(Severity.MEDIUM), s.count(Severity.LOW) + s.count(Severity.UNKNOWN));
    return measured("security", score, m);
  }

  /** Finds the graded source a coverage report's path names, by path suffix. */
  static final class SuffixIndex {
    private final Map<String, List<String>> byName = new HashMap<>();

    SuffixIndex(List<String> paths) {
      for (String p : paths) {
        byName.computeIfAbsent(p.substring(p.lastIndexOf('/') + 1), k -> new ArrayList<>())
            .add(p);
      }
    }

    Optional<String> find(String reportPath) {
      String rp = reportPath.replace('\\', '/');
      String name = rp.substring(rp.lastIndexOf('/') + 1);
      for (String candidate : byName.getOrDefault(name, List.of())) {
        if (candidate.equals(rp) || candidate.endsWith("/" + rp) || rp.endsWith("/" + candidate)) {
          return Optional.of(candidate);
        }
      }
      return Optional.empty();
    }
  }
}
