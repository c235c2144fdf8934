package io.andon.ui.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistogramsTest {
  private static double[] uniform(double lo, double hi) {
    double[] q = new double[Histograms.LEVELS.length];
    for (int i = 0; i < q.length; i++) {
      q[i] = lo + (hi - lo) * Histograms.LEVELS[i];
    }
    return q;
  }

  @Test
  void aUniformDistributionFillsEveryBinEquallyAndSharesSumToOne() {
    Histograms.Bars b = Histograms.numeric(uniform(0, 10), uniform(0, 10));
    assertThat(b.labels()).hasSize(Histograms.BINS);
    assertThat(b.labels().get(1)).isEqualTo("0.5000");
    b.baseline().forEach(s -> assertThat(s).isCloseTo(0.05, within(1e-12)));
    assertThat(b.current().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(1, within(1e-12));
  }

  @Test
  void aShiftedSideLeavesTheBinsOutsideItsRangeEmpty() {
    Histograms.Bars b = Histograms.numeric(uniform(0, 10), uniform(10, 20));
    assertThat(b.baseline().subList(0, 10))
        .allSatisfy(s -> assertThat(s).isCloseTo(0.1, within(1e-12)));
    assertThat(b.baseline().subList(10, 20)).allSatisfy(s -> assertThat(s).isZero());
    assertThat(b.current().subList(0, 10)).allSatisfy(s -> assertThat(s).isZero());
  }

  @Test
  void aValueManyRowsHoldIsAStepInTheDistributionFunction() {
    double[] q = {0, 0, 0, 0, 0, 0, 5, 5, 5, 5, 10};
    assertThat(Histograms.cdf(q, 0)).isEqualTo(0.5);
    assertThat(Histograms.cdf(q, 2.5)).isCloseTo(0.625, within(1e-12));
    assertThat(Histograms.cdf(q, 5)).isEqualTo(0.99);
    assertThat(Histograms.cdf(q, -1)).isZero();
    assertThat(Histograms.cdf(q, 10)).isEqualTo(1);
    Histograms.Bars b = Histograms.numeric(q, q);
    assertThat(b.baseline().get(0)).isCloseTo(0.5 + 0.125 / 5, within(1e-12));
  }

  @Test
  void categoriesOfEitherSideGetABarAndTheRestIsOther() {
    Map<String, Long> base = new LinkedHashMap<>();
    base.put("FR", 60L);
    base.put("DE", 40L);
    Map<String, Long> cur = new LinkedHashMap<>();
    cur.put("US", 30L);
    cur.put("FR", 50L);
    Histograms.Bars b = Histograms.categorical(base, 100, cur, 100);
    assertThat(b.labels()).containsExactly("FR", "DE", "US", "(other)");
    assertThat(b.baseline()).containsExactly(0.6, 0.4, 0.0, 0.0);
    assertThat(b.current().get(0)).isEqualTo(0.5);
    assertThat(b.current().get(3)).isCloseTo(0.2, within(1e-12));
  }
}
