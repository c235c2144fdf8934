package io.andon.ui;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web UI's benchmark (bench/ui/run.sh runs it with {@code -Dandon.bench.ui=true}; skipped
 * otherwise): the Job page of a 1,000-task job with 25 runs stored (server time, first contentful
 * paint, grid complete), the Run page of a 10,000-task run, and how soon a state change reaches an
 * open Run page. Prints one line per figure.
 */
class UiBench {
  @TempDir Path tmp;

  private static String layered(String name, int tasks, int width, String command) {
    StringBuilder sb = new StringBuilder("name: " + name + "\ntasks:\n");
    for (int i = 0; i < tasks; i++) {
      sb.append("  - task_key: t").append(i).append('\n');
      if (i >= width) {
        sb.append("    depends_on: [{task_key: t").append(i - width).append("}]\n");
      }
      sb.append("    shell_task: {command: \"").append(command).append("\"}\n");
    }
    return sb.toString();
  }

  /**
   * Stores {@code runs} finished runs of {@code tasks} tasks of job {@code name}, as the engine
   * would.
   */
  private static long store(Path home, String name, int runs, int tasks) throws Exception {
    long last = 0;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("andon.db"))) {
      c.setAutoCommit(false);
      long t0 = System.currentTimeMillis() - runs * 600_000L;
      for (int r = 0; r < runs; r++) {
        long start = t0 + r * 600_000L;
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO runs (job_name, job_file, definition, parameters, state, result_state,"
                    + " start_time, end_time) VALUES (?, 'bench.yml', '', '{}', 'TERMINATED', ?, ?, ?)",
                java.sql.Statement.RETURN_GENERATED_KEYS)) {
          ps.setString(1, name);
          ps.setString(2, r % 5 == 3 ? "FAILED" : "SUCCESS");
          ps.setLong(3, start);
          ps.setLong(4, start + 300_000);
          ps.executeUpdate();
          try (var keys = ps.getGeneratedKeys()) {
            keys.next();
            last = keys.getLong(1);
          }
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO task_runs (run_id, task_key, state, result_state, attempts, start_time,"
                    + " end_time) VALUES (?, ?, 'TERMINATED', ?, 1, ?, ?)")) {
          for (int i = 0; i < tasks; i++) {
            ps.setLong(1, last);
            ps.setString(2, "t" + i);
            ps.setString(3, r % 5 == 3 && i % 97 == 5 ? "FAILED" : "SUCCESS");
            ps.setLong(4, start + i * 200L);
            ps.setLong(5, start + i * 200L + 150 + (i * 7919L + r * 31L) % 900);
            ps.addBatch();
          }
          ps.executeBatch();
        }
      }
      c.commit();
    }
    return last;
  }

  private static double pct(long[] sorted, double p) {
    return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))] / 1e6;
  }

  @Test
  void figures() throws Exception {
    assumeTrue(Boolean.getBoolean("andon.bench.ui"), "run by bench/ui/run.sh");
    String live =
        "name: live\ntasks:\n  - task_key: a\n    shell_task: {command: \"sleep 2\"}\n"
            + "  - task_key: b\n    depends_on: [{task_key: a}]\n    shell_task: {command: \"sleep 2\"}\n";
    Path home = tmp.resolve("home");
    try (Site site =
        Site.serving(
            tmp,
            Map.of(
                "grid.yml", layered("grid", 1000, 100, "true"),
                "huge.yml", layered("huge", 10_000, 1000, "true"),
                "live.yml", live))) {
      store(home, "grid", 25, 1000);
      long hugeRun = store(home, "huge", 1, 10_000);
      long gridJob =
          site.api("/api/2.2/jobs/list?name=grid").path("jobs").get(0).path("job_id").asLong();
      List<Long> server = new ArrayList<>();
      int bytes = 0;
      for (int i = 0; i < 25; i++) {
        long t = System.nanoTime();
        HttpResponse<String> r = site.get("/jobs/" + gridJob);
        server.add(System.nanoTime() - t);
        bytes = r.body().length();
      }
      long[] s = server.stream().skip(5).mapToLong(Long::longValue).sorted().toArray();
      System.out.printf(
          "job page, 1,000 tasks x 25 runs: server time median %.1f ms, p95 %.1f ms, %d kB of HTML%n",
          pct(s, 0.5), pct(s, 0.95), bytes / 1024);
      try (Browser b = new Browser()) {
        List<Double> fcp = new ArrayList<>();
        List<Double> complete = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          b.driver.get(site.url("/jobs/" + gridJob));
          String fcpScript =
              "var p = performance.getEntriesByName('first-contentful-paint')[0];"
                  + " return p ? p.startTime : -1;";
          // the first paint may follow the load event that driver.get waits for
          b.await(10, d -> ((Number) b.driver.executeScript(fcpScript)).doubleValue() >= 0);
          Object paint = b.driver.executeScript(fcpScript);
          Object done =
              b.driver.executeScript(
                  "var n = performance.getEntriesByType('navigation')[0]; return n.domComplete;");
          if (i > 0) {
            fcp.add(((Number) paint).doubleValue());
            complete.add(((Number) done).doubleValue());
          }
        }
        b.checkConsole();
        System.out.printf(
            "job page in headless Chromium: first contentful paint median %.0f ms (max %.0f), grid complete (domComplete) median %.0f ms (max %.0f)%n",
            median(fcp), max(fcp), median(complete), max(complete));
        b.driver.get(site.url("/runs/" + hugeRun));
        Object hugeDone =
            b.driver.executeScript(
                "var n = performance.getEntriesByType('navigation')[0]; return n.domComplete;");
        long t = System.nanoTime();
        b.driver.executeScript("return document.querySelectorAll('table.layers tr').length;");
        double roundTrip = (System.nanoTime() - t) / 1e6;
        b.checkConsole();
        b.screenshot("run-10000");
        System.out.printf(
            "run page, 10,000 tasks (collapsed layers): complete in %.0f ms, a script round trip after load %.1f ms%n",
            ((Number) hugeDone).doubleValue(), roundTrip);

        List<Double> lags = new ArrayList<>();
        long liveJob =
            site.api("/api/2.2/jobs/list?name=live").path("jobs").get(0).path("job_id").asLong();
        for (int i = 0; i < 5; i++) {
          long run = site.runNow(liveJob, "{}");
          b.driver.get(site.url("/runs/" + run));
          // the page's stream is open once its first event has arrived; task b ends after that
          b.await(20, d -> b.find("#dag").getDomAttribute("data-updated") != null);
          b.await(
              20,
              d ->
                  "Succeeded"
                      .equals(b.find("#dag g.node[data-task=b]").getDomAttribute("data-state")));
          double seenAt =
              ((Number) b.driver.executeScript("return window.andonRun.seen.b;")).doubleValue();
          long end = -1;
          for (var task : site.api("/api/2.2/jobs/runs/get?run_id=" + run).path("tasks")) {
            if (task.path("task_key").asText().equals("b")) {
              end = task.path("end_time").asLong();
            }
          }
          lags.add(seenAt - end);
          site.awaitEnd(run);
        }
        System.out.printf(
            "state change to open run page: median %.0f ms, max %.0f ms over %d changes (a task's end in the store to the open page's update)%n",
            median(lags), max(lags), lags.size());
      }
    }
  }

  private static double median(List<Double> v) {
    double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return a[a.length / 2];
  }

  private static double max(List<Double> v) {
    return Arrays.stream(v.stream().mapToDouble(Double::doubleValue).toArray()).max().orElse(0);
  }
}
