package io.andon.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.andon.store.Store;
import io.andon.ui.results.AlertsFixture;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The alerts page in Chromium: real rules evaluated in the service's home, real deliveries. */
class AlertsPageTest {
  @TempDir Path tmp;

  @Test
  void rulesShowTheirHistoryAndAFailedNotificationIsRetriedFromThePage() throws Exception {
    String job = "name: s\ntasks:\n  - task_key: t\n    shell_task: {command: 'true'}\n";
    try (Site site = Site.serving(tmp, Map.of("s.yml", job));
        AlertsFixture alerts = new AlertsFixture();
        Browser b = new Browser()) {
      try (Store store = Store.open(tmp.resolve("home"))) {
        alerts.evaluate(tmp, store);
      }
      b.open(site.url("/alerts"), "alerts");
      WebElement rule = b.find("tr[data-rule=failed_runs]");
      assertThat(rule.getText()).contains("Triggered");
      assertThat(rule.findElements(By.cssSelector("ol.history .mark"))).hasSize(2);
      assertThat(rule.findElement(By.cssSelector("ol.history .mark")).getAttribute("aria-label"))
          .contains("Triggered");
      assertThat(b.find("tr[data-rule=slow_tasks]").getText()).contains("OK");
      WebElement failed = b.find("tr[data-destination=ops_hook]");
      assertThat(failed.getAttribute("data-state")).isEqualTo("FAILED");
      assertThat(failed.getText()).contains("503");
      assertThat(b.find("tr[data-destination=audit]").getText()).contains("Delivered");
      assertThat(b.find("tr[data-destination=audit]").findElements(By.cssSelector("form")))
          .isEmpty();
      assertThat(b.find("tr[data-destination=later_hook]").getText()).contains("next try");

      alerts.accept();
      failed.findElement(By.cssSelector("button[type=submit]")).click();
      WebElement token = b.await(5, d -> d.findElement(By.id("token-input")));
      token.sendKeys(Site.TOKEN);
      b.find("#token-form button[value=ok]").click();
      b.await(10, d -> d.getCurrentUrl().contains("retried="));
      b.checkConsole();
      b.screenshot("alerts-retried");
      WebElement delivered = b.find("tr[data-destination=ops_hook]");
      assertThat(delivered.getAttribute("data-state")).isEqualTo("DELIVERED");
      assertThat(delivered.findElements(By.cssSelector("ol.attempts-list li"))).hasSize(2);
      assertThat(b.find("p.notice").getText()).contains("was sent again");

      b.find("a[href='/alerts?state=FAILED']").click();
      assertThat(b.driver.getCurrentUrl()).endsWith("state=FAILED");
      assertThat(b.find("#outbox-h + p + p, #outbox-h ~ p.muted").getText())
          .contains("No notification");
      assertThat(site.get("/alerts?state=LOST").statusCode()).isEqualTo(400);
    }
  }
}
