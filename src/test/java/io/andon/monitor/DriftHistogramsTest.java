package io.andon.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.andon.monitor.stats.DoubleSort;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The plot's bin counts over sorted values (a search per edge) equal the counts of placing each
 * value with {@link Arrays#binarySearch} on the edges: values on an edge, -0.0 against a 0.0 edge,
 * values beyond either end, empty sides.
 */
class DriftHistogramsTest {
  /** The bin of each value as placed one by one: outside values go to the outer bins. */
  private static long[] oneByOne(double[] v, double[] edges) {
    long[] out = new long[edges.length - 1];
    for (double x : v) {
      int i = Arrays.binarySearch(edges, x);
      int bin = i >= 0 ? i : -i - 2;
      out[Math.max(0, Math.min(edges.length - 2, bin))]++;
    }
    return out;
  }

  @Test
  void countsPerEdgeEqualCountsPerValue() {
    SplittableRandom r = new SplittableRandom(9);
    double[][] edgeSets = {
      {-2, -1, -0.0, 1, 2},
      {-1, 0.0, 1},
      {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10},
      {0.5, 0.75},
      {-3, 3}
    };
    for (double[] edges : edgeSets) {
      for (int n : new int[] {0, 1, 7, 5000}) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
          int k = r.nextInt(5);
          v[i] =
              k == 0
                  ? edges[r.nextInt(edges.length)]
                  : k == 1
                      ? (r.nextBoolean() ? -0.0 : 0.0)
                      : Math.round(r.nextGaussian() * 40) / 8.0;
        }
        DoubleSort.sort(v);
        assertThat(DriftHistograms.counts(v, edges))
            .as("%d values over %s", n, Arrays.toString(edges))
            .isEqualTo(oneByOne(v, edges));
      }
    }
  }
}
