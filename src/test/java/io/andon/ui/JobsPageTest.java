package io.andon.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The Jobs page in Chromium, on a real service with real runs. */
class JobsPageTest {
  static final String NIGHTLY =
      """
      name: nightly
      schedule: {quartz_cron_expression: "0 0 6 * * ?", timezone_id: UTC}
      tasks:
        - task_key: t
          shell_task: {command: "true"}
      """;
  static final String TRAIN =
      """
      name: train
      parameters:
        - {name: threshold, default: "0.9"}
      tasks:
        - task_key: fit
          shell_task: {command: "test {{job.parameters.threshold}} != 0.5"}
      """;

  @TempDir Path tmp;

  @Test
  void jobsPageShowsTheScheduleInWordsTheNextFireAndTheLastRunsAsMarks() throws Exception {
    try (Site site = Site.serving(tmp, Map.of("nightly.yml", NIGHTLY, "train.yml", TRAIN));
        Browser b = new Browser()) {
      site.awaitEnd(site.runNow(2, "{\"threshold\": \"0.5\"}"));
      site.awaitEnd(site.runNow(2, "{}"));
      b.open(site.url("/"), "jobs");
      assertThat(b.driver.getCurrentUrl()).endsWith("/jobs");
      WebElement nightly = b.find("tr[data-job=nightly]");
      assertThat(nightly.getText()).contains("every day at 06:00").contains("UTC");
      assertThat(nightly.findElement(By.cssSelector(".next-fire")).getText())
          .matches("\\d{4}-\\d\\d-\\d\\d 06:00:00 UTC");
      assertThat(nightly.getText()).contains("no runs yet");
      WebElement train = b.find("tr[data-job=train]");
      assertThat(train.getText()).contains("on demand only");
      var marks = train.findElements(By.cssSelector("ol.marks a.mark"));
      assertThat(marks).hasSize(2);
      assertThat(marks.get(0).getAttribute("aria-label")).startsWith("Run 1: Failed");
      assertThat(marks.get(0).getText()).isEqualTo("✗");
      assertThat(marks.get(1).getAttribute("aria-label")).startsWith("Run 2: Succeeded");
      assertThat(marks.get(1).getAttribute("href")).endsWith("/runs/2");
      assertThat(b.find("nav a[aria-current=page]").getText()).isEqualTo("Jobs");
    }
  }

  @Test
  void runNowAsksForTheTokenOnceAndStartsTheRunWithTheFormsParameters() throws Exception {
    try (Site site = Site.serving(tmp, Map.of("train.yml", TRAIN));
        Browser b = new Browser()) {
      b.open(site.url("/jobs"), "jobs-run-now");
      b.find("tr[data-job=train] details.run-now summary").click();
      WebElement threshold = b.find("input[name='param.threshold']");
      assertThat(threshold.getAttribute("value")).isEqualTo("0.9");
      threshold.clear();
      threshold.sendKeys("0.7");
      b.find("tr[data-job=train] details.run-now button[type=submit]").click();
      WebElement token = b.await(5, d -> d.findElement(By.id("token-input")));
      b.screenshot("token-dialog");
      token.sendKeys("not the token");
      b.find("#token-form button[value=ok]").click();
      b.await(5, d -> d.findElement(By.id("token-problem")).isDisplayed());
      token.clear();
      token.sendKeys(Site.TOKEN);
      b.find("#token-form button[value=ok]").click();
      b.await(10, d -> d.getCurrentUrl().endsWith("/runs/1"));
      b.driver.navigate().back();
      b.await(10, d -> d.getCurrentUrl().endsWith("/jobs"));
      JsonNode runs = site.api("/api/2.2/jobs/runs/list?job_id=1");
      long runId = runs.path("runs").get(0).path("run_id").asLong();
      JsonNode run = site.awaitEnd(runId);
      assertThat(run.path("job_parameters").toString()).contains("\"value\":\"0.7\"");
      assertThat(b.find("body").getAttribute("data-signed-in")).isEqualTo("true");
      // signed in for the session: the second run starts without asking again
      b.open(site.url("/jobs"), "jobs-signed-in");
      b.find("tr[data-job=train] details.run-now summary").click();
      b.find("tr[data-job=train] details.run-now button[type=submit]").click();
      b.await(10, d -> d.getCurrentUrl().endsWith("/runs/2"));
      assertThat(site.awaitEnd(2).path("state").path("result_state").asText()).isEqualTo("SUCCESS");
    }
  }

  @Test
  void pauseAndResumeAScheduleFromTheJobsPage() throws Exception {
    try (Site site = Site.serving(tmp, Map.of("nightly.yml", NIGHTLY));
        Browser b = new Browser()) {
      b.open(site.url("/ui/login?next=/jobs"), "login");
      b.find("#token").sendKeys(Site.TOKEN);
      b.find("form.stack button[type=submit]").click();
      b.await(5, d -> d.getCurrentUrl().endsWith("/jobs"));
      b.find("tr[data-job=nightly] form.mutation button").click();
      b.await(
          5,
          d -> d.findElement(By.cssSelector("tr[data-job=nightly]")).getText().contains("Paused"));
      b.screenshot("jobs-paused");
      assertThat(b.find("tr[data-job=nightly] .next-fire").getText()).isEqualTo("—");
      assertThat(site.api("/api/2.2/jobs/get?job_id=1").path("andon_pause_status").asText())
          .isEqualTo("PAUSED");
      b.find("tr[data-job=nightly] form.mutation button").click();
      b.await(
          5,
          d -> !d.findElement(By.cssSelector("tr[data-job=nightly]")).getText().contains("Paused"));
      assertThat(site.api("/api/2.2/jobs/get?job_id=1").path("andon_pause_status").asText())
          .isEqualTo("UNPAUSED");
    }
  }
}
