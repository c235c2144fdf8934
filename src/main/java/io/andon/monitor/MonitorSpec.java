package io.andon.monitor;

import io.andon.monitor.quality.Bounds;
import io.andon.yaml.Loc;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A declared monitor, as written in a monitor file, with Lakehouse Monitoring's names: the table to
 * profile, its profile type, the baseline, the time granularities and the slices.
 *
 * @param table a file, folder or glob, relative to the monitor file's folder
 * @param columns the columns to profile; empty for all except the special ones
 * @param drift the verdict's thresholds, minimum sample and dataset rule of drift rows
 * @param chunked row chunking and the chunked methods (thresholds from reference chunks,
 *     performance estimation, multivariate drift)
 * @param bounds declared ranges of numeric columns for the {@code out_of_range} data-quality check,
 *     in place of the baseline's range
 * @param columnRefs every column the monitor names, with where it is named, checked against the
 *     table before any row is computed
 */
public record MonitorSpec(
    String name,
    String table,
    ProfileType profileType,
    Optional<String> timestampCol,
    List<Granularity> granularities,
    Optional<String> modelIdCol,
    Optional<String> predictionCol,
    Optional<String> predictionProbaCol,
    Optional<String> labelCol,
    Optional<ProblemType> problemType,
    Optional<String> baselineTable,
    List<String> slicingExprs,
    List<String> columns,
    List<String> numeric,
    List<String> categorical,
    List<CustomMetric> customMetrics,
    int bins,
    Path baseDir,
    DriftOptions drift,
    ChunkedSpec chunked,
    Map<String, Bounds> bounds,
    List<ColumnRef> columnRefs) {

  /** Lakehouse profile types. */
  public enum ProfileType {
    SNAPSHOT,
    TIME_SERIES,
    INFERENCE_LOG
  }

  /** Inference-log problem types. */
  public enum ProblemType {
    CLASSIFICATION,
    REGRESSION
  }

  /**
   * A time window size such as "5 minutes", "1 day", "1 month". Written as the DuckDB interval it
   * is; {@code approx} orders granularities and bounds their count.
   */
  public record Granularity(String text, String interval, Duration approx) {
    public Granularity {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(interval, "interval");
      Objects.requireNonNull(approx, "approx");
    }
  }

  /**
   * A custom metric: AGGREGATE (an SQL aggregate over {@code {{input_column}}}), DERIVED (an SQL
   * expression over aggregate metrics of the same column), DRIFT (an expression over {@code
   * {{current_df}}.m} and {@code {{base_df}}.m}).
   */
  public record CustomMetric(
      String name, Type type, List<String> inputColumns, String definition, String outputDataType) {
    /** Lakehouse's custom metric types. */
    public enum Type {
      /** An SQL aggregate over the rows of a window and slice. */
      AGGREGATE,
      /** An SQL expression over the aggregate metrics of the same column. */
      DERIVED,
      /** An SQL expression over the metrics of the two windows compared. */
      DRIFT
    }

    public CustomMetric {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      inputColumns = List.copyOf(inputColumns);
      Objects.requireNonNull(definition, "definition");
      Objects.requireNonNull(outputDataType, "outputDataType");
    }
  }

  /**
   * A column named in a monitor: under which key, and where (file:line:column; a command-line flag
   * has line 0).
   *
   * @param key the setting that names it, such as {@code columns} or {@code multivariate.columns}
   */
  public record ColumnRef(String key, String column, Loc at) {
    public ColumnRef {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(at, "at");
    }
  }

  public MonitorSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(profileType, "profileType");
    granularities = List.copyOf(granularities);
    slicingExprs = List.copyOf(slicingExprs);
    columns = List.copyOf(columns);
    numeric = List.copyOf(numeric);
    categorical = List.copyOf(categorical);
    customMetrics = List.copyOf(customMetrics);
    Objects.requireNonNull(baseDir, "baseDir");
    Objects.requireNonNull(drift, "drift");
    Objects.requireNonNull(chunked, "chunked");
    bounds = Map.copyOf(bounds);
    columnRefs = List.copyOf(columnRefs);
  }

  /** This monitor with {@code c} as its chunked methods. */
  public MonitorSpec withChunked(ChunkedSpec c) {
    return with(c, bounds, columnRefs);
  }

  /**
   * This monitor with {@code overrides} (from the command line's {@code --bounds}) in place of the
   * file's bounds of the same columns; each is named as written by {@code flag}.
   */
  public MonitorSpec withBounds(Map<String, Bounds> overrides, String flag) {
    Map<String, Bounds> merged = new LinkedHashMap<>(bounds);
    merged.putAll(overrides);
    List<ColumnRef> refs = new ArrayList<>(columnRefs);
    overrides.keySet().forEach(c -> refs.add(new ColumnRef("bounds", c, new Loc(flag, 0, 0))));
    return with(chunked, merged, refs);
  }

  private MonitorSpec with(ChunkedSpec c, Map<String, Bounds> b, List<ColumnRef> refs) {
    return new MonitorSpec(
        name,
        table,
        profileType,
        timestampCol,
        granularities,
        modelIdCol,
        predictionCol,
        predictionProbaCol,
        labelCol,
        problemType,
        baselineTable,
        slicingExprs,
        columns,
        numeric,
        categorical,
        customMetrics,
        bins,
        baseDir,
        drift,
        c,
        b,
        refs);
  }
}
