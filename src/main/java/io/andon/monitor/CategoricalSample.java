package io.andon.monitor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The values of one categorical column: rows, nulls, and the count of each category. */
public record CategoricalSample(long rows, long nulls, Map<String, Long> counts)
    implements ColumnSample {
  public CategoricalSample {
    Objects.requireNonNull(counts, "counts");
    counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
  }

  public long nonNull() {
    long n = 0;
    for (long c : counts.values()) {
      n += c;
    }
    return n;
  }

  @Override
  public ColumnProfile profile(String name) {
    return ColumnProfile.categorical(name, this);
  }

  @Override
  public boolean allDistinct() {
    return nonNull() >= ColumnRoles.MIN_VALUES && counts.size() == nonNull();
  }

  @Override
  public ColumnDrift driftTo(String name, ColumnSample current, DriftOptions options) {
    if (!(current instanceof CategoricalSample cur)) {
      throw new IllegalArgumentException(
          "column '" + name + "' is categorical in the baseline" + " only");
    }
    return DriftAnalysis.categorical(name, this, cur, options);
  }
}
