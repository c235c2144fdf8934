package io.andon.gate;

import static io.andon.engine.JobHarness.result;
import static io.andon.engine.JobHarness.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.andon.engine.JobHarness;
import io.andon.error.InvalidInputException;
import io.andon.store.RunRecord;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gate_task inside real jobs: real shell tasks, the real executor, the real SQLite store. */
class GateTaskTest {
  @TempDir Path tmp;
  JobHarness h;

  @BeforeEach
  void setUp() {
    h = new JobHarness(tmp);
    h.write(
        "gates.yml",
        """
        gates:
          - name: production
            checks:
              - metric: train.accuracy
                comparator: ">="
                threshold: 0.9
              - name: latency
                metric: eval.latency_p99_ms
                comparator: "<="
                threshold: 100
              - name: no_regression
                metric: train.accuracy
                max_drop: 0.02
                allow_missing: true
          - name: from_files
            checks:
              - {metric: tdg.score, comparator: ">=", threshold: 80}
              - {metric: "out/eval.json:$.model.f1", comparator: ">=", threshold: 0.8}
        """);
  }

  @AfterEach
  void tearDown() {
    h.close();
  }

  static String job(double accuracy, double latency) {
    return """
        name: pipeline
        tasks:
          - task_key: train
            shell_task: {command: 'echo accuracy=%s > "$ANDON_TASK_VALUES"'}
          - task_key: eval
            shell_task: {command: 'echo "{\\"latency_p99_ms\\": %s}" > "$ANDON_TASK_VALUES"'}
          - task_key: gate
            depends_on: [{task_key: train}, {task_key: eval}]
            gate_task:
              gates_file: gates.yml
              gate: production
          - task_key: deploy
            depends_on: [{task_key: gate}]
            shell_task: {command: 'echo "deployed {{tasks.gate.values.train_accuracy_status}}" > deployed.txt'}
        """
        .formatted(accuracy, latency);
  }

  @Test
  void passingGateLetsTheDeployTaskRunAndPublishesValuesAndVerdicts() throws Exception {
    RunRecord r = h.run(job(0.93, 80));
    assertThat(r.resultState()).contains("SUCCESS");
    assertThat(result(r, "gate")).isEqualTo("SUCCESS");
    var values = task(r, "gate").values();
    assertThat(values.get("train_accuracy").asDouble()).isEqualTo(0.93);
    assertThat(values.get("train_accuracy_status").asText()).isEqualTo("PASSED");
    assertThat(values.get("latency").asDouble()).isEqualTo(80);
    assertThat(values.get("no_regression_status").asText()).isEqualTo("NOT_MEASURED");
    assertThat(values.get("passed").asBoolean()).isTrue();
    assertThat(java.nio.file.Files.readString(tmp.resolve("deployed.txt")).strip())
        .isEqualTo("deployed PASSED");
  }

  @Test
  void failingGateFailsTheTaskAndStopsTheLine() {
    RunRecord r = h.run(job(0.93, 130));
    assertThat(result(r, "gate")).isEqualTo("FAILED");
    assertThat(task(r, "gate").message())
        .hasValueSatisfying(
            m ->
                assertThat(m)
                    .isEqualTo(
                        "gate production FAILED: 1 passed, 1 failed, 1 not measured of 3 checks; 1 blocks the"
                            + " gate"));
    assertThat(result(r, "deploy")).isEqualTo("UPSTREAM_FAILED");
    assertThat(r.resultState()).contains("FAILED");
    assertThat(statuses(r.runId()))
        .containsExactly("latency FAILED", "no_regression NOT_MEASURED", "train.accuracy PASSED");
  }

  private List<String> statuses(long runId) {
    return h.store.read(
        c -> {
          List<String> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT k.check_name, k.status FROM"
                      + " gate_evaluations e JOIN gate_checks k USING (evaluation_id) WHERE e.run_id = ?"
                      + " ORDER BY k.check_name")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2));
              }
            }
          }
          return out;
        });
  }

  @Test
  void regressionComparesWithTheLastSuccessfulRunOfTheSameJob() {
    assertThat(h.run(job(0.95, 80)).resultState()).contains("SUCCESS");
    RunRecord worse = h.run(job(0.92, 80));
    assertThat(result(worse, "gate")).isEqualTo("FAILED");
    assertThat(statuses(worse.runId())).contains("no_regression FAILED");
    RunRecord ok = h.run(job(0.935, 80));
    assertThat(result(ok, "gate")).isEqualTo("SUCCESS");
    assertThat(task(ok, "gate").values().get("no_regression").asDouble()).isEqualTo(0.935);
    assertThat(statuses(ok.runId())).contains("no_regression PASSED");
  }

  @Test
  void gateResultsAreStoredWithTheRunAndTask() {
    RunRecord r = h.run(job(0.93, 80));
    List<String> rows =
        h.store.read(
            c -> {
              List<String> out = new ArrayList<>();
              try (PreparedStatement ps =
                      c.prepareStatement(
                          "SELECT e.run_id, e.task_key, e.gate,"
                              + " e.passed, k.check_name, k.status FROM gate_evaluations e JOIN gate_checks k USING"
                              + " (evaluation_id) ORDER BY k.check_name");
                  ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  out.add(
                      rs.getLong(1)
                          + " "
                          + rs.getString(2)
                          + " "
                          + rs.getString(3)
                          + " "
                          + rs.getInt(4)
                          + " "
                          + rs.getString(5)
                          + " "
                          + rs.getString(6));
                }
              }
              return out;
            });
    long id = r.runId();
    assertThat(rows)
        .containsExactly(
            id + " gate production 1 latency PASSED",
            id + " gate production 1 no_regression NOT_MEASURED",
            id + " gate production 1 train.accuracy PASSED");
  }

  @Test
  void metricsFilesAreReadRelativeToTheJobFile() {
    h.write("tdg-report.json", "{\"score\": 91}");
    RunRecord r =
        h.run(
            """
        name: files
        tasks:
          - task_key: eval
            shell_task: {command: 'mkdir -p out && echo "{\\"model\\": {\\"f1\\": 0.85}}" > out/eval.json'}
          - task_key: gate
            depends_on: [{task_key: eval}]
            gate_task:
              gates_file: gates.yml
              gate: "{{job.parameters.gate}}"
              metrics: ["tdg=tdg-report.json"]
        parameters:
          - {name: gate, default: from_files}
        """);
    assertThat(result(r, "gate")).isEqualTo("SUCCESS");
    assertThat(task(r, "gate").values().get("tdg_score").asDouble()).isEqualTo(91);
  }

  @Test
  void badGatesFileIsReportedWhenTheJobLoadsWithItsOwnPosition() {
    Path bad =
        h.write(
            "bad-gates.yml",
            """
        gates:
          - name: g
            checks:
              - {metric: a, comparator: "=>", threshold: 1}
        """);
    assertThatThrownBy(
            () ->
                h.load(
                    """
        name: j
        tasks:
          - task_key: gate
            gate_task: {gates_file: bad-gates.yml}
        """))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(bad + ":4:33: unknown comparator '=>'");
  }

  @Test
  void unknownGateAndMissingFileAndUnknownKeysAreLoadErrors() {
    assertThatThrownBy(
            () ->
                h.load(
                    """
        name: j
        tasks:
          - task_key: gate
            gate_task: {gates_file: gates.yml, gate: prodution}
        """))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no gate named 'prodution'")
        .hasMessageContaining("Did you mean 'production'?");
    assertThatThrownBy(
            () ->
                h.load(
                    """
        name: j
        tasks:
          - task_key: gate
            gate_task: {gates_file: nope.yml}
        """))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(":4:29: gates_file")
        .hasMessageContaining("does not exist");
    assertThatThrownBy(
            () ->
                h.load(
                    """
        name: j
        tasks:
          - task_key: gate
            gate_task: {gates_file: gates.yml, gate: production, metric: [a.json]}
        """))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unknown key 'metric' in gate_task. Did you mean 'metrics'?");
  }
}
