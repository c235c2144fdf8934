package io.andon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM stops a run whose alert task is stuck in an endless query, at once. */
class SlowAlertSignalTest {
  @TempDir Path tmp;

  @Test
  void theFirstSigtermCancelsARunWhoseAlertQueryNeverEnds() throws Exception {
    Files.writeString(
        tmp.resolve("alerts.yml"),
        """
        alerts:
          - name: endless
            query: WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) AS n FROM r
            timeout_seconds: 3600
            condition: {column: n, op: GREATER_THAN, threshold: 0}
        """);
    Files.writeString(
        tmp.resolve("job.yml"),
        """
        name: stuck
        tasks:
          - task_key: check
            alert_task: {alerts_file: alerts.yml}
          - task_key: quick
            shell_task: {command: 'echo v=3 > "$ANDON_TASK_VALUES"; touch quick.done'}
        """);
    String home = tmp.resolve("home").toString();
    Process p = AndonProcess.start(tmp, "andon", "run", "--home", home, "job.yml");
    for (int i = 0; i < 600 && !Files.exists(tmp.resolve("quick.done")); i++) {
      Thread.sleep(50);
    }
    Thread.sleep(1000); // the query is well under way
    long t0 = System.nanoTime();
    p.destroy(); // SIGTERM
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("andon ended after one SIGTERM").isTrue();
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertThat(seconds).as("seconds from SIGTERM to exit").isLessThan(10);
    assertThat(p.exitValue()).as(Files.readString(tmp.resolve("andon.err"))).isEqualTo(130);

    JsonNode run = Json.read(Cli.run("runs", "show", "--home", home, "--json", "1").out);
    assertThat(run.get("result_state").asText()).isEqualTo("CANCELED");
    assertThat(run.get("tasks").get(0).get("result_state").asText()).isEqualTo("CANCELED");
    assertThat(run.get("tasks").get(1).get("result_state").asText()).isEqualTo("SUCCESS");
    assertThat(run.get("tasks").get(1).get("values").get("v").asInt()).isEqualTo(3);
  }
}
