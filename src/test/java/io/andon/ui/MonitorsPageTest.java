package io.andon.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.andon.ui.results.ResultsFixture;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.Select;

/** The monitors pages in Chromium, after a real monitor task ran on a real service. */
class MonitorsPageTest {
  @TempDir Path tmp;

  @Test
  void aMonitorsChartsShowItsWindowsWithThresholdLinesAndASliceCanBeChosen() throws Exception {
    ResultsFixture.write(tmp);
    String job =
        """
        name: nightly_monitor
        tasks:
          - task_key: monitor
            monitor_task: {monitor_file: scoring.yaml, fail_on_drift: false}
        """;
    try (Site site = Site.serving(tmp, Map.of("monitor.yml", job));
        Browser b = new Browser()) {
      site.awaitEnd(site.runNow(1, "{}"));
      b.open(site.url("/monitors"), "monitors");
      assertThat(b.find("tr[data-monitor=scoring]").getText()).contains("✗ drift");
      b.find("tr[data-monitor=scoring] a").click();
      b.await(10, d -> b.all("canvas[data-drawn=true]").size() >= 6);
      b.checkConsole();
      b.screenshot("monitor");
      assertThat(b.find("figure[data-metric=population_stability_index] figcaption").getText())
          .contains("threshold 0.2");
      assertThat(b.find("p.muted").getText()).contains("scoring.yaml");
      assertThat(b.all("figure[data-metric=histogram] canvas[data-drawn=true]")).hasSize(1);
      assertThat(b.all("figure[data-metric=accuracy_score]")).hasSize(1);
      assertThat(new Select(b.find("#column")).getFirstSelectedOption().getText())
          .isIn("x", "country");
      new Select(b.find("#column")).selectByVisibleText("x");
      new Select(b.find("#slice")).selectByVisibleText("country=FR");
      new Select(b.find("#model")).selectByVisibleText("v2");
      b.find("form.choose button").click();
      b.await(10, d -> b.all("canvas[data-drawn=true]").size() >= 6);
      b.checkConsole();
      b.screenshot("monitor-slice");
      assertThat(b.driver.getCurrentUrl()).contains("slice=country%3DFR").contains("model=v2");
      assertThat(new Select(b.find("#slice")).getFirstSelectedOption().getText())
          .isEqualTo("country=FR");
      assertThat(b.find("#column-h").getText()).isEqualTo("Column x");
      b.driver.navigate().back();
      assertThat(b.driver.getCurrentUrl()).doesNotContain("slice=");
      assertThat(site.get("/monitors/nope").statusCode()).isEqualTo(404);
    }
  }
}
