package io.andon.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The rules of one column's verdict and of the verdict over many, on generated data. */
class VerdictRulesTest {
  private static double[] normal(long seed, int n, double mean, double sd) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = mean + sd * r.nextGaussian();
    }
    return v;
  }

  private static double[] constant(int n, double value) {
    double[] v = new double[n];
    Arrays.fill(v, value);
    return v;
  }

  /** n rows of which {@code nulls} are null and the rest are {@code values}. */
  private static NumericSample withNulls(double[] values, long nulls) {
    NumericSample s = NumericSample.of(values);
    return new NumericSample(s.rows() + nulls, nulls, s.nans(), 0, s.sorted());
  }

  @Test
  void aConstantBaselineAgainstANormalAroundFiftyDrifts() {
    ColumnDrift d =
        DriftAnalysis.numeric(
            "x",
            NumericSample.of(constant(1000, 5)),
            NumericSample.of(normal(1, 1000, 50, 1)),
            DriftOptions.DEFAULT);
    assertThat(d.status()).isEqualTo(ColumnDrift.Status.DRIFT);
    assertThat(d.reason())
        .contains("the baseline is constant (every value is 5)")
        .contains("100.0% of the current values differ from it");
    assertThat(d.populationStabilityIndex().getAsDouble()).isGreaterThan(10);
    assertThat(d.psiBand()).contains(ColumnDrift.PsiBand.SIGNIFICANT);
  }

  @Test
  void aConstantBaselineWithAFewOtherCurrentValuesStaysQuiet() {
    double[] cur = constant(1000, 5);
    cur[0] = 6;
    cur[1] = 7;
    ColumnDrift d =
        DriftAnalysis.numeric(
            "x", NumericSample.of(constant(1000, 5)), NumericSample.of(cur), DriftOptions.DEFAULT);
    assertThat(d.status()).isEqualTo(ColumnDrift.Status.NO_DRIFT);
  }

  @Test
  void oneValueOnBothSidesIsConstantAndLeftOutOfTheShare() {
    ColumnDrift k =
        DriftAnalysis.numeric(
            "k",
            NumericSample.of(constant(600, 5)),
            NumericSample.of(constant(600, 5)),
            DriftOptions.DEFAULT);
    ColumnDrift c =
        DriftAnalysis.categorical(
            "c",
            new CategoricalSample(600, 0, Map.of("a", 600L)),
            new CategoricalSample(600, 0, Map.of("a", 600L)),
            DriftOptions.DEFAULT);
    ColumnDrift x =
        DriftAnalysis.numeric(
            "x",
            NumericSample.of(normal(1, 600, 0, 1)),
            NumericSample.of(normal(2, 600, 0, 1)),
            DriftOptions.DEFAULT);
    assertThat(k.status()).isEqualTo(ColumnDrift.Status.CONSTANT);
    assertThat(c.status()).isEqualTo(ColumnDrift.Status.CONSTANT);
    Verdict v = Verdict.of(List.of(k, c, x), DriftOptions.DEFAULT);
    assertThat(v.compared()).isEqualTo(1);
    assertThat(v.outcome()).isEqualTo(Verdict.Outcome.NO_DRIFT);
  }

  @Test
  void aNullShareThatMovedTenPointsDriftsWhateverTheDistributionSays() {
    double[] same = normal(3, 1000, 0, 1);
    ColumnDrift d =
        DriftAnalysis.numeric(
            "x",
            NumericSample.of(normal(4, 1000, 0, 1)),
            withNulls(Arrays.copyOf(same, 850), 150),
            DriftOptions.DEFAULT);
    assertThat(d.status()).isEqualTo(ColumnDrift.Status.DRIFT);
    assertThat(d.reason()).isEqualTo("share of nulls moved from 0.0% to 15.0%");
    ColumnDrift nine =
        DriftAnalysis.numeric(
            "x",
            NumericSample.of(normal(4, 1000, 0, 1)),
            withNulls(Arrays.copyOf(same, 910), 90),
            DriftOptions.DEFAULT);
    assertThat(nine.status()).isEqualTo(ColumnDrift.Status.NO_DRIFT);
  }

  @Test
  void aColumnThatBecameAllNullDriftsEvenFromAMostlyNullBaseline() {
    ColumnDrift d =
        DriftAnalysis.numeric(
            "x",
            withNulls(normal(5, 50, 0, 1), 950),
            withNulls(new double[0], 1000),
            DriftOptions.DEFAULT);
    assertThat(d.status()).isEqualTo(ColumnDrift.Status.DRIFT);
    assertThat(d.reason()).startsWith("became all null");
    ColumnDrift c =
        DriftAnalysis.categorical(
            "c",
            new CategoricalSample(1000, 990, Map.of("a", 10L)),
            new CategoricalSample(1000, 1000, Map.of()),
            DriftOptions.DEFAULT);
    assertThat(c.status()).isEqualTo(ColumnDrift.Status.DRIFT);
  }

  @Test
  void belowTheMinimumSampleAShiftIsNotEnoughDataNeverDriftNorFine() {
    ColumnDrift d =
        DriftAnalysis.numeric(
            "x",
            NumericSample.of(normal(6, 200, 0, 1)),
            NumericSample.of(normal(7, 200, 2, 1)),
            DriftOptions.DEFAULT);
    assertThat(d.status()).isEqualTo(ColumnDrift.Status.NOT_ENOUGH_DATA);
    assertThat(d.reason()).contains("200 rows").contains("minimum sample of 500");
    Verdict v = Verdict.of(List.of(d), DriftOptions.DEFAULT);
    assertThat(v.outcome()).isEqualTo(Verdict.Outcome.NOT_ENOUGH_DATA);
    assertThat(v.outcome().exitCode()).isEqualTo(4);
    DriftOptions small =
        new DriftOptions(
            List.of(),
            Set.of(),
            Set.of(),
            Set.of(),
            10,
            DriftOptions.Thresholds.DEFAULT,
            Map.of(),
            OptionalDouble.empty(),
            200,
            1);
    assertThat(
            DriftAnalysis.numeric(
                    "x",
                    NumericSample.of(normal(6, 200, 0, 1)),
                    NumericSample.of(normal(7, 200, 2, 1)),
                    small)
                .status())
        .isEqualTo(ColumnDrift.Status.DRIFT);
  }

  @Test
  void anyDriftedColumnMakesTheVerdictDriftUnlessAShareIsAsked() {
    ColumnDrift drifted =
        DriftAnalysis.numeric(
            "a",
            NumericSample.of(normal(1, 1000, 0, 1)),
            NumericSample.of(normal(2, 1000, 1, 1)),
            DriftOptions.DEFAULT);
    List<ColumnDrift> cols = new java.util.ArrayList<>(List.of(drifted));
    for (int i = 0; i < 8; i++) {
      cols.add(
          DriftAnalysis.numeric(
              "q" + i,
              NumericSample.of(normal(10 + i, 1000, 0, 1)),
              NumericSample.of(normal(20 + i, 1000, 0, 1)),
              DriftOptions.DEFAULT));
    }
    Verdict any = Verdict.of(cols, DriftOptions.DEFAULT);
    assertThat(any.outcome()).isEqualTo(Verdict.Outcome.DRIFT);
    assertThat(any.summary()).isEqualTo("DRIFT (1 of 9 columns drifted, share 0.1111)");
    assertThat(any.rule()).startsWith("the dataset drifts when any compared column drifts");
    DriftOptions share =
        new DriftOptions(
            List.of(),
            Set.of(),
            Set.of(),
            Set.of(),
            10,
            DriftOptions.Thresholds.DEFAULT,
            Map.of(),
            OptionalDouble.of(0.5),
            500,
            1);
    Verdict half = Verdict.of(cols, share);
    assertThat(half.outcome()).isEqualTo(Verdict.Outcome.NO_DRIFT);
    assertThat(half.rule())
        .startsWith("the dataset drifts when at least 50% of the compared" + " columns drift");
  }

  @Test
  void psiBandsFollowTheProductBrief() {
    assertThat(ColumnDrift.PsiBand.of(0.05)).isEqualTo(ColumnDrift.PsiBand.NONE);
    assertThat(ColumnDrift.PsiBand.of(0.1)).isEqualTo(ColumnDrift.PsiBand.MODERATE);
    assertThat(ColumnDrift.PsiBand.of(0.25)).isEqualTo(ColumnDrift.PsiBand.MODERATE);
    assertThat(ColumnDrift.PsiBand.of(0.26)).isEqualTo(ColumnDrift.PsiBand.SIGNIFICANT);
  }

  @Test
  void theBonferroniCorrectionDividesThePvalueBoundByTheComparisons() {
    DriftOptions.Thresholds low =
        DriftOptions.Thresholds.DEFAULT
            .with("population_stability_index", 0.001)
            .with("js_distance", 0.001);
    DriftOptions one =
        new DriftOptions(
            List.of(),
            Set.of(),
            Set.of(),
            Set.of(),
            10,
            low,
            Map.of(),
            OptionalDouble.empty(),
            500,
            1);
    CategoricalSample b = new CategoricalSample(500, 0, Map.of("a", 300L, "b", 200L));
    CategoricalSample c = new CategoricalSample(500, 0, Map.of("a", 254L, "b", 246L));
    ColumnDrift alone = DriftAnalysis.categorical("c", b, c, one);
    assertThat(alone.chiSquaredTest().get().pvalue()).isBetween(0.001, 0.01);
    assertThat(alone.status()).isEqualTo(ColumnDrift.Status.DRIFT);
    ColumnDrift ofTen = DriftAnalysis.categorical("c", b, c, one.withComparisons(10));
    assertThat(ofTen.status()).isEqualTo(ColumnDrift.Status.NO_DRIFT);
    assertThat(ofTen.reason()).contains("pvalue").contains(">= 0.001");
    assertThat(Verdict.rule(one.withComparisons(10)))
        .contains("0.01 / 10 comparisons" + " (Bonferroni)");
  }

  @Test
  void aColumnsOwnThresholdsDecideForItAlone() {
    double[] base = normal(8, 5000, 0, 1);
    double[] cur = normal(9, 5000, 0.15, 1);
    DriftOptions.Thresholds strict =
        DriftOptions.Thresholds.DEFAULT.with("wasserstein_distance_normed", 0.1);
    DriftOptions o =
        new DriftOptions(
            List.of(),
            Set.of(),
            Set.of(),
            Set.of(),
            10,
            DriftOptions.Thresholds.DEFAULT,
            Map.of("x", strict),
            OptionalDouble.empty(),
            500,
            1);
    assertThat(
            DriftAnalysis.numeric("x", NumericSample.of(base), NumericSample.of(cur), o).status())
        .isEqualTo(ColumnDrift.Status.DRIFT);
    assertThat(
            DriftAnalysis.numeric("y", NumericSample.of(base), NumericSample.of(cur), o).status())
        .isEqualTo(ColumnDrift.Status.NO_DRIFT);
    assertThat(Verdict.rule(o)).contains("thresholds of their own for x");
  }

  @Test
  void pvaluesBelowTheSmallestDoubleArePrintedAsABound() {
    assertThat(DriftAnalysis.fmtP(0.0)).isEqualTo("< 1e-300");
    assertThat(DriftAnalysis.fmtP(2.5e-92)).isEqualTo("2.5e-92");
  }
}
