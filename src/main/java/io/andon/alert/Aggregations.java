package io.andon.alert;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The aggregations of alert conditions as pure functions, with SQL's rule that nulls are ignored:
 * COUNT counts non-null values, the others are empty (SQL NULL) when there is no value. STDDEV is
 * the sample standard deviation (n - 1), as Databricks' {@code stddev}; MEDIAN interpolates between
 * the two middle values, as Databricks' {@code median}.
 */
public final class Aggregations {
  private Aggregations() {}

  /** Aggregates numeric values; nulls in {@code values} are skipped. */
  public static OptionalDouble apply(AlertRule.Aggregation a, List<Double> values) {
    Objects.requireNonNull(a, "a");
    double[] v =
        values.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
    switch (a) {
      case COUNT:
        return OptionalDouble.of(v.length);
      case COUNT_DISTINCT:
        return OptionalDouble.of(
            new HashSet<>(
                    values.stream().filter(Objects::nonNull).map(d -> d == 0.0 ? 0.0 : d).toList())
                .size());
      default:
        break;
    }
    if (v.length == 0) {
      return OptionalDouble.empty();
    }
    switch (a) {
      case SUM:
        return OptionalDouble.of(sum(v));
      case AVG:
        return OptionalDouble.of(sum(v) / v.length);
      case MIN:
        return OptionalDouble.of(Arrays.stream(v).min().getAsDouble());
      case MAX:
        return OptionalDouble.of(Arrays.stream(v).max().getAsDouble());
      case MEDIAN:
        {
          double[] s = v.clone();
          Arrays.sort(s);
          int n = s.length;
          return OptionalDouble.of(n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0);
        }
      case STDDEV:
        {
          if (v.length < 2) {
            return OptionalDouble.empty(); // stddev_samp of one value is NULL
          }
          double mean = sum(v) / v.length;
          double ss = 0;
          for (double x : v) {
            ss += (x - mean) * (x - mean);
          }
          return OptionalDouble.of(Math.sqrt(ss / (v.length - 1)));
        }
      default:
        throw new IllegalStateException(a.name());
    }
  }

  /** Kahan-Neumaier compensated sum, so long columns do not lose precision. */
  static double sum(double[] v) {
    double s = 0;
    double c = 0;
    for (double x : v) {
      double t = s + x;
      c += Math.abs(s) >= Math.abs(x) ? (s - t) + x : (x - t) + s;
      s = t;
    }
    return s + c;
  }
}
