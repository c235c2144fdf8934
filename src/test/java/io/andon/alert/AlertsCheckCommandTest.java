package io.andon.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.cli.AndonCli;
import io.andon.store.Store;
import io.andon.util.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AlertsCheckCommandTest {
  @TempDir Path dir;
  Path home;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeEach
  void seed() {
    home = dir.resolve("home");
    try (Store store = Store.open(home)) {
      store.tx(
          c ->
              c.createStatement()
                  .executeUpdate(
                      "INSERT INTO runs (job_name, job_file,"
                          + " definition, parameters, state, result_state, start_time) VALUES ('nightly',"
                          + " 'n.yml', '', '{}', 'TERMINATED', 'FAILED', 1)"));
    }
  }

  private int andon(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine cl = AndonCli.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private Path alerts(String yaml) throws Exception {
    Path f = dir.resolve("alerts.yml");
    Files.writeString(f, yaml);
    return f;
  }

  @Test
  void exitCodesSayWhetherAnyAlertTriggeredOrErred() throws Exception {
    try (Receiver r = Receiver.accepting()) {
      Path f =
          alerts(
              "destinations:\n  ops: {type: webhook, url: \""
                  + r.url("/a")
                  + "\"}\n"
                  + """
          alerts:
            - name: failures
              query: SELECT COUNT(*) AS n FROM runs WHERE result_state = 'FAILED'
              condition: {column: n, op: GREATER_THAN, threshold: 0}
              notify: [{id: ops}]
            - name: broken
              query: SELECT x FROM nowhere
              condition: {column: x, op: GREATER_THAN, threshold: 0}
            - name: fine
              query: SELECT COUNT(*) AS n FROM runs
              condition: {column: n, op: GREATER_THAN, threshold: 10}
          """);
      assertThat(andon("alerts", "check", f.toString(), "--home", home.toString())).isEqualTo(1);
      assertThat(out.toString())
          .containsPattern("failures\\s+TRIGGERED\\s+UNKNOWN\\s+1\\s+n > 0")
          .containsPattern("broken\\s+ERROR")
          .contains("no such table: nowhere")
          .containsPattern("fine\\s+OK\\s+UNKNOWN\\s+1\\s+n > 10")
          .contains("1 notification: 1 delivered, 0 pending.");
      assertThat(r.requests()).hasSize(1);
      assertThat(Json.read(r.requests().get(0).body()).get("type").asText())
          .isEqualTo("alert.triggered");

      assertThat(
              andon(
                  "alerts", "check", f.toString(), "--alert", "broken", "--home", home.toString()))
          .isEqualTo(4);
      assertThat(
              andon("alerts", "check", f.toString(), "--alert", "fine", "--home", home.toString()))
          .isZero();

      assertThat(andon("alerts", "check", f.toString(), "--json", "--home", home.toString()))
          .isEqualTo(1);
      JsonNode json = Json.read(out.toString());
      assertThat(json.get("alerts")).hasSize(3);
      assertThat(json.get("notifications").toString())
          .isEqualTo("{\"written\":0,\"delivered\":0,\"pending\":0,\"failed\":0}");
      JsonNode first = json.get("alerts").get(0);
      assertThat(first.get("name").asText()).isEqualTo("failures");
      assertThat(first.get("state").asText()).isEqualTo("TRIGGERED");
      assertThat(first.get("previous_state").asText()).isEqualTo("TRIGGERED");
      assertThat(first.get("value").asText()).isEqualTo("1");
      assertThat(first.get("notifications")).isEmpty(); // still triggered: notified once
      assertThat(r.requests()).hasSize(1);
    }
  }

  @Test
  void invalidFilesAndUnknownAlertNamesExitTwo() throws Exception {
    Path f =
        alerts(
            """
        alerts:
          - name: failures
            query: SELECT 1 AS n
            condition: {column: n, op: GREATER_THAN, threshold: 0}
            notify: [{id: nowhere}]
        """);
    assertThat(andon("alerts", "check", f.toString(), "--home", home.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "alerts.yml:5:19: unknown destination id 'nowhere';"
                + " declare it under 'destinations:'.");
    Path g =
        alerts(
            """
        alerts:
          - name: failures
            query: SELECT 1 AS n
            condition: {column: n, op: GREATER_THAN, threshold: 0}
        """);
    assertThat(
            andon("alerts", "check", g.toString(), "--alert", "failure", "--home", home.toString()))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("no alert named 'failure'")
        .contains("Did you mean" + " 'failures'?");
    assertThat(
            andon(
                "alerts",
                "check",
                dir.resolve("missing.yml").toString(),
                "--home",
                home.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("missing.yml: no such file.");
  }
}
