package io.andon.monitor.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every drift statistic against SciPy/NumPy reference values (drift_fixtures.json). */
class DriftStatisticsTest {
  private static final double EXACT = 1e-9;

  /** |actual - expected| within 1e-9 relative (absolute below 1e-300). */
  private static void assertClose(double actual, double expected, double rel, String what) {
    double tol = Math.max(rel * Math.abs(expected), 1e-300);
    assertThat(actual).as(what).isCloseTo(expected, within(tol));
  }

  @TestFactory
  List<DynamicTest> ksStatisticAndPvalueMatchScipyKs2sampAuto() {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : DriftFixtures.root().get("numeric")) {
      tests.add(
          DynamicTest.dynamicTest(
              c.get("name").asText(),
              () -> {
                double[] a = DriftFixtures.sample(c.get("baseline"));
                double[] b = DriftFixtures.sample(c.get("current"));
                KsTest.Result r = KsTest.test(a, b);
                assertClose(r.statistic(), c.get("ks_statistic").asDouble(), EXACT, "statistic");
                assertClose(r.pvalue(), c.get("ks_pvalue").asDouble(), EXACT, "pvalue");
                assertThat(r.exact()).isEqualTo(Math.max(a.length, b.length) <= KsTest.MAX_EXACT_N);
              }));
    }
    return tests;
  }

  @TestFactory
  List<DynamicTest> wassersteinMatchesScipy() {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : DriftFixtures.root().get("numeric")) {
      tests.add(
          DynamicTest.dynamicTest(
              c.get("name").asText(),
              () -> {
                double[] a = DriftFixtures.sample(c.get("baseline"));
                double[] b = DriftFixtures.sample(c.get("current"));
                assertClose(
                    Wasserstein.distance(a, b), c.get("wasserstein").asDouble(), EXACT, "w1");
              }));
    }
    return tests;
  }

  @TestFactory
  List<DynamicTest> psiAndJsOnDecileBinsMatchNumpyReference() {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : DriftFixtures.root().get("numeric")) {
      c.get("psi")
          .properties()
          .forEach(
              e ->
                  tests.add(
                      DynamicTest.dynamicTest(
                          c.get("name").asText() + " bins=" + e.getKey(),
                          () -> {
                            double[] a = DriftFixtures.sample(c.get("baseline"));
                            double[] b = DriftFixtures.sample(c.get("current"));
                            JsonNode ref = e.getValue();
                            Arrays.sort(a);
                            Binning bins = Binning.quantiles(a, Integer.parseInt(e.getKey()));
                            double[] edges = bins.edges();
                            double[] refEdges = DriftFixtures.doubles(ref.get("edges"));
                            assertThat(edges).hasSameSizeAs(refEdges);
                            for (int i = 0; i < edges.length; i++) {
                              assertClose(edges[i], refEdges[i], 1e-15, "edge " + i);
                            }
                            long[] kb = bins.countsSorted(a);
                            long[] kc = bins.counts(b);
                            assertThat(kb)
                                .containsExactly(DriftFixtures.longs(ref.get("baseline_counts")));
                            assertThat(kc)
                                .containsExactly(DriftFixtures.longs(ref.get("current_counts")));
                            assertClose(
                                Divergence.psi(kb, kc), ref.get("psi").asDouble(), EXACT, "psi");
                            assertClose(
                                Divergence.jsDistance(kb, kc),
                                ref.get("js_distance").asDouble(),
                                EXACT,
                                "js");
                          })));
    }
    return tests;
  }

  @TestFactory
  List<DynamicTest> categoricalStatisticsMatchScipy() {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : DriftFixtures.root().get("categorical")) {
      tests.add(
          DynamicTest.dynamicTest(
              c.get("name").asText(),
              () -> {
                long[] kb = DriftFixtures.longs(c.get("baseline_counts"));
                long[] kc = DriftFixtures.longs(c.get("current_counts"));
                ChiSquared.Result chi = ChiSquared.homogeneity(kb, kc);
                assertClose(chi.statistic(), c.get("chi2_statistic").asDouble(), EXACT, "chi2");
                assertClose(chi.pvalue(), c.get("chi2_pvalue").asDouble(), EXACT, "chi2 p");
                assertThat(chi.dof()).isEqualTo(c.get("chi2_dof").asInt());
                assertClose(
                    chi.minExpected(), c.get("min_expected").asDouble(), EXACT, "min expected");
                assertThat(chi.lowExpected()).isEqualTo(c.get("min_expected").asDouble() < 5);
                assertClose(
                    Divergence.tvDistance(kb, kc), c.get("tv_distance").asDouble(), EXACT, "tv");
                assertClose(
                    Divergence.lInfinityDistance(kb, kc),
                    c.get("l_infinity_distance").asDouble(),
                    EXACT,
                    "linf");
                assertClose(Divergence.psi(kb, kc), c.get("psi").asDouble(), EXACT, "psi");
                assertClose(
                    Divergence.jsDistance(kb, kc), c.get("js_distance").asDouble(), EXACT, "js");
              }));
    }
    return tests;
  }

  @Test
  void kolmogorovSurvivalMatchesScipyKstwoInEveryRegion() {
    for (JsonNode c : DriftFixtures.root().get("kstwo_sf")) {
      long n = c.get("n").asLong();
      double x = c.get("x").asDouble();
      double expected = c.get("sf").asDouble();
      double actual = KolmogorovDistribution.sf(n, x);
      assertClose(actual, expected, EXACT, "kstwo.sf(" + x + ", " + n + ")");
    }
  }

  @Test
  void quantilesInterpolateLinearlyAsNumpy() {
    for (JsonNode c : DriftFixtures.root().get("quantiles")) {
      double[] data = DriftFixtures.doubles(c.get("data"));
      Arrays.sort(data);
      double[] qs = DriftFixtures.doubles(c.get("q"));
      double[] values = DriftFixtures.doubles(c.get("values"));
      for (int i = 0; i < qs.length; i++) {
        assertThat(Quantiles.linear(data, qs[i])).isEqualTo(values[i]);
      }
    }
  }

  @Test
  void psiStaysFiniteWhenABinIsEmpty() {
    double psi = Divergence.psi(new long[] {10, 0}, new long[] {0, 10});
    assertThat(psi).isFinite().isCloseTo(2 * (1 - 1e-4) * Math.log(1e4), within(1e-12));
  }

  @Test
  void valueOnAnEdgeGoesToTheBinOnItsRight() {
    Binning b = Binning.fromEdges(new double[] {1.0, 2.0, 2.0, 3.0});
    assertThat(b.size()).isEqualTo(4);
    assertThat(b.binOf(0.5)).isEqualTo(0);
    assertThat(b.binOf(1.0)).isEqualTo(1);
    assertThat(b.binOf(2.0)).isEqualTo(2);
    assertThat(b.binOf(Double.POSITIVE_INFINITY)).isEqualTo(3);
    assertThat(b.binOf(Double.NEGATIVE_INFINITY)).isEqualTo(0);
  }
}
