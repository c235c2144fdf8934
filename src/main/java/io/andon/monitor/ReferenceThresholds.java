package io.andon.monitor;

import io.andon.monitor.MonitorColumns.Column;
import io.andon.monitor.chunk.Chunk;
import io.andon.monitor.chunk.ChunkSeries;
import io.andon.monitor.chunk.ChunkValue;
import io.andon.monitor.chunk.Chunking;
import io.andon.monitor.chunk.StdThreshold;
import io.andon.monitor.data.Columns;
import io.andon.monitor.data.Duck;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Drift thresholds learned from the reference, as NannyML's univariate drift does: the baseline is
 * cut into chunks, each chunk is compared with the whole baseline, and a metric's threshold for a
 * column becomes the upper end of mean + k std of those values (drift metrics only grow with drift,
 * so only the upper end matters). The learned value replaces the metric's fixed threshold for that
 * column; the rest of the verdict (the p-value, the null share) is unchanged.
 */
final class ReferenceThresholds {
  /** NannyML's default chunker: the baseline in 10 chunks, when the monitor chunks by time. */
  static final Chunking DEFAULT = Chunking.byCount(10);

  /** The options with the learned thresholds, and the series they were learned from. */
  record Learned(DriftOptions options, List<ChunkedRow> rows) {}

  private ReferenceThresholds() {}

  static Learned learn(
      Duck duck,
      Duck.Table base,
      List<Column> cols,
      Set<String> ids,
      ChunkedSpec spec,
      DriftOptions options) {
    if (spec.referenceThresholds().isEmpty()) {
      return new Learned(options, List.of());
    }
    Chunking chunking = spec.chunking().byRows() ? spec.chunking() : DEFAULT;
    ChunkPlan cp = new ChunkPlan(duck);
    Duck.Table rows = cp.numbered(base, "rt_base", false, "TRUE");
    List<Chunk> chunks =
        chunking.split((int) rows.rows(), "the baseline " + base.source().describe());
    Columns reader = new Columns(duck);
    Map<String, DriftOptions.Thresholds> perColumn =
        new LinkedHashMap<>(options.columnThresholds());
    List<ChunkedRow> out = new ArrayList<>();
    for (Column c : cols) {
      Optional<Duck.ColumnInfo> info = rows.column(c.name());
      if (ids.contains(c.name()) || info.isEmpty()) {
        continue;
      }
      ColumnSample whole = sample(reader, rows, info.get(), c.numeric());
      List<ColumnDrift> drifts = new ArrayList<>();
      for (Chunk k : chunks) {
        Duck.Table view = cp.view(rows, "rt_chunk", k);
        drifts.add(whole.driftTo(c.name(), sample(reader, view, info.get(), c.numeric()), options));
      }
      DriftOptions.Thresholds t = perColumn.getOrDefault(c.name(), options.thresholds());
      for (Map.Entry<String, Double> e : spec.referenceThresholds().entrySet()) {
        double[] values = new double[chunks.size()];
        boolean all = true;
        for (int i = 0; i < values.length; i++) {
          OptionalDouble v = metric(drifts.get(i), e.getKey());
          all &= v.isPresent();
          values[i] = v.orElse(0);
        }
        if (!all) {
          continue; // the metric does not apply to this column (e.g. wasserstein for categories)
        }
        StdThreshold band = StdThreshold.of(values, e.getValue(), 0, Double.POSITIVE_INFINITY);
        StdThreshold upperOnly = new StdThreshold(0, band.upper());
        if (band.upper() > 0) {
          t = t.with(e.getKey(), band.upper());
        }
        List<ChunkValue> cv = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
          cv.add(ChunkValue.of(chunks.get(i), true, values[i], upperOnly));
        }
        ChunkSeries s = new ChunkSeries("reference_threshold", e.getKey(), c.name(), upperOnly, cv);
        out.add(
            new ChunkedRow(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                chunking.text(),
                s,
                Collections.nCopies(cv.size(), Optional.empty())));
      }
      perColumn.put(c.name(), t);
    }
    DriftOptions learned =
        new DriftOptions(
            options.columns(),
            options.ignore(),
            options.numeric(),
            options.categorical(),
            options.bins(),
            options.thresholds(),
            perColumn,
            options.driftShare(),
            options.minSample(),
            options.comparisons());
    return new Learned(learned, out);
  }

  private static ColumnSample sample(
      Columns reader, Duck.Table t, Duck.ColumnInfo info, boolean numeric) {
    return numeric ? reader.numeric(t, info) : reader.categorical(t, info);
  }

  private static OptionalDouble metric(ColumnDrift d, String name) {
    return switch (name) {
      case "population_stability_index" -> d.populationStabilityIndex();
      case "js_distance" -> d.jsDistance();
      default -> d.wassersteinDistanceNormed();
    };
  }
}
