package io.andon.monitor;

import io.andon.error.InvalidInputException;
import io.andon.monitor.MonitorColumns.Column;
import io.andon.monitor.MonitorSpec.Granularity;
import io.andon.monitor.Segments.Slice;
import io.andon.monitor.chunk.Chunk;
import io.andon.monitor.chunk.ChunkSeries;
import io.andon.monitor.chunk.ChunkValue;
import io.andon.monitor.chunk.Chunking;
import io.andon.monitor.chunk.Design;
import io.andon.monitor.chunk.Frame;
import io.andon.monitor.data.Duck;
import io.andon.monitor.estimate.Cbpe;
import io.andon.monitor.estimate.Dle;
import io.andon.monitor.multivariate.DomainClassifier;
import io.andon.monitor.multivariate.PcaReconstruction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a monitor's performance estimation (CBPE or DLE) and multivariate drift (PCA reconstruction,
 * domain classifier) per model: the baseline is the reference, cut by the monitor's row chunking
 * (or in 10 chunks when it chunks by time); the table is cut by the same row chunking, or by the
 * time windows of its first granularity.
 */
final class ChunkedMethods {
  /** Fewest reference chunks for a trustworthy band; fewer is warned about. */
  static final int MIN_REFERENCE_CHUNKS = 6;

  private static final Set<String> TRUE = Set.of("1", "1.0", "true", "t", "yes");

  private final MonitorSpec spec;
  private final Duck duck;
  private final ChunkPlan plan;

  ChunkedMethods(MonitorSpec spec, Duck duck) {
    this.spec = spec;
    this.duck = duck;
    this.plan = new ChunkPlan(duck);
  }

  /** The rows of every method, model and slice. */
  List<ChunkedRow> run(
      Duck.Table timed,
      Duck.Table base,
      List<Column> cols,
      Set<String> ids,
      List<Optional<String>> models,
      List<Slice> slices,
      Segments segments,
      Instant runAt,
      List<String> warnings) {
    ChunkedSpec c = spec.chunked();
    if (c.estimation().isEmpty() && c.multivariate().isEmpty()) {
      return List.of();
    }
    List<ChunkedRow> out = new ArrayList<>();
    for (Optional<String> model : models) {
      for (Slice slice : slices) {
        out.addAll(segment(timed, base, cols, ids, model, slice, segments, runAt, warnings));
      }
    }
    return out;
  }

  /** The rows of every method for the rows of one model and slice. */
  private List<ChunkedRow> segment(
      Duck.Table timed,
      Duck.Table base,
      List<Column> cols,
      Set<String> ids,
      Optional<String> model,
      Slice slice,
      Segments segments,
      Instant runAt,
      List<String> warnings) {
    ChunkedSpec c = spec.chunked();
    List<String> required = new ArrayList<>();
    if (c.estimation().isPresent()) {
      required.add(spec.predictionCol().orElseThrow());
      spec.predictionProbaCol()
          .filter(x -> spec.problemType().orElseThrow() == MonitorSpec.ProblemType.CLASSIFICATION)
          .ifPresent(required::add);
    }
    String present =
        required.stream()
            .map(x -> Duck.ident(x) + " IS NOT NULL")
            .reduce((a, b) -> a + " AND " + b)
            .orElse("TRUE");
    String labelled =
        c.estimation().isPresent()
            ? present + " AND " + Duck.ident(spec.labelCol().orElseThrow()) + " IS NOT NULL"
            : present;
    String rows = " AND (" + slice.where() + ") AND ";
    Duck.Table ref =
        plan.numbered(base, "cm_ref", false, segments.modelWhere(model, base) + rows + labelled);
    boolean hasTs = spec.timestampCol().isPresent();
    Duck.Table cur =
        plan.numbered(timed, "cm_cur", hasTs, segments.modelWhere(model, timed) + rows + present);
    if (ref.rows() == 0 || cur.rows() == 0) {
      return List.of();
    }
    Chunking chunking = c.chunking().byRows() ? c.chunking() : ReferenceThresholds.DEFAULT;
    boolean sliced = slice.key().isPresent();
    String where =
        sliced ? " of the slice [" + slice.key().get() + "=" + slice.value().orElse("") + "]" : "";
    if (sliced
        && (ref.rows() < spec.drift().minSample()
            || !fits(chunking, ref.rows())
            || !fits(c.chunking(), cur.rows()))) {
      warnings.add(
          "the chunked methods"
              + where
              + model.map(m -> " of model " + m).orElse("")
              + " are NOT_ENOUGH_DATA: its baseline has "
              + ref.rows()
              + " rows and its table "
              + cur.rows()
              + ", fewer than min_sample ("
              + spec.drift().minSample()
              + ") or than chunking by "
              + chunking.text()
              + " needs.");
      return List.of();
    }
    List<Chunk> refChunks =
        chunking.split((int) ref.rows(), "the baseline " + base.source().describe() + where);
    if (refChunks.size() < MIN_REFERENCE_CHUNKS) {
      warnings.add(
          "the baseline"
              + where
              + " makes only "
              + refChunks.size()
              + " chunks ("
              + chunking.text()
              + "); alert bands learned from fewer than "
              + MIN_REFERENCE_CHUNKS
              + " chunks are unreliable: use smaller chunks.");
    }
    List<ChunkPlan.Slot> slots;
    String text;
    if (c.chunking().byRows()) {
      slots = plan.slots(cur, c.chunking(), hasTs, "the table " + spec.table() + where);
      text = c.chunking().text();
    } else if (!spec.granularities().isEmpty() && hasTs) {
      Granularity g = spec.granularities().get(0);
      slots = plan.timeSlots(cur, new WindowPlan(duck).windows(cur, g, runAt));
      text = g.text();
    } else {
      slots =
          List.of(new ChunkPlan.Slot(new Chunk(0, 0, (int) cur.rows()), Optional.empty(), "TRUE"));
      text = "snapshot";
    }
    List<Chunk> curChunks = slots.stream().map(ChunkPlan.Slot::chunk).toList();
    List<Optional<Window>> windows =
        new ArrayList<>(Collections.nCopies(refChunks.size(), Optional.empty()));
    slots.forEach(s -> windows.add(s.window()));
    List<ChunkSeries> series = new ArrayList<>();
    List<Column> features = features(cols, ids);
    if (c.estimation().isPresent()) {
      series.addAll(estimate(ref, refChunks, cur, curChunks, features, c.estimation().get()));
    }
    c.multivariate()
        .ifPresent(
            mv -> series.addAll(multivariate(ref, refChunks, cur, curChunks, cols, features, mv)));
    List<ChunkedRow> out = new ArrayList<>();
    for (ChunkSeries s : series) {
      out.add(
          new ChunkedRow(
              model, slice.key(), slice.value(), text, sliced ? judged(s, refChunks) : s, windows));
    }
    return out;
  }

  /** True when {@code rows} are enough for {@code c} to cut at least one chunk. */
  static boolean fits(Chunking c, long rows) {
    return switch (c.by()) {
      case TIME -> rows >= 1;
      case COUNT -> rows >= c.n();
      case SIZE -> c.incomplete() != Chunking.Incomplete.DROP || rows >= c.n();
    };
  }

  /**
   * A slice's series with its analysed chunks smaller than the median reference chunk marked
   * NOT_ENOUGH_DATA: such a chunk's value is noisier than the values its band was learned from, so
   * judging it against that band would raise false alarms.
   */
  static ChunkSeries judged(ChunkSeries s, List<Chunk> refChunks) {
    int[] sizes = refChunks.stream().mapToInt(Chunk::rows).sorted().toArray();
    int median = sizes[(sizes.length - 1) / 2];
    List<ChunkValue> values = new ArrayList<>();
    for (ChunkValue v : s.values()) {
      values.add(!v.reference() && v.chunk().rows() < median ? v.notEnoughData() : v);
    }
    return new ChunkSeries(s.method(), s.metric(), s.column(), s.threshold(), values);
  }

  /** The monitored columns that are features: not ids, prediction, label, model or time. */
  private List<Column> features(List<Column> cols, Set<String> ids) {
    Set<String> special = new java.util.HashSet<>(ids);
    spec.predictionCol().ifPresent(special::add);
    spec.predictionProbaCol().ifPresent(special::add);
    spec.labelCol().ifPresent(special::add);
    spec.modelIdCol().ifPresent(special::add);
    spec.timestampCol().ifPresent(special::add);
    return cols.stream().filter(x -> !special.contains(x.name())).toList();
  }

  private List<ChunkSeries> estimate(
      Duck.Table ref,
      List<Chunk> refChunks,
      Duck.Table cur,
      List<Chunk> curChunks,
      List<Column> features,
      ChunkedSpec.Estimation e) {
    String pred = spec.predictionCol().orElseThrow();
    String label = spec.labelCol().orElseThrow();
    Optional<String> order = Optional.of(ChunkPlan.ROW);
    if (spec.problemType().orElseThrow() == MonitorSpec.ProblemType.CLASSIFICATION) {
      String proba = spec.predictionProbaCol().orElseThrow();
      Frame r = Frame.read(duck, ref, List.of(proba), List.of(pred, label), order, "TRUE");
      Frame a = Frame.read(duck, cur, List.of(proba), List.of(pred), order, "TRUE");
      return Cbpe.estimate(
          new Cbpe.Rows(r.number(proba), positive(r.category(pred)), positive(r.category(label))),
          refChunks,
          new Cbpe.Rows(a.number(proba), positive(a.category(pred)), new boolean[0]),
          curChunks,
          e.std());
    }
    List<String> num = new ArrayList<>(names(features, true));
    num.add(pred);
    List<String> cat = names(features, false);
    List<String> withLabel = new ArrayList<>(num);
    withLabel.add(label);
    Frame r = Frame.read(duck, ref, withLabel, cat, order, "TRUE");
    Frame a = Frame.read(duck, cur, num, cat, order, "TRUE");
    double[] err = new double[r.rows()];
    for (int i = 0; i < err.length; i++) {
      err[i] = r.number(label)[i] - r.number(pred)[i];
      if (!Double.isFinite(err[i])) {
        throw new InvalidInputException(
            "DLE needs numeric labels and predictions; row "
                + (i + 1)
                + " of the baseline has label and prediction that are not numbers.");
      }
    }
    Design d = new Design(r, num, cat);
    return Dle.estimate(
        d.matrix(r), err, refChunks, d.matrix(a), curChunks, e.neighbours(), e.std());
  }

  private List<ChunkSeries> multivariate(
      Duck.Table ref,
      List<Chunk> refChunks,
      Duck.Table cur,
      List<Chunk> curChunks,
      List<Column> cols,
      List<Column> features,
      ChunkedSpec.Multivariate mv) {
    List<Column> chosen =
        mv.columns().isEmpty()
            ? features
            : mv.columns().stream()
                .map(
                    n ->
                        cols.stream()
                            .filter(x -> x.name().equals(n))
                            .findFirst()
                            .orElseThrow(
                                () ->
                                    new InvalidInputException(
                                        "multivariate column '"
                                            + n
                                            + "' is not a monitored column of "
                                            + spec.table()
                                            + ".")))
                .toList();
    if (chosen.isEmpty()) {
      throw new InvalidInputException("multivariate drift needs at least one feature column.");
    }
    Optional<String> order = Optional.of(ChunkPlan.ROW);
    List<String> num = names(chosen, true);
    List<String> cat = names(chosen, false);
    Frame r = Frame.read(duck, ref, num, cat, order, "TRUE");
    Frame a = Frame.read(duck, cur, num, cat, order, "TRUE");
    Design d = new Design(r, num, cat);
    double[][] rx = d.matrix(r);
    double[][] ax = d.matrix(a);
    List<ChunkSeries> out = new ArrayList<>();
    if (mv.methods().contains("pca_reconstruction")) {
      out.add(PcaReconstruction.series(rx, refChunks, ax, curChunks, mv.std()));
    }
    if (mv.methods().contains("domain_classifier")) {
      out.add(DomainClassifier.series(rx, refChunks, ax, curChunks, mv.std()));
    }
    return out;
  }

  private static List<String> names(List<Column> cols, boolean numeric) {
    return cols.stream().filter(x -> x.numeric() == numeric).map(Column::name).toList();
  }

  private static boolean[] positive(String[] v) {
    boolean[] out = new boolean[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = TRUE.contains(v[i].strip().toLowerCase(java.util.Locale.ROOT));
    }
    return out;
  }
}
