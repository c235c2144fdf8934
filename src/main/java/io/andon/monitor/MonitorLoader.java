package io.andon.monitor;

import io.andon.monitor.MonitorSpec.CustomMetric;
import io.andon.monitor.MonitorSpec.Granularity;
import io.andon.monitor.MonitorSpec.ProblemType;
import io.andon.monitor.MonitorSpec.ProfileType;
import io.andon.monitor.quality.Bounds;
import io.andon.util.Strings;
import io.andon.yaml.Problems;
import io.andon.yaml.YMap;
import io.andon.yaml.YNode;
import io.andon.yaml.YScalar;
import io.andon.yaml.YamlReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a monitor file. The monitor may sit at the top level or under a {@code monitor:} key; every
 * problem is reported with its file:line:column, all at once.
 */
public final class MonitorLoader {
  static final Set<String> KEYS =
      Set.of(
          "name",
          "table",
          "profile_type",
          "timestamp_col",
          "granularities",
          "model_id_col",
          "prediction_col",
          "prediction_proba_col",
          "label_col",
          "problem_type",
          "baseline_table",
          "slicing_exprs",
          "columns",
          "numeric",
          "categorical",
          "custom_metrics",
          "bins",
          "thresholds",
          "column_thresholds",
          "drift_share",
          "min_sample",
          "ignore",
          "chunking",
          "reference_thresholds",
          "performance_estimation",
          "multivariate",
          "bounds");
  private static final Set<String> METRIC_KEYS =
      Set.of("name", "type", "input_columns", "definition", "output_data_type");
  private static final Set<String> TYPES =
      java.util.Arrays.stream(CustomMetric.Type.values())
          .map(Enum::name)
          .collect(java.util.stream.Collectors.toUnmodifiableSet());
  private static final Pattern GRANULARITY =
      Pattern.compile("^\\s*(\\d+)\\s+(minute|hour|day|week|month|year)s?\\s*$");

  private MonitorLoader() {}

  public static MonitorSpec load(Path file) {
    YNode root = YamlReader.read(file);
    Problems p = new Problems();
    Path baseDir = file.toAbsolutePath().getParent();
    Optional<MonitorSpec> spec =
        parse(root, p, baseDir, file.getFileName().toString().replaceFirst("\\.ya?ml$", ""));
    p.throwIfAny("invalid monitor " + file);
    return spec.orElseThrow(
        () ->
            new IllegalStateException(
                "the monitor " + file + " was not read, yet no problem was reported"));
  }

  /** Parses a monitor mapping, adding its problems; empty when they make it unusable. */
  public static Optional<MonitorSpec> parse(
      YNode root, Problems p, Path baseDir, String defaultName) {
    Optional<YMap> top = p.map(root, "a monitor file");
    if (top.isEmpty()) {
      return Optional.empty();
    }
    YMap m = top.get();
    if (m.has("monitor") && m.keys().size() == 1) {
      Optional<YMap> inner = p.map(m, "monitor");
      if (inner.isEmpty()) {
        return Optional.empty();
      }
      m = inner.get();
    }
    p.unknownKeys(m, KEYS, "a monitor");
    String name = p.string(m, "name").orElse(defaultName);
    Optional<String> table = p.requiredString(m, "table", "a monitor");
    ProfileType type = ProfileType.SNAPSHOT;
    Optional<String> typeText = p.string(m, "profile_type");
    if (typeText.isPresent()) {
      String t =
          typeText
              .get()
              .strip()
              .toUpperCase(Locale.ROOT)
              .replace(' ', '_')
              .replace("TIMESERIES", "TIME_SERIES")
              .replace("INFERENCELOG", "INFERENCE_LOG");
      try {
        type = ProfileType.valueOf(t);
      } catch (IllegalArgumentException e) {
        p.add(
            m.get("profile_type").get().loc(),
            "profile_type must be snapshot, time_series or"
                + " inference_log, not '"
                + typeText.get()
                + "'."
                + Strings.didYouMean(
                    typeText.get().toLowerCase(Locale.ROOT),
                    List.of("snapshot", "time_series", "inference_log")));
      }
    }
    Optional<String> ts = p.string(m, "timestamp_col");
    ChunkedSpec chunked = ChunkedSpecReader.parse(m, p);
    List<Granularity> grans = new ArrayList<>();
    for (YNode g : p.list(m, "granularities")) {
      p.scalarText(g, "a granularity")
          .ifPresent(
              text -> {
                Optional<Granularity> gr = granularity(text);
                if (gr.isEmpty()) {
                  p.add(
                      g.loc(),
                      "granularity '"
                          + text
                          + "' is not understood; write a number and a"
                          + " unit: '5 minutes', '1 hour', '1 day', '1 week', '1 month', '1 year'.");
                } else if (gr.get().approx().compareTo(Duration.ofMinutes(5)) < 0) {
                  p.add(
                      g.loc(),
                      "granularity '"
                          + text
                          + "' is finer than 5 minutes, the finest"
                          + " supported.");
                } else {
                  grans.add(gr.get());
                }
              });
    }
    if (type != ProfileType.SNAPSHOT) {
      if (ts.isEmpty()) {
        p.add(
            m.keyLoc("profile_type"),
            "a " + type.name().toLowerCase(Locale.ROOT) + " monitor needs 'timestamp_col'.");
      }
      if (grans.isEmpty() && !m.has("granularities") && !chunked.chunking().byRows()) {
        p.add(
            m.keyLoc("profile_type"),
            "a "
                + type.name().toLowerCase(Locale.ROOT)
                + " monitor needs 'granularities', e.g. [\"1 day\"], or 'chunking' by size or"
                + " count.");
      }
    } else if (m.has("granularities") || ts.isPresent()) {
      p.add(
          m.keyLoc(m.has("granularities") ? "granularities" : "timestamp_col"),
          "a snapshot monitor has no time windows; set profile_type: time_series to use"
              + " timestamp_col and granularities.");
    }
    Optional<String> modelId = p.string(m, "model_id_col");
    Optional<String> prediction = p.string(m, "prediction_col");
    Optional<String> proba = p.string(m, "prediction_proba_col");
    Optional<String> label = p.string(m, "label_col");
    Optional<ProblemType> problem = Optional.empty();
    Optional<String> problemText = p.string(m, "problem_type");
    if (problemText.isPresent()) {
      try {
        problem =
            Optional.of(ProblemType.valueOf(problemText.get().strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        p.add(
            m.get("problem_type").get().loc(),
            "problem_type must be classification or"
                + " regression, not '"
                + problemText.get()
                + "'.");
      }
    }
    if (type == ProfileType.INFERENCE_LOG) {
      if (prediction.isEmpty()) {
        p.add(m.loc(), "an inference_log monitor needs 'prediction_col'.");
      }
      if (problemText.isEmpty()) {
        p.add(
            m.loc(),
            "an inference_log monitor needs 'problem_type' (classification or" + " regression).");
      }
    } else {
      for (String k :
          List.of(
              "model_id_col",
              "prediction_col",
              "prediction_proba_col",
              "label_col",
              "problem_type")) {
        if (m.has(k)) {
          p.add(m.keyLoc(k), "'" + k + "' applies to inference_log monitors only.");
        }
      }
    }
    List<String> slices = strings(p, m, "slicing_exprs");
    List<CustomMetric> metrics = new ArrayList<>();
    for (YNode n : p.list(m, "custom_metrics")) {
      p.map(n, "a custom metric")
          .ifPresent(
              cm -> {
                p.unknownKeys(cm, METRIC_KEYS, "a custom metric");
                Optional<String> mn = p.requiredString(cm, "name", "a custom metric");
                Optional<String> mt = p.requiredString(cm, "type", "a custom metric");
                Optional<String> def = p.requiredString(cm, "definition", "a custom metric");
                String mtype =
                    mt.map(
                            x ->
                                x.strip()
                                    .toUpperCase(Locale.ROOT)
                                    .replaceFirst("^CUSTOM_METRIC_TYPE_", ""))
                        .orElse("");
                if (mt.isPresent() && !TYPES.contains(mtype)) {
                  p.add(
                      cm.get("type").get().loc(),
                      "custom metric type must be aggregate, derived or"
                          + " drift, not '"
                          + mt.get()
                          + "'.");
                }
                mn.ifPresent(
                    metric -> {
                      if (!metric.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                        p.add(
                            cm.get("name").get().loc(),
                            "custom metric name '"
                                + metric
                                + "' must be letters,"
                                + " digits and underscores (it becomes a column of the metrics tables).");
                      } else if (MetricsStore.builtInColumns().contains(metric)) {
                        p.add(
                            cm.get("name").get().loc(),
                            "custom metric name '"
                                + metric
                                + "' is a column of"
                                + " the metrics tables already; choose another name.");
                      }
                    });
                List<String> inputs = strings(p, cm, "input_columns");
                if (mn.isPresent() && def.isPresent() && TYPES.contains(mtype)) {
                  metrics.add(
                      new CustomMetric(
                          mn.get(),
                          CustomMetric.Type.valueOf(mtype),
                          inputs,
                          def.get(),
                          p.string(cm, "output_data_type").orElse("double")));
                }
              });
    }
    int bins = (int) p.integer(m, "bins").orElse(10);
    if (bins < 2 || bins > 1000) {
      p.add(m.keyLoc("bins"), "bins must be between 2 and 1000, not " + bins + ".");
      bins = 10;
    }
    DriftOptions drift = MonitorThresholds.parse(m, p, bins);
    Map<String, Bounds> bounds = MonitorBounds.parse(m, p);
    ChunkedSpecReader.check(m, p, chunked, type, problem, proba, label);
    if (table.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new MonitorSpec(
            name,
            table.get(),
            type,
            ts,
            grans,
            modelId,
            prediction,
            proba,
            label,
            problem,
            p.string(m, "baseline_table"),
            slices,
            strings(p, m, "columns"),
            strings(p, m, "numeric"),
            strings(p, m, "categorical"),
            metrics,
            bins,
            baseDir,
            drift,
            chunked,
            bounds,
            DeclaredColumns.read(m)));
  }

  /** "1 day" to a granularity; empty when not understood. */
  public static Optional<Granularity> granularity(String text) {
    Matcher mm = GRANULARITY.matcher(text.toLowerCase(Locale.ROOT));
    if (!mm.matches()) {
      return Optional.empty();
    }
    long n = Long.parseLong(mm.group(1));
    String unit = mm.group(2);
    if (n <= 0) {
      return Optional.empty();
    }
    Duration unitLen =
        switch (unit) {
          case "minute" -> Duration.ofMinutes(1);
          case "hour" -> Duration.ofHours(1);
          case "day" -> Duration.ofDays(1);
          case "week" -> Duration.ofDays(7);
          case "month" -> Duration.ofDays(30);
          default -> Duration.ofDays(365);
        };
    return Optional.of(
        new Granularity(
            n + " " + unit + (n == 1 ? "" : "s"),
            n + " " + unit + (n == 1 ? "" : "s"),
            unitLen.multipliedBy(n)));
  }

  private static List<String> strings(Problems p, YMap m, String key) {
    List<String> out = new ArrayList<>();
    Optional<YNode> n = m.get(key);
    if (n.isPresent() && n.get() instanceof YScalar s && !s.isNull()) {
      out.add(s.text());
      return out;
    }
    for (YNode x : p.list(m, key)) {
      p.scalarText(x, "an item of '" + key + "'").ifPresent(out::add);
    }
    return out;
  }
}
