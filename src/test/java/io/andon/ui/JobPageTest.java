package io.andon.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The Job page's runs x tasks grid in Chromium. */
class JobPageTest {
  @TempDir Path tmp;

  @Test
  void theGridHasAColumnPerRunARowPerTaskAndCellsLinkingToTheTaskRuns() throws Exception {
    try (Site site = Site.serving(tmp, Map.of("flaky.yml", RunPageTest.FLAKY));
        Browser b = new Browser()) {
      site.awaitEnd(site.runNow(1, "{}"));
      site.awaitEnd(site.runNow(1, "{\"ok\": \"yes\"}"));
      site.awaitEnd(site.runNow(1, "{\"ok\": \"yes\"}"));
      b.open(site.url("/jobs/1"), "job");
      List<String> tasks = b.all("#grid tbody th").stream().map(WebElement::getText).toList();
      assertThat(tasks).containsExactly("fetch", "validate", "gate", "ship", "fan");
      List<WebElement> heads = b.all("#grid thead a.mark");
      assertThat(heads).hasSize(3);
      assertThat(heads.get(0).getDomAttribute("aria-label")).startsWith("Run 1: Failed");
      assertThat(heads.get(2).getDomAttribute("href")).isEqualTo("/runs/3");
      WebElement failed = b.find("#grid a[href='/runs/1/tasks/validate']");
      assertThat(failed.getText()).isEqualTo("✗");
      assertThat(failed.getDomAttribute("title"))
          .startsWith("validate in run 1: Failed")
          .contains("2 attempts");
      WebElement ok = b.find("#grid a[href='/runs/3/tasks/validate']");
      assertThat(ok.getDomAttribute("title")).matches("validate in run 3: Succeeded, \\d+ ms");
      assertThat(b.all("#grid svg.spark polyline")).isNotEmpty();
      assertThat(b.find("#grid tbody tr svg.spark").getDomAttribute("aria-label"))
          .startsWith("durations of 3 runs");
      failed.sendKeys(Keys.ARROW_RIGHT);
      assertThat(b.driver.switchTo().activeElement().getDomAttribute("href"))
          .isEqualTo("/runs/2/tasks/validate");
      b.driver.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
      assertThat(b.driver.switchTo().activeElement().getDomAttribute("href"))
          .isEqualTo("/runs/2/tasks/gate");
      b.find("#grid thead a[href='/runs/3']").click();
      b.await(10, d -> d.getCurrentUrl().endsWith("/runs/3"));
      b.checkConsole();
      b.driver.navigate().back();
      b.await(10, d -> d.findElements(By.id("grid")).size() == 1);
    }
  }

  @Test
  void aJobThatIsNotServedIsANotFoundPage() throws Exception {
    try (Site site = Site.serving(tmp, Map.of("flaky.yml", RunPageTest.FLAKY))) {
      var r = site.get("/jobs/99");
      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(r.body()).contains("job 99 is not served");
      assertThat(site.get("/runs/42").body()).contains("run 42");
    }
  }
}
