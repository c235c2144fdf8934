package io.andon.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.andon.error.InvalidInputException;
import io.andon.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertEvaluatorTest {
  @TempDir Path dir;
  Store store;
  OutboxTest.MutableClock clock;
  AlertEvaluator evaluator;

  @BeforeEach
  void open() {
    store = Store.open(dir.resolve("home"));
    clock = new OutboxTest.MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
    evaluator = new AlertEvaluator(store, clock);
    store.tx(
        c -> {
          var s = c.createStatement();
          s.executeUpdate(
              "INSERT INTO runs (job_name, job_file, definition, parameters, state,"
                  + " result_state, start_time) VALUES ('nightly', 'n.yml', '', '{}', 'TERMINATED',"
                  + " 'FAILED', 1), ('nightly', 'n.yml', '', '{}', 'TERMINATED', 'SUCCESS', 2),"
                  + " ('nightly', 'n.yml', '', '{}', 'TERMINATED', 'FAILED', 3)");
          s.executeUpdate(
              "INSERT INTO task_runs (run_id, task_key, state, result_state, attempts)"
                  + " VALUES (1, 'train', 'TERMINATED', 'FAILED', 3), (2, 'train', 'TERMINATED',"
                  + " 'SUCCESS', 1), (3, 'train', 'TERMINATED', 'FAILED', 2)");
          s.executeUpdate(
              "CREATE TABLE test_drift (window_end INTEGER, column_name TEXT,"
                  + " js_distance REAL)");
          s.executeUpdate(
              "INSERT INTO test_drift VALUES (1, 'age', 0.50), (2, 'age', 0.04),"
                  + " (2, 'age', 0.07), (2, 'income', 0.9), (1, 'income', 0.01)");
          return null;
        });
  }

  @AfterEach
  void close() {
    store.close();
  }

  private AlertsFile alerts(String yaml) throws Exception {
    Path f = dir.resolve("alerts.yml");
    Files.writeString(f, yaml);
    return AlertsFile.read(f, Env.of(Map.of()));
  }

  private static final String AUDIT =
      """
      destinations:
        audit: {type: file, path: out/alerts.jsonl}
      """;

  private AlertEvaluator.Result one(AlertsFile f, String name) {
    return evaluator.evaluate(f, List.of(name)).get(0);
  }

  @Test
  void aQueryOverRunHistoryTriggersWhenItsConditionHolds() throws Exception {
    AlertsFile f =
        alerts(
            AUDIT
                + """
        alerts:
          - name: nightly_failures
            query: SELECT result_state = 'FAILED' AS failed FROM runs WHERE job_name = 'nightly'
            condition: {column: failed, aggregation: SUM, op: GREATER_THAN_OR_EQUAL, threshold: 2}
            notify: [{id: audit}]
          - name: retries
            query: SELECT attempts FROM task_runs WHERE task_key = 'train'
            condition: {column: attempts, aggregation: AVG, op: LESS_THAN, threshold: 2}
        """);
    List<AlertEvaluator.Result> r = evaluator.evaluate(f, List.of());
    assertThat(r)
        .extracting(x -> x.state())
        .containsExactly(AlertRule.State.TRIGGERED, AlertRule.State.OK);
    assertThat(r.get(0).value()).contains("2");
    assertThat(r.get(0).previous()).isEqualTo(AlertRule.State.UNKNOWN);
    assertThat(r.get(0).notifications()).hasSize(1);
    assertThat(r.get(1).value()).contains("2");
    assertThat(r.get(1).message())
        .isEqualTo("AVG(attempts) < 2 with value 2 over 3 rows:" + " condition not met");
  }

  @Test
  void aMetricSelectorReadsTheLatestWindowOfOneColumn() throws Exception {
    AlertsFile f =
        alerts(
            """
        alerts:
          - name: age_drift
            metric: {table: test_drift, column: js_distance, where: {column_name: age},
                     latest_by: window_end}
            condition: {aggregation: MAX, op: GREATER_THAN, threshold: 0.1}
          - name: income_drift
            metric: {table: test_drift, column: js_distance, where: {column_name: income},
                     latest_by: window_end}
            condition: {aggregation: MAX, op: GREATER_THAN, threshold: 0.1}
        """);
    List<AlertEvaluator.Result> r = evaluator.evaluate(f, List.of());
    assertThat(r.get(0).state()).isEqualTo(AlertRule.State.OK); // 0.50 is an older window
    assertThat(r.get(0).value()).contains("0.07");
    assertThat(r.get(1).state()).isEqualTo(AlertRule.State.TRIGGERED);
    assertThat(r.get(1).value()).contains("0.9");
  }

  @Test
  void rulesReadTheQualityGateResultsTables() throws Exception {
    store.tx(
        c -> {
          var s = c.createStatement();
          s.executeUpdate(
              "INSERT INTO gate_evaluations (evaluation_id, gate, passed, evaluated_at)"
                  + " VALUES (1, 'production', 1, 100), (2, 'production', 0, 200)");
          s.executeUpdate(
              "INSERT INTO gate_checks (evaluation_id, check_name, metric, comparator,"
                  + " threshold, value, status, severity, blocking, message, source) VALUES"
                  + " (1, 'accuracy', 'accuracy', 'GreaterOrEqual', '0.95', 0.97, 'PASSED', 'error', 1,"
                  + " '', 'eval.json'), (2, 'accuracy', 'accuracy', 'GreaterOrEqual', '0.95', 0.91,"
                  + " 'FAILED', 'error', 1, '', 'eval.json')");
          return null;
        });
    AlertsFile f =
        alerts(
            """
        alerts:
          - name: gate_stopped_the_line
            query: SELECT passed FROM gate_evaluations WHERE gate = 'production'
                   ORDER BY evaluated_at DESC LIMIT 1
            condition: {column: passed, op: EQUAL, threshold: 0}
          - name: accuracy_latest
            metric: {table: gate_checks, column: value, where: {check_name: accuracy},
                     latest_by: evaluation_id}
            condition: {aggregation: MIN, op: LESS_THAN, threshold: 0.95}
        """);
    List<AlertEvaluator.Result> r = evaluator.evaluate(f, List.of());
    assertThat(r)
        .extracting(AlertEvaluator.Result::state)
        .containsExactly(AlertRule.State.TRIGGERED, AlertRule.State.TRIGGERED);
    assertThat(r.get(1).value()).contains("0.91");
  }

  @Test
  void emptyResultsBadQueriesAndNullsFollowTheDocumentedStates() throws Exception {
    AlertsFile f =
        alerts(
            """
        alerts:
          - name: empty_ok
            query: SELECT 1 AS x FROM runs WHERE job_name = 'none'
            condition: {column: x, op: GREATER_THAN, threshold: 0}
          - name: empty_triggered
            query: SELECT 1 AS x FROM runs WHERE job_name = 'none'
            condition: {column: x, op: GREATER_THAN, threshold: 0}
            empty_result_state: TRIGGERED
          - name: missing_table
            query: SELECT value FROM profile_metrics_not_there
            condition: {column: value, op: GREATER_THAN, threshold: 0}
          - name: missing_column
            query: SELECT run_id FROM runs
            condition: {column: nope, op: GREATER_THAN, threshold: 0}
          - name: no_message
            query: SELECT message FROM runs WHERE run_id = 1
            condition: {column: message, op: IS_NULL}
          - name: text_under_numeric_op
            query: SELECT job_name FROM runs
            condition: {column: job_name, op: GREATER_THAN, threshold: 1}
          - name: text_equal
            query: SELECT result_state FROM runs ORDER BY run_id DESC
            condition: {column: result_state, op: EQUAL, threshold: FAILED}
        """);
    Map<String, AlertEvaluator.Result> r = new java.util.HashMap<>();
    evaluator.evaluate(f, List.of()).forEach(x -> r.put(x.rule().name(), x));
    assertThat(r.get("empty_ok").state()).isEqualTo(AlertRule.State.OK);
    assertThat(r.get("empty_triggered").state()).isEqualTo(AlertRule.State.TRIGGERED);
    assertThat(r.get("missing_table").state()).isEqualTo(AlertRule.State.ERROR);
    assertThat(r.get("missing_table").message())
        .contains("the query failed")
        .contains("no such table: profile_metrics_not_there");
    assertThat(r.get("missing_column").message())
        .isEqualTo(
            "the result has no column 'nope'"
                + " (columns: run_id); fix condition.column or the query.");
    assertThat(r.get("no_message").state()).isEqualTo(AlertRule.State.TRIGGERED);
    assertThat(r.get("text_under_numeric_op").state()).isEqualTo(AlertRule.State.ERROR);
    assertThat(r.get("text_equal").state()).isEqualTo(AlertRule.State.TRIGGERED);
  }

  @Test
  void alertQueriesCannotWriteToTheStore() throws Exception {
    AlertsFile f =
        alerts(
            """
        alerts:
          - name: sneaky
            query: WITH x AS (SELECT 1) DELETE FROM task_runs RETURNING attempts
            condition: {column: attempts, op: GREATER_THAN, threshold: 0}
        """);
    AlertEvaluator.Result r = evaluator.evaluate(f, List.of()).get(0);
    assertThat(r.state()).isEqualTo(AlertRule.State.ERROR);
    assertThat(r.message()).contains("readonly");
    int left =
        store.read(
            c -> {
              try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM task_runs")) {
                rs.next();
                return rs.getInt(1);
              }
            });
    assertThat(left).isEqualTo(3);
  }

  @Test
  void notificationsFollowTransitionsRetriggerAndNotifyOnOk() throws Exception {
    AlertsFile f =
        alerts(
            AUDIT
                + """
        alerts:
          - name: failures
            query: SELECT COUNT(*) AS n FROM runs WHERE result_state = 'FAILED'
            condition: {column: n, op: GREATER_THAN, threshold: 0}
            retrigger_seconds: 3600
            notify_on_ok: true
            notify: [{id: audit}]
          - name: once
            query: SELECT COUNT(*) AS n FROM runs WHERE result_state = 'FAILED'
            condition: {column: n, op: GREATER_THAN, threshold: 0}
            notify: [{id: audit}]
        """);
    Outbox outbox = new Outbox(store, new Senders(Env.of(Map.of()), clock), clock, clock::advance);

    assertThat(one(f, "failures").notifications()).hasSize(1);
    assertThat(one(f, "once").notifications()).hasSize(1);
    clock.advance(Duration.ofMinutes(30));
    assertThat(one(f, "failures").notifications()).isEmpty(); // still triggered, not re-armed
    assertThat(one(f, "once").notifications()).isEmpty();
    clock.advance(Duration.ofMinutes(31));
    assertThat(one(f, "failures").notifications()).hasSize(1); // 61 min since the last one
    assertThat(one(f, "once").notifications()).isEmpty(); // retrigger_seconds 0: never again

    store.tx(c -> c.createStatement().executeUpdate("UPDATE runs SET result_state = 'SUCCESS'"));
    clock.advance(Duration.ofMinutes(1));
    AlertEvaluator.Result ok = one(f, "failures");
    assertThat(ok.state()).isEqualTo(AlertRule.State.OK);
    assertThat(ok.previous()).isEqualTo(AlertRule.State.TRIGGERED);
    assertThat(ok.notifications()).hasSize(1);
    assertThat(one(f, "once").notifications()).isEmpty(); // notify_on_ok false

    assertThat(outbox.drain(Duration.ofMinutes(1)).delivered()).isEqualTo(4);
    List<String> events =
        Files.readAllLines(dir.resolve("out/alerts.jsonl")).stream()
            .map(l -> l.replaceAll(".*\"type\":\"([a-z.]+)\".*\"alert\":\"([a-z]+)\".*", "$1 $2"))
            .toList();
    assertThat(events)
        .containsExactly(
            "alert.triggered failures",
            "alert.triggered once",
            "alert.triggered failures",
            "alert.ok failures");
  }

  @Test
  void stateIsKeptInTheStoreAcrossEvaluators() throws Exception {
    AlertsFile f =
        alerts(
            AUDIT
                + """
        alerts:
          - name: failures
            query: SELECT COUNT(*) AS n FROM runs WHERE result_state = 'FAILED'
            condition: {column: n, op: GREATER_THAN, threshold: 0}
            notify: [{id: audit}]
        """);
    one(f, "failures");
    AlertEvaluator later = new AlertEvaluator(store, clock);
    AlertEvaluator.Result r = later.evaluate(f, List.of()).get(0);
    assertThat(r.previous()).isEqualTo(AlertRule.State.TRIGGERED);
    assertThat(r.notifications()).isEmpty();
    assertThat(
            new Outbox(store, new Senders(Env.of(Map.of()), clock), clock, clock::advance)
                .list(Optional.empty(), 10))
        .hasSize(1);
  }

  @Test
  void invalidAlertsFilesListEveryProblemWithFileLine() throws Exception {
    assertThatThrownBy(
            () ->
                alerts(
                    """
        destinations:
          audit: {type: file, path: a.jsonl}
        alerts:
          - name: a
            query: DELETE FROM runs
            condition: {column: x, op: GRATER_THAN, threshold: 1}
          - name: b
            metric: {table: "runs; drop", column: c}
          - name: c
            metric: {table: t, column: c}
            condition: {aggregation: MEAN, op: GREATER_THAN, threshold: 1}
          - name: d
            query: SELECT 1 AS x
            condition: {column: x, op: GREATER_THAN, threshold: high}
            empty_result_state: MAYBE
            retrigger_seconds: -5
            notify: [{id: adit}, audit]
          - name: d
            query: SELECT 1 AS x
            condition: {column: x, op: IS_NULL}
        """))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("alerts.yml has invalid alerts")
        .hasMessageContaining("alerts.yml:5:12: the query of alert 'a' must be a SELECT")
        .hasMessageContaining("alerts.yml:6:32: unknown op 'GRATER_THAN'; use one of")
        .hasMessageContaining("Did you mean 'GREATER_THAN'?")
        .hasMessageContaining(
            "alerts.yml:8:21: 'table' of the metric of alert 'b' must be a"
                + " table or column name")
        .hasMessageContaining("alerts.yml:11:30: unknown aggregation 'MEAN'")
        .hasMessageContaining("Did you mean 'AVG'?")
        .hasMessageContaining(
            "alerts.yml:14:57: the threshold of GREATER_THAN must be a number," + " not 'high'.")
        .hasMessageContaining(
            "alerts.yml:15:25: 'empty_result_state' must be OK, TRIGGERED or"
                + " ERROR, not 'MAYBE'.")
        .hasMessageContaining("alerts.yml:16:24: 'retrigger_seconds' must be 0")
        .hasMessageContaining(
            "alerts.yml:17:19: unknown destination id 'adit'; declared ids:"
                + " audit. Did you mean 'audit'?")
        .hasMessageContaining("alerts.yml:17:26: each entry of 'notify' is a mapping")
        .hasMessageContaining("alerts.yml:18:5: alert name 'd' is used twice (first at line 12)");
  }

  static Clock system() {
    return Clock.systemUTC();
  }
}
