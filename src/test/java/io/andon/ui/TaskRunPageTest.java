package io.andon.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.andon.ui.results.ResultsFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;

/** The task run page in Chromium, on a real service after real runs. */
class TaskRunPageTest {
  @TempDir Path tmp;

  private static List<String> texts(List<WebElement> es) {
    return es.stream().map(WebElement::getText).toList();
  }

  @Test
  void aTaskRunShowsItsAttemptsItsLogWithSearchAndItsValues() throws Exception {
    Path job = ResultsFixture.write(tmp);
    try (Site site = Site.serving(tmp, Map.of(ResultsFixture.JOB, Files.readString(job)));
        Browser b = new Browser()) {
      long run = site.runNow(1, "{}");
      site.awaitEnd(run);
      b.open(site.url("/runs/" + run + "/tasks/train"), "task-run");
      assertThat(b.all("table.attempts tbody tr")).hasSize(2);
      assertThat(b.find("tr[data-attempt='1']").getText())
          .contains("first")
          .contains("3")
          .contains("Failed");
      assertThat(b.find("tr[data-attempt='2']").getText())
          .contains("retry 1")
          .contains("Succeeded");
      assertThat(b.find("#log").getText())
          .contains("epoch 2 loss 0.31")
          .doesNotContain("out of memory");
      assertThat(b.find("#log-status").getText()).contains("ended");
      assertThat(b.find("dl.values").getText()).contains("accuracy").contains("0.93");
      b.find("tr[data-attempt='1'] a").click();
      assertThat(b.find("#log").getText()).contains("ERROR out of memory");
      b.find("#q").sendKeys("EPOCH");
      b.find("form.log-search button").click();
      b.checkConsole();
      assertThat(b.driver.getCurrentUrl()).contains("attempt=1").contains("q=EPOCH");
      assertThat(b.find("#search-summary").getText()).startsWith("1 lines");
      assertThat(texts(b.all("ol.matches li"))).containsExactly("epoch 1 loss 0.52");
      b.screenshot("task-run-search");
      b.driver.navigate().back();
      assertThat(b.driver.getCurrentUrl()).doesNotContain("q=");
    }
  }

  @Test
  void gateTdgAndMonitorTasksShowWhatTheyFound() throws Exception {
    Path job = ResultsFixture.write(tmp);
    try (Site site = Site.serving(tmp, Map.of(ResultsFixture.JOB, Files.readString(job)));
        Browser b = new Browser()) {
      long run = site.runNow(1, "{}");
      site.awaitEnd(run);
      b.open(site.url("/runs/" + run + "/tasks/gate"), "task-run-gate");
      assertThat(b.find("p.verdict").getText())
          .contains("production")
          .contains("failed")
          .contains("1 passed, 1 failed, 0 warnings, 1 not measured");
      assertThat(b.find("tr[data-check=latency]").getText())
          .contains("train.latency_ms")
          .contains("140")
          .contains("<= 100")
          .contains("✗ failed");
      assertThat(b.find("tr[data-check=recall] .status").getText()).contains("not measured");
      b.open(site.url("/runs/" + run + "/tasks/grade"), "task-run-tdg");
      assertThat(b.find(".grade-letter").getText()).isEqualTo("C");
      assertThat(b.find("table.components").getText())
          .contains("complexity")
          .contains("NOT_MEASURED");
      assertThat(b.all("table.worst-files tbody tr")).isNotEmpty();
      b.open(site.url("/runs/" + run + "/tasks/drift"), "task-run-drift");
      assertThat(b.find("p.verdict").getText()).contains("DRIFT");
      assertThat(b.find("tr[data-column=x]").getText()).contains("✗ drift");
      b.open(site.url("/runs/" + run + "/tasks/monitor"), "task-run-monitor");
      assertThat(b.all("table.drift tr.drifted")).isNotEmpty();
      assertThat(b.find("p.verdict a").getAttribute("href")).endsWith("/monitors/scoring");
    }
  }

  @Test
  void theLogOfARunningTaskGrowsOnThePageUntilTheAttemptEnds() throws Exception {
    String job =
        """
        name: slow
        tasks:
          - task_key: count
            shell_task:
              command: 'echo start; sleep 6; for i in 1 2 3; do echo "line $i"; sleep 0.5; done'
        """;
    try (Site site = Site.serving(tmp, Map.of("slow.yml", job));
        Browser b = new Browser()) {
      long run = site.runNow(1, "{}");
      b.await(
          20,
          d -> {
            try {
              return site.api("/api/2.2/jobs/runs/get?run_id=" + run)
                  .path("tasks")
                  .path(0)
                  .path("state")
                  .path("life_cycle_state")
                  .asText()
                  .equals("RUNNING");
            } catch (Exception e) {
              return false;
            }
          });
      b.open(site.url("/runs/" + run + "/tasks/count"), "task-run-live");
      assertThat(b.find("#log").getAttribute("data-live")).isEqualTo("true");
      assertThat(b.find("#log").getText()).doesNotContain("line 3");
      b.await(20, d -> b.find("#log").getText().contains("line 3"));
      b.await(20, d -> b.find("#log-status").getText().contains("ended"));
      assertThat(b.find("#log").getText()).startsWith("start").contains("line 1\nline 2\nline 3");
      b.screenshot("task-run-live-ended");
    }
  }

  @Test
  void anUnknownTaskIsAPageThatSaysSo() throws Exception {
    try (Site site =
        Site.serving(
            tmp,
            Map.of(
                "slow.yml",
                "name: s\ntasks:\n  - task_key: t\n    shell_task: {command: 'true'}\n"))) {
      site.awaitEnd(site.runNow(1, "{}"));
      var r = site.get("/runs/1/tasks/nope");
      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(r.body()).contains("run 1 has no task");
      assertThat(site.get("/runs/1/tasks/t?attempt=9").statusCode()).isEqualTo(400);
      assertThat(site.get("/runs/1/tasks/t/log?offset=0").body()).contains("\"done\":true");
    }
  }
}
