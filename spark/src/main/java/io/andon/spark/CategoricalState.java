package io.andon.spark;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.datasketches.common.ArrayOfStringsSerDe;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.memory.Memory;

/**
 * The mergeable state of one categorical column in one group of rows: exact row and null counts and
 * a frequent-items sketch of the categories (a map of {@value #MAP}: every category with its exact
 * count while there are fewer than about 3,000; beyond, the frequent ones within {@link #error()}
 * and the rest gathered as "(other)").
 */
public final class CategoricalState
    implements Serializable, StateAggregators.ColumnState<String, CategoricalState> {
  private static final long serialVersionUID = 1L;

  /** The frequent-items map, as the single-machine sketch mode's. */
  public static final int MAP = 4096;

  private static final ArrayOfStringsSerDe SERDE = new ArrayOfStringsSerDe();

  long rows;
  long nulls;
  private transient ItemsSketch<String> items = new ItemsSketch<>(MAP);

  public void add(String v) {
    rows++;
    if (v == null) {
      nulls++;
    } else {
      items.update(v);
    }
  }

  public CategoricalState merge(CategoricalState o) {
    items = items.merge(o.items);
    rows += o.rows;
    nulls += o.nulls;
    return this;
  }

  public long rows() {
    return rows;
  }

  public long nulls() {
    return nulls;
  }

  /** The largest error of any count: 0 while every category fits in the map. */
  public long error() {
    return items.getMaximumError();
  }

  /** Category counts, most frequent first, ties by category; "(other)" for what is not listed. */
  public Map<String, Long> counts() {
    List<ItemsSketch.Row<String>> rs =
        new ArrayList<>(List.of(items.getFrequentItems(ErrorType.NO_FALSE_NEGATIVES)));
    rs.sort(
        (a, b) ->
            a.getEstimate() != b.getEstimate()
                ? Long.compare(b.getEstimate(), a.getEstimate())
                : a.getItem().compareTo(b.getItem()));
    Map<String, Long> out = new LinkedHashMap<>();
    long listed = 0;
    for (ItemsSketch.Row<String> r : rs) {
      out.put(r.getItem(), r.getEstimate());
      listed += r.getEstimate();
    }
    long total = items.getStreamLength();
    if (listed < total) {
      out.merge("(other)", total - listed, Long::sum);
    }
    return out;
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    Bytes.write(out, items.toByteArray(SERDE));
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    items = ItemsSketch.getInstance(Memory.wrap(Bytes.read(in)), SERDE);
  }
}
