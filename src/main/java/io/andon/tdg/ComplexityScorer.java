package io.andon.tdg;

import io.andon.tdg.source.MethodMetrics;
import io.andon.tdg.source.SourceFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Complexity: each language's length-weighted method score, weighted by its lines. */
final class ComplexityScorer implements ComponentScorer {
  @Override
  public String name() {
    return "complexity";
  }

  @Override
  public Scored score(Inputs in) {
    List<SourceFile> parsed = in.parsed();
    TdgConfig cfg = in.config();
    List<MethodMetrics> all = parsed.stream().flatMap(f -> f.methods().stream()).toList();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("files", parsed.size());
    m.put("methods", all.size());
    if (parsed.isEmpty()) {
      return new Scored(
          Components.notMeasured(name(), "no source file outside the excludes parses", m));
    }
    m.put(
        "mean_cyclomatic",
        Scoring.round1(all.stream().mapToInt(MethodMetrics::cyclomatic).average().orElse(0)));
    m.put(
        "mean_cognitive",
        Scoring.round1(all.stream().mapToInt(MethodMetrics::cognitive).average().orElse(0)));
    m.put("max_cyclomatic", all.stream().mapToInt(MethodMetrics::cyclomatic).max().orElse(0));
    m.put("max_cognitive", all.stream().mapToInt(MethodMetrics::cognitive).max().orElse(0));
    m.put("max_nesting", all.stream().mapToInt(MethodMetrics::nesting).max().orElse(0));
    m.put(
        "methods_over_cyclomatic",
        all.stream().filter(x -> x.cyclomatic() > cfg.cyclomatic()).count());
    m.put(
        "methods_over_cognitive",
        all.stream().filter(x -> x.cognitive() > cfg.cognitive()).count());
    m.put("methods_over_nesting", all.stream().filter(x -> x.nesting() > cfg.nesting()).count());
    Map<String, Object> th = new LinkedHashMap<>();
    th.put("cyclomatic", cfg.cyclomatic());
    th.put("cognitive", cfg.cognitive());
    th.put("nesting", cfg.nesting());
    m.put("thresholds", th);
    return new Scored(
        Components.measured(
            name(),
            LanguageShares.weighted(in.languages(), TdgReport.LanguageResult::complexity)
                .orElse(Scoring.complexity(all, cfg)),
            m));
  }
}
