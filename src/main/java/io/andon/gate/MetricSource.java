package io.andon.gate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where checks find their metrics: {@code --metric} values, JSON files, task values of a job run,
 * or several of those in order ({@link Metrics}).
 */
public interface MetricSource {
  /** The measurement of {@code metric}, or empty when this source does not know it. */
  Optional<Measurement> find(String metric);

  /** A few words for messages: {@code metrics.json}, {@code --metric}, ... */
  String describe();

  /** Names this source knows, for did-you-mean hints; may be partial. */
  default List<String> names() {
    return List.of();
  }

  /** A source that knows nothing. */
  static MetricSource none() {
    return of(Map.of(), "no metrics");
  }

  /** Fixed values, e.g. from {@code --metric NAME=VALUE}. */
  static MetricSource of(Map<String, Double> values) {
    return of(values, "given values");
  }

  /** Fixed values described as {@code describe} in messages. */
  static MetricSource of(Map<String, Double> values, String describe) {
    Map<String, Double> copy = new LinkedHashMap<>(values);
    Objects.requireNonNull(describe, "describe");
    return new MetricSource() {
      @Override
      public Optional<Measurement> find(String metric) {
        Double v = copy.get(metric);
        return v == null ? Optional.empty() : Optional.of(Measurement.of(v, describe));
      }

      @Override
      public String describe() {
        return describe;
      }

      @Override
      public List<String> names() {
        return new ArrayList<>(copy.keySet());
      }
    };
  }
}
