package io.andon.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.andon.monitor.data.DataSource;
import io.andon.monitor.report.HtmlReport;
import io.andon.monitor.report.JsonReport;
import io.andon.monitor.report.TextReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drift report's content on generated tables with a known answer: 2,000 rows a side; {@code
 * count} (integers 0 to 9) shifted by 30 (apart from the baseline: a KS p-value below the smallest
 * double), {@code amount} log-normal (a long tail) and stable, {@code note} a text whose labels are
 * long, and 40 current rows repeated.
 */
class DriftHtmlReportTest {
  @TempDir Path dir;

  private static final Instant AT = Instant.parse("2026-12-06T09:30:00Z");

  private Path table(String name, int shift, int repeated, long seed) throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    StringBuilder s = new StringBuilder("count,amount,note\n");
    List<String> rows = new java.util.ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      rows.add(
          (r.nextInt(10) + shift)
              + ","
              + Math.exp(2 * r.nextGaussian())
              + ","
              + "a rather long category label number "
              + r.nextInt(3));
    }
    for (int i = 0; i < repeated; i++) {
      rows.set(2000 - 1 - i, rows.get(i));
    }
    rows.forEach(x -> s.append(x).append('\n'));
    Path p = dir.resolve(name);
    Files.writeString(p, s);
    return p;
  }

  private DriftReport report() throws IOException {
    Path b = table("base.csv", 0, 0, 1);
    Path c = table("cur.csv", 30, 40, 2);
    return TableComparison.compare(
        TableComparison.Inputs.of(
            DataSource.resolve(b.toString(), "--baseline"),
            DataSource.resolve(c.toString(), "--current"),
            DriftOptions.DEFAULT),
        x -> {});
  }

  @Test
  void reportLeadsWithTheVerdictAndListsDriftedColumnsFirstWithTheRuleThatFired()
      throws IOException {
    DriftReport r = report();
    String html = HtmlReport.render(r, AT);
    assertThat(r.verdict().outcome()).isEqualTo(Verdict.Outcome.DRIFT);
    assertThat(html).contains("<span class=\"drift\" id=\"headline\">DRIFT</span>");
    assertThat(html).contains("generated 2026-12-06T09:30:00Z");
    assertThat(html).contains("baseline: " + dir.resolve("base.csv"));
    String summary =
        html.substring(
            html.indexOf("id=\"summary\""),
            html.indexOf("</table>", html.indexOf("id=\"summary\"")));
    assertThat(summary.indexOf(">count<")).isLessThan(summary.indexOf(">amount<"));
    assertThat(summary).contains("population_stability_index");
    assertThat(html).contains("PSI band significant");
  }

  @Test
  void everyColumnShowsTheStatisticsOfBothSides() throws IOException {
    String html = HtmlReport.render(report(), AT);
    for (String stat :
        List.of("count", "missing", "distinct", "mean", "std", "min", "25%", "50%", "75%", "max")) {
      assertThat(html).contains("<th>" + stat + "</th>");
    }
    // count is 0..9 in the baseline, 30..39 in the current data
    assertThat(html)
        .containsPattern(
            "<td class=\"l\">baseline</td><td>2000</td><td>0</td><td>10</td><td>4\\.[0-9]+</td><td>[0-9.]+</td><td>0</td>");
    assertThat(html)
        .containsPattern(
            "<td class=\"l\">current</td><td>2000</td><td>0</td><td>10</td><td>34\\.[0-9]+</td><td>[0-9.]+</td><td>30</td>");
  }

  @Test
  void histogramsUseIntegerBinsLogBinsForLongTailsAndFullLabels() throws IOException {
    DriftReport r = report();
    ColumnDrift count = column(r, "count");
    ColumnDrift amount = column(r, "amount");
    assertThat(count.histogram().orElseThrow().axis()).isEqualTo(Histogram.Axis.INTEGER);
    assertThat(count.histogram().orElseThrow().labels()).contains("0", "5", "39");
    assertThat(amount.histogram().orElseThrow().axis()).isEqualTo(Histogram.Axis.LOG);
    String html = HtmlReport.render(r, AT);
    assertThat(html).contains("x: log scale (a long right tail)");
    assertThat(html).contains(">a rather long category label number 1</text>");
    assertThat(html).doesNotContain("\u2026</text>");
    // the two sides side by side, each outlined
    assertThat(html).contains("stroke=\"#2b4a6f\"").contains("stroke=\"#a65400\"");
  }

  @Test
  void pValuesBelowTheSmallestDoubleArePrintedAsABoundNotZero() throws IOException {
    DriftReport r = report();
    assertThat(column(r, "count").ksTest().orElseThrow().pvalue()).isZero();
    String html = HtmlReport.render(r, AT);
    assertThat(html).contains("&lt; 1e-300").doesNotContain("0.0e+00");
    assertThat(TextReport.render(r)).doesNotContain("0.0e+00");
  }

  @Test
  void dataQualityIsItsOwnSectionAndInTextAndJson() throws IOException {
    DriftReport r = report();
    String html = HtmlReport.render(r, AT);
    assertThat(html).contains("<h2 id=\"data-quality\">Data quality</h2>");
    assertThat(html).contains("40 of 2000 rows repeat an earlier row in every column");
    assertThat(html).contains("out_of_range");
    assertThat(TextReport.render(r)).contains("  duplicated_rows: 40 of 2000 rows repeat");
    var dq = JsonReport.toJson(r).get("data_quality");
    assertThat(dq.get(0).get("check").asText()).isEqualTo("duplicated_rows");
    assertThat(dq.get(0).get("count").asLong()).isEqualTo(40);
  }

  private static ColumnDrift column(DriftReport r, String name) {
    return r.columns().stream().filter(c -> c.columnName().equals(name)).findFirst().orElseThrow();
  }
}
