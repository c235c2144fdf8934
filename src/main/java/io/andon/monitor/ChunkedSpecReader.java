package io.andon.monitor;

import io.andon.monitor.chunk.Chunking;
import io.andon.monitor.chunk.StdThreshold;
import io.andon.monitor.estimate.Dle;
import io.andon.util.Strings;
import io.andon.yaml.Problems;
import io.andon.yaml.YMap;
import io.andon.yaml.YNode;
import io.andon.yaml.YScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Reads the chunked methods of a monitor file: {@code chunking}, {@code reference_thresholds},
 * {@code performance_estimation} and {@code multivariate}. Every bad value is a located problem.
 */
final class ChunkedSpecReader {
  static final List<String> KEYS =
      List.of("chunking", "reference_thresholds", "performance_estimation", "multivariate");

  private ChunkedSpecReader() {}

  static ChunkedSpec parse(YMap m, Problems p) {
    Chunking chunking = p.map(m, "chunking").map(c -> chunking(c, p)).orElse(Chunking.TIME);
    Map<String, Double> thresholds = new LinkedHashMap<>();
    p.map(m, "reference_thresholds")
        .ifPresent(
            t -> {
              p.unknownKeys(
                  t,
                  ChunkedSpec.THRESHOLD_METRICS,
                  "'reference_thresholds' (keys are drift metrics, values the multiplier of the"
                      + " standard deviation)");
              for (String metric : ChunkedSpec.THRESHOLD_METRICS) {
                std(t, metric, p).ifPresent(k -> thresholds.put(metric, k));
              }
            });
    Optional<ChunkedSpec.Estimation> estimation = Optional.empty();
    Optional<YNode> est = m.get("performance_estimation");
    if (est.isPresent() && est.get() instanceof YScalar s && !s.isNull()) {
      Optional<Boolean> on = p.bool(m, "performance_estimation");
      if (on.orElse(false)) {
        estimation = Optional.of(new ChunkedSpec.Estimation(StdThreshold.DEFAULT_STD, Dle.K));
      }
    } else if (est.isPresent()) {
      estimation = p.map(m, "performance_estimation").map(e -> estimation(e, p));
    }
    Optional<ChunkedSpec.Multivariate> multi =
        p.map(m, "multivariate").map(x -> multivariate(x, p));
    return new ChunkedSpec(chunking, thresholds, estimation, multi);
  }

  /** The rules between the chunked methods and the rest of the monitor. */
  static void check(
      YMap m,
      Problems p,
      ChunkedSpec c,
      MonitorSpec.ProfileType type,
      Optional<MonitorSpec.ProblemType> problem,
      Optional<String> proba,
      Optional<String> label) {
    for (String k : List.of("reference_thresholds", "performance_estimation", "multivariate")) {
      if (m.has(k) && !m.has("baseline_table")) {
        p.add(
            m.keyLoc(k),
            "'"
                + k
                + "' learns from the reference: the monitor needs 'baseline_table', with labels"
                + " for performance estimation.");
      }
    }
    if (c.estimation().isEmpty()) {
      return;
    }
    if (type != MonitorSpec.ProfileType.INFERENCE_LOG) {
      p.add(
          m.keyLoc("performance_estimation"),
          "'performance_estimation' applies to inference_log monitors only.");
    } else if (label.isEmpty()) {
      p.add(
          m.keyLoc("performance_estimation"),
          "'performance_estimation' needs 'label_col': the labels of the baseline it learns from.");
    } else if (problem.orElse(MonitorSpec.ProblemType.REGRESSION)
            == MonitorSpec.ProblemType.CLASSIFICATION
        && proba.isEmpty()) {
      p.add(
          m.keyLoc("performance_estimation"),
          "'performance_estimation' of a classifier (CBPE) needs 'prediction_proba_col': the"
              + " predicted probability of the positive class.");
    }
  }

  private static Chunking chunking(YMap c, Problems p) {
    p.unknownKeys(c, List.of("by", "size", "count", "incomplete"), "'chunking'");
    String by = p.string(c, "by").orElse("").strip().toLowerCase(Locale.ROOT);
    if (!Set.of("time", "size", "count").contains(by)) {
      p.add(
          c.has("by") ? c.get("by").get().loc() : c.loc(),
          "'chunking' needs 'by': time, size or count"
              + (by.isEmpty()
                  ? ""
                  : ", not '" + by + "'" + Strings.didYouMean(by, List.of("time", "size", "count")))
              + ".");
      return Chunking.TIME;
    }
    for (String other : List.of("size", "count")) {
      if (c.has(other) && !other.equals(by)) {
        p.add(c.keyLoc(other), "'" + other + "' does not apply to chunking by " + by + ".");
      }
    }
    if (by.equals("time")) {
      if (c.has("incomplete")) {
        p.add(c.keyLoc("incomplete"), "'incomplete' does not apply to chunking by time.");
      }
      return Chunking.TIME;
    }
    long n = p.integer(c, by).orElse(0);
    if (n < 1 || n > 100_000_000) {
      p.add(
          c.has(by) ? c.get(by).get().loc() : c.loc(),
          "chunking by "
              + by
              + " needs '"
              + by
              + "': a whole number of "
              + (by.equals("size") ? "rows" : "chunks")
              + ", at least 1.");
      return Chunking.TIME;
    }
    Chunking.Incomplete incomplete =
        by.equals("size") ? Chunking.Incomplete.KEEP : Chunking.Incomplete.APPEND;
    Optional<String> inc = p.string(c, "incomplete");
    if (inc.isPresent()) {
      try {
        incomplete = Chunking.Incomplete.valueOf(inc.get().strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        p.add(
            c.get("incomplete").get().loc(),
            "'incomplete' must be keep, drop or append, not '" + inc.get() + "'.");
      }
    }
    return new Chunking(
        by.equals("size") ? Chunking.By.SIZE : Chunking.By.COUNT, (int) n, incomplete);
  }

  private static Optional<Double> std(YMap t, String key, Problems p) {
    OptionalDouble v = p.number(t, key);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (!(v.getAsDouble() > 0 && v.getAsDouble() <= 100)) {
      p.add(
          t.get(key).get().loc(),
          "'"
              + key
              + "' is the multiplier of the standard deviation: a number in (0, 100], such as 3, not "
              + DriftAnalysis.fmt(v.getAsDouble())
              + ".");
      return Optional.empty();
    }
    return Optional.of(v.getAsDouble());
  }

  private static ChunkedSpec.Estimation estimation(YMap e, Problems p) {
    p.unknownKeys(e, List.of("std", "neighbours"), "'performance_estimation'");
    double std = std(e, "std", p).orElse(StdThreshold.DEFAULT_STD);
    long k = p.integer(e, "neighbours").orElse(Dle.K);
    if (k < 1 || k > 10_000) {
      p.add(
          e.get("neighbours").get().loc(),
          "'neighbours' must be between 1 and 10000, not " + k + ".");
      k = Dle.K;
    }
    return new ChunkedSpec.Estimation(std, (int) k);
  }

  private static ChunkedSpec.Multivariate multivariate(YMap x, Problems p) {
    p.unknownKeys(x, List.of("methods", "columns", "std"), "'multivariate'");
    List<String> methods = new ArrayList<>();
    for (YNode n : p.list(x, "methods")) {
      p.scalarText(n, "a multivariate method")
          .ifPresent(
              s -> {
                if (ChunkedSpec.MULTIVARIATE_METHODS.contains(s)) {
                  methods.add(s);
                } else {
                  p.add(
                      n.loc(),
                      "multivariate method must be pca_reconstruction or domain_classifier, not '"
                          + s
                          + "'."
                          + Strings.didYouMean(s, ChunkedSpec.MULTIVARIATE_METHODS));
                }
              });
    }
    if (!x.has("methods")) {
      methods.addAll(ChunkedSpec.MULTIVARIATE_METHODS);
    }
    List<String> columns = new ArrayList<>();
    p.list(x, "columns")
        .forEach(n -> p.scalarText(n, "an item of 'columns'").ifPresent(columns::add));
    return new ChunkedSpec.Multivariate(
        methods, columns, std(x, "std", p).orElse(StdThreshold.DEFAULT_STD));
  }
}
