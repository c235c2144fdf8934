package io.andon.monitor.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.monitor.ColumnDrift;
import io.andon.monitor.DriftOptions;
import io.andon.monitor.DriftReport;
import io.andon.monitor.Verdict;
import io.andon.util.Json;
import java.util.OptionalDouble;

/**
 * The drift report as JSON, with Lakehouse Monitoring's metric names. Metrics that do not apply to
 * a column's type (or could not be computed) are left out, never written as 0 or null.
 */
public final class JsonReport {
  private JsonReport() {}

  public static ObjectNode toJson(DriftReport r) {
    ObjectNode root = Json.object();
    ArrayNode cols = root.putArray("columns");
    for (ColumnDrift c : r.columns()) {
      cols.add(columnJson(c));
    }
    root.set("dataset", verdictJson(r.verdict(), r.options()));
    ObjectNode in = root.putObject("inputs");
    in.put("baseline", r.baseline());
    in.put("baseline_rows", r.baselineRows());
    in.put("current", r.current());
    in.put("current_rows", r.currentRows());
    ObjectNode th = root.putObject("thresholds");
    thresholds(th, r.options().thresholds());
    th.put("bins", r.options().bins());
    th.put("min_sample", r.options().minSample());
    th.put("comparisons", r.options().comparisons());
    ObjectNode per = th.putObject("columns");
    r.options().columnThresholds().forEach((k, v) -> thresholds(per.putObject(k), v));
    ArrayNode w = root.putArray("warnings");
    r.warnings().forEach(w::add);
    root.set("data_quality", QualityReport.json(r.quality().checks()));
    return root;
  }

  /** The verdict of a set of comparisons, as the {@code dataset} object of the report. */
  public static ObjectNode verdictJson(Verdict v, DriftOptions options) {
    ObjectNode ds = Json.object();
    ds.put("verdict", v.outcome().name());
    ds.put("drift_detected", v.driftDetected());
    ds.put("drift_share", v.share());
    ds.put("drifted_columns", v.drifted());
    ds.put("compared_columns", v.compared());
    ds.put("not_enough_data_columns", v.notEnoughData());
    options.driftShare().ifPresent(x -> ds.put("drift_share_threshold", x));
    ds.put("rule", v.rule());
    return ds;
  }

  private static void thresholds(ObjectNode o, DriftOptions.Thresholds t) {
    t.byName().forEach(o::put);
  }

  public static String render(DriftReport r) {
    return Json.pretty(toJson(r)) + "\n";
  }

  public static ObjectNode columnJson(ColumnDrift c) {
    ObjectNode o = Json.object();
    o.put("column_name", c.columnName());
    o.put("data_type", c.dataType());
    o.put("status", c.status().name());
    o.put("drift_detected", c.driftDetected());
    o.put("reason", c.reason());
    c.skipped().ifPresent(s -> o.put("skipped", s));
    o.put("baseline_count", c.baselineCount());
    o.put("current_count", c.currentCount());
    put(o, "population_stability_index", c.populationStabilityIndex());
    c.psiBand().ifPresent(b -> o.put("psi_band", b.label()));
    put(o, "js_distance", c.jsDistance());
    c.ksTest()
        .ifPresent(
            ks -> {
              ObjectNode k = o.putObject("ks_test");
              k.put("statistic", ks.statistic());
              k.put("pvalue", ks.pvalue());
              k.put("method", ks.exact() ? "exact" : "asymp");
            });
    put(o, "wasserstein_distance", c.wassersteinDistance());
    put(o, "wasserstein_distance_normed", c.wassersteinDistanceNormed());
    c.chiSquaredTest()
        .ifPresent(
            chi -> {
              ObjectNode k = o.putObject("chi_squared_test");
              k.put("statistic", chi.statistic());
              k.put("pvalue", chi.pvalue());
              k.put("dof", chi.dof());
              k.put("min_expected", chi.minExpected());
              k.put("reliable", !chi.lowExpected());
            });
    put(o, "tv_distance", c.tvDistance());
    put(o, "l_infinity_distance", c.lInfinityDistance());
    o.put("count_delta", c.countDelta());
    put(o, "avg_delta", c.avgDelta());
    o.put("percent_null_delta", c.percentNullDelta());
    o.put("percent_distinct_delta", c.percentDistinctDelta());
    ArrayNode w = o.putArray("warnings");
    c.warnings().forEach(w::add);
    return o;
  }

  private static void put(ObjectNode o, String key, OptionalDouble v) {
    if (v.isPresent() && Double.isFinite(v.getAsDouble())) {
      o.put(key, v.getAsDouble());
    }
  }
}
