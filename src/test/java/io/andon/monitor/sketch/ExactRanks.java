package io.andon.monitor.sketch;

/** Exact ranks in a sorted array, to check the sketches' ranks against. */
final class ExactRanks {
  private ExactRanks() {}

  /** How many values are below {@code x} (-0.0 and 0.0 equal, as the sketches compare them). */
  static int below(double[] sorted, double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** How many values are at most {@code x}. */
  static int upTo(double[] sorted, double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
