package io.andon.monitor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The values of one categorical column: rows, nulls, and the count of each category. */
public record CategoricalSample(long rows, long nulls, Map<String, Long> counts) {
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
}
