package io.andon.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The Run page in Chromium: the live DAG, the critical path, the timeline, repair and cancel. */
class RunPageTest {
  static final String PIPELINE =
      """
      name: pipeline
      tasks:
        - task_key: ingest
          shell_task: {command: "sleep 2"}
        - task_key: train
          depends_on: [{task_key: ingest}]
          shell_task: {command: "sleep 2"}
        - task_key: check
          depends_on: [{task_key: ingest}]
          shell_task: {command: "true"}
        - task_key: publish
          depends_on: [{task_key: train}, {task_key: check}]
          shell_task: {command: "sleep 1"}
      """;
  static final String FLAKY =
      """
      name: flaky
      parameters:
        - {name: ok, default: "no"}
      tasks:
        - task_key: fetch
          shell_task: {command: "true"}
        - task_key: validate
          depends_on: [{task_key: fetch}]
          max_retries: 1
          shell_task: {command: "test {{job.parameters.ok}} = yes"}
        - task_key: gate
          depends_on: [{task_key: validate}]
          condition_task: {left: "{{job.parameters.ok}}", op: EQUAL_TO, right: "yes"}
        - task_key: ship
          depends_on: [{task_key: gate, outcome: "true"}]
          shell_task: {command: "true"}
        - task_key: fan
          depends_on: [{task_key: validate}]
          for_each_task:
            inputs: '["a","b","c"]'
            task:
              task_key: fan_one
              shell_task: {command: 'echo {{input}}'}
      """;
  static final String SLOW =
      """
      name: slow
      tasks:
        - task_key: wait
          shell_task: {command: "sleep 30"}
      """;

  @TempDir Path tmp;

  private static void signIn(Browser b, Site site, String next) {
    b.open(site.url("/ui/login?next=" + next), "login-" + next.replace('/', '-'));
    b.find("#token").sendKeys(Site.TOKEN);
    b.find("form.stack button[type=submit]").click();
    b.await(10, d -> d.getCurrentUrl().endsWith(next));
  }

  private static List<String> nodeStates(Browser b) {
    return b.all("#dag g.node").stream().map(n -> n.getDomAttribute("data-state")).toList();
  }

  @Test
  void runNowOpensTheRunPageWhoseDagTurnsGreenAsTheTasksEnd() throws Exception {
    try (Site site = Site.serving(tmp, Map.of("pipeline.yml", PIPELINE));
        Browser b = new Browser()) {
      b.open(site.url("/jobs"), "jobs-before-run");
      b.find("tr[data-job=pipeline] button.primary").click();
      b.await(5, d -> d.findElement(By.id("token-input"))).sendKeys(Site.TOKEN);
      b.find("#token-form button[value=ok]").click();
      b.await(10, d -> d.getCurrentUrl().matches(".*/runs/\\d+$"));
      b.await(10, d -> b.all("#dag g.node").size() == 4);
      b.checkConsole();
      b.await(5, d -> nodeStates(b).contains("Running"));
      b.screenshot("run-live");
      b.await(20, d -> nodeStates(b).stream().allMatch("Succeeded"::equals));
      b.await(5, d -> d.findElement(By.id("run-state")).getText().contains("Succeeded"));
      assertThat(b.find("#dag").getDomAttribute("data-live")).isEqualTo("ended");
      b.driver.navigate().refresh();
      b.checkConsole();
      b.screenshot("run");
      List<String> path = b.all("ol.critical li a").stream().map(WebElement::getText).toList();
      assertThat(path).containsExactly("ingest", "train", "publish");
      assertThat(b.find("ol.critical").getText()).contains("%");
      assertThat(b.all("#dag g.node.critical")).hasSize(3);
      assertThat(b.all(".gantt .g-row")).hasSize(4);
      assertThat(b.find("#dag g.node[data-task=train] a").getDomAttribute("href"))
          .isEqualTo("/runs/1/tasks/train");
      b.driver.navigate().back();
      b.await(5, d -> d.getCurrentUrl().endsWith("/jobs"));
      assertThat(b.find("tr[data-job=pipeline] a.mark").getDomAttribute("aria-label"))
          .startsWith("Run 1: Succeeded");
    }
  }

  @Test
  void aFailedRunIsRepairedFromTheRunPageWithNewParameters() throws Exception {
    try (Site site = Site.serving(tmp, Map.of("flaky.yml", FLAKY));
        Browser b = new Browser()) {
      long runId = site.runNow(1, "{}");
      assertThat(site.awaitEnd(runId).path("state").path("result_state").asText())
          .isEqualTo("FAILED");
      signIn(b, site, "/runs/" + runId);
      b.screenshot("run-failed");
      assertThat(b.find("#dag g.node[data-task=validate]").getDomAttribute("data-state"))
          .isEqualTo("Failed");
      assertThat(b.find("#dag").getText()).contains("true");
      assertThat(b.all(".gantt .g-row").stream().filter(r -> r.getText().startsWith("validate")))
          .singleElement()
          .satisfies(r -> assertThat(r.findElements(By.cssSelector(".g-bar"))).hasSize(2));
      WebElement validate = b.find("input[name='rerun.validate']");
      assertThat(validate.isSelected()).isTrue();
      assertThat(b.find("input[name='rerun.fetch']").isSelected()).isFalse();
      WebElement ok = b.find("input[name='param.ok']");
      ok.clear();
      ok.sendKeys("yes");
      b.find("#repair").click();
      JsonNode run = awaitRepair(site, runId);
      assertThat(run.path("state").path("result_state").asText()).isEqualTo("SUCCESS");
      b.driver.navigate().refresh();
      b.await(10, d -> nodeStates(b).stream().allMatch("Succeeded"::equals));
      assertThat(b.find("ol.history").getText()).contains("Repair 1: Succeeded");
      assertThat(b.find("#dag g.node[data-task=fan] title").getAttribute("textContent"))
          .contains("3 of 3 iterations succeeded");
      b.screenshot("run-repaired");
    }
  }

  private static JsonNode awaitRepair(Site site, long runId) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      JsonNode run = site.api("/api/2.2/jobs/runs/get?run_id=" + runId);
      if (run.path("repair_history").size() > 1
          && run.path("state").path("result_state").asText().equals("SUCCESS")) {
        return run;
      }
      Thread.sleep(100);
    }
    return site.api("/api/2.2/jobs/runs/get?run_id=" + runId);
  }

  @Test
  void cancelStopsARunningRunFromItsPage() throws Exception {
    try (Site site = Site.serving(tmp, Map.of("slow.yml", SLOW));
        Browser b = new Browser()) {
      long runId = site.runNow(1, "{}");
      signIn(b, site, "/runs/" + runId);
      b.await(10, d -> nodeStates(b).contains("Running"));
      b.find("#cancel").click();
      JsonNode run = site.awaitEnd(runId);
      assertThat(run.path("state").path("result_state").asText()).isEqualTo("CANCELED");
      b.await(10, d -> d.findElement(By.id("run-state")).getText().contains("Canceled"));
    }
  }
}
