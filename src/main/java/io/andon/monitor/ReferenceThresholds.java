package io.andon.monitor;

import io.andon.monitor.MonitorColumns.Column;
import io.andon.monitor.Segments.Slice;
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

  /**
   * The options with the thresholds learned from the whole baseline, those learned from each
   * slice's rows of the baseline (by slice key and value), and the series they were learned from.
   */
  record Learned(
      DriftOptions options,
      Map<List<Optional<String>>, DriftOptions> bySlice,
      List<ChunkedRow> rows) {
    Learned {
      bySlice = Map.copyOf(bySlice);
      rows = List.copyOf(rows);
    }

    /** The options of the slice {@code key}={@code value}: its own, else the whole table's. */
    DriftOptions optionsFor(Optional<String> key, Optional<String> value) {
      return bySlice.getOrDefault(List.of(key, value), options);
    }
  }

  private ReferenceThresholds() {}

  /**
   * Learns the thresholds from the whole baseline, then from each slice's rows of it. A slice whose
   * baseline has fewer than the minimum sample, or too few rows for the chunking, keeps the whole
   * table's thresholds, with a warning.
   */
  static Learned learn(
      Duck duck,
      Duck.Table base,
      List<Column> cols,
      Set<String> ids,
      ChunkedSpec spec,
      DriftOptions options,
      List<Slice> slices,
      List<String> warnings) {
    if (spec.referenceThresholds().isEmpty()) {
      return new Learned(options, Map.of(), List.of());
    }
    Map<List<Optional<String>>, DriftOptions> bySlice = new java.util.HashMap<>();
    List<ChunkedRow> rows = new ArrayList<>();
    DriftOptions whole = options;
    for (Slice s : slices) {
      Optional<DriftOptions> o = learn(duck, base, cols, ids, spec, options, s, rows, warnings);
      if (s.key().isEmpty()) {
        whole = o.orElseThrow();
      } else {
        o.ifPresent(x -> bySlice.put(List.of(s.key(), s.value()), x));
      }
    }
    return new Learned(whole, bySlice, rows);
  }

  private static Optional<DriftOptions> learn(
      Duck duck,
      Duck.Table base,
      List<Column> cols,
      Set<String> ids,
      ChunkedSpec spec,
      DriftOptions options,
      Slice slice,
      List<ChunkedRow> out,
      List<String> warnings) {
    Chunking chunking = spec.chunking().byRows() ? spec.chunking() : DEFAULT;
    ChunkPlan cp = new ChunkPlan(duck);
    Duck.Table rows = cp.numbered(base, "rt_base", false, slice.where());
    String where =
        slice
            .key()
            .map(k -> " of the slice [" + k + "=" + slice.value().orElse("") + "]")
            .orElse("");
    if (slice.key().isPresent()
        && (rows.rows() < options.minSample() || !ChunkedMethods.fits(chunking, rows.rows()))) {
      warnings.add(
          "the baseline"
              + where
              + " has "
              + rows.rows()
              + " rows, fewer than min_sample ("
              + options.minSample()
              + ") or than chunking by "
              + chunking.text()
              + " needs: its drift rows keep the thresholds learned from the whole baseline.");
      return Optional.empty();
    }
    List<Chunk> chunks =
        chunking.split((int) rows.rows(), "the baseline " + base.source().describe() + where);
    Columns reader = new Columns(duck);
    Map<String, DriftOptions.Thresholds> perColumn =
        new LinkedHashMap<>(options.columnThresholds());
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
                slice.key(),
                slice.value(),
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
    return Optional.of(learned);
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
