package io.andon.monitor.sketch;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.Union;

/**
 * A mergeable profile of one categorical column: frequent items (exact while there are fewer
 * categories than the map holds, estimates beyond), HLL distinct count, and exact counts.
 */
public final class CategoricalSketch {
  /** Largest map of the frequent-items sketch (power of two). */
  public static final int MAX_MAP = 4096;

  private ItemsSketch<String> items = new ItemsSketch<>(MAX_MAP);
  private HllSketch hll = new HllSketch(NumericSketch.HLL_LG_K);
  private long rows;
  private long nulls;

  public void addNull() {
    rows++;
    nulls++;
  }

  public void add(String v) {
    rows++;
    items.update(v);
    hll.update(v);
  }

  public void merge(CategoricalSketch o) {
    items = items.merge(o.items);
    Union u = new Union(NumericSketch.HLL_LG_K);
    u.update(hll);
    u.update(o.hll);
    hll = u.getResult();
    rows += o.rows;
    nulls += o.nulls;
  }

  public long rows() {
    return rows;
  }

  public long nulls() {
    return nulls;
  }

  public double distinctEstimate() {
    return hll.getEstimate();
  }

  /** Largest error of any count (0 while every category fits in the map). */
  public long maximumError() {
    return items.getMaximumError();
  }

  /**
   * Category counts, most frequent first; when the sketch had to estimate, the counts of categories
   * it cannot report are gathered under "(other)".
   */
  public Map<String, Long> counts() {
    Map<String, Long> out = new LinkedHashMap<>();
    long total = items.getStreamLength();
    long listed = 0;
    for (ItemsSketch.Row<String> r : items.getFrequentItems(ErrorType.NO_FALSE_NEGATIVES)) {
      out.put(r.getItem(), r.getEstimate());
      listed += r.getEstimate();
    }
    if (listed < total) {
      out.merge("(other)", total - listed, Long::sum);
    }
    return out;
  }
}
