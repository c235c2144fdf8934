package io.andon.examples.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.andon.job.PayloadType;
import io.andon.util.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the whole example job, as a user would, with a real andon process from a clean home: first
 * as it is (the gate passes, the model is deployed, drift is stored and alerted), then with half
 * the training labels flipped (the gate stops the line) and a webhook configured.
 */
class FraudDetectionJobTest {
  static final Path EXAMPLE = Path.of(".");
  static final Path CODE = Path.of("src/main/java/io/andon/examples/fraud");

  @TempDir Path tmp;

  record Result(int exit, String out) {}

  private Result andon(Path home, Path job, Map<String, String> env, String... params)
      throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "io.andon.cli.AndonCli",
                "run",
                "--home",
                home.toString(),
                "--max-parallel",
                "2",
                job.toString()));
    for (String p : params) {
      cmd.add("--param");
      cmd.add(p);
    }
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("ANDON_CLASSPATH", System.getProperty("java.class.path"));
    pb.environment().remove("FRAUD_WEBHOOK_URL");
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(240, TimeUnit.SECONDS)).as(out).isTrue();
    return new Result(p.exitValue(), out);
  }

  private static Set<String> payloadTypes() {
    Set<String> keys = new TreeSet<>();
    ServiceLoader.load(PayloadType.class).forEach(t -> keys.add(t.key()));
    return keys;
  }

  private static List<Map<String, Object>> query(Path home, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("andon.db"));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<Map<String, Object>> rows = new ArrayList<>();
      while (rs.next()) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  private Path copyExample() throws IOException {
    Path ex = tmp.resolve("fraud-detection");
    Files.createDirectories(ex);
    try (Stream<Path> files = Files.list(EXAMPLE)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, ex.resolve(f.getFileName()));
      }
    }
    ex.resolve("fraud.sh").toFile().setExecutable(true);
    return ex;
  }

  @Test
  void theJobTrainsGatesDeploysAndMonitorsThenStopsTheLineOnDegradedLabels() throws Exception {
    assertThat(payloadTypes()).contains("gate_task", "tdg_task", "monitor_task", "alert_task");
    Path ex = copyExample();
    Path home = tmp.resolve("home");
    Path job = ex.resolve("job.yml");
    String code = "code=" + CODE.toAbsolutePath();

    Result first = andon(home, job, Map.of(), "rows=5000", code);
    assertThat(first.exit()).as(first.out()).isZero();
    assertThat(first.out()).contains("run 1  job fraud-detection  SUCCESS");

    // the stored run
    assertThat(query(home, "SELECT result_state FROM runs WHERE run_id = 1"))
        .extracting(r -> r.get("result_state"))
        .containsExactly("SUCCESS");
    List<Map<String, Object>> tasks =
        query(
            home,
            "SELECT task_key, result_state, task_values"
                + " FROM task_runs WHERE run_id = 1 ORDER BY task_key");
    assertThat(tasks)
        .extracting(r -> r.get("task_key"))
        .containsExactly(
            "alerts",
            "deploy",
            "drift_report",
            "features",
            "gate",
            "ingest",
            "monitor",
            "summary",
            "tdg",
            "train",
            "validate",
            "webhook");
    assertThat(tasks).extracting(r -> r.get("result_state")).containsOnly("SUCCESS");
    JsonNode validate = Json.read(tasks.get(10).get("task_values").toString());
    assertThat(validate.get("accuracy").asDouble()).isGreaterThanOrEqualTo(0.95);
    assertThat(validate.get("roc_auc").asDouble()).isGreaterThan(0.9);
    assertThat(validate.get("rows").asInt()).isEqualTo(1000);

    // the gate result
    List<Map<String, Object>> checks =
        query(
            home,
            "SELECT k.check_name, k.status, k.value FROM"
                + " gate_evaluations e JOIN gate_checks k USING (evaluation_id) WHERE e.run_id = 1"
                + " ORDER BY k.check_name");
    assertThat(checks)
        .extracting(r -> r.get("check_name"))
        .containsExactly("accuracy", "code_grade", "error_rate", "latency_p99_ms", "roc_auc");
    assertThat(checks).extracting(r -> r.get("status")).containsOnly("PASSED");
    assertThat(((Number) checks.get(0).get("value")).doubleValue())
        .isEqualTo(validate.get("accuracy").asDouble());

    // the registry: one version with metrics and lineage
    Path v1 = ex.resolve("work/registry/fraud-detector/v1");
    JsonNode meta = Json.mapper().readTree(v1.resolve("version.json").toFile());
    assertThat(meta.get("version").asInt()).isEqualTo(1);
    assertThat(meta.at("/lineage/run_id").asLong()).isEqualTo(1);
    assertThat(meta.at("/lineage/parameters/rows").asText()).isEqualTo("5000");
    assertThat(meta.at("/lineage/data/training_csv").asText())
        .isEqualTo(Hashes.sha256(ex.resolve("work/data/transactions.csv")));
    assertThat(meta.at("/metrics/accuracy").asDouble())
        .isEqualTo(validate.get("accuracy").asDouble());
    assertThat(meta.at("/files/model.tribuo").asText())
        .isEqualTo(Hashes.sha256(v1.resolve("model.tribuo")));
    assertThat(FraudModel.load(v1.resolve("model.tribuo")).featureNames()).hasSize(23);

    // the drift metrics: the documented shift drifts, the untouched columns do not
    Map<String, Object> drifted = new HashMap<>();
    for (Map<String, Object> r :
        query(
            home,
            "SELECT column_name, drift_detected FROM"
                + " drift_metrics WHERE monitor_name = 'fraud-production'"
                + " AND column_name <> ':table'")) {
      drifted.put(r.get("column_name").toString(), r.get("drift_detected"));
    }
    assertThat(drifted)
        .hasSize(9)
        .containsEntry("amount", 1)
        .containsEntry("channel", 1)
        .containsEntry("card_age_days", 1)
        .containsEntry("hour", 0)
        .containsEntry("customer_age", 0)
        .containsEntry("country", 0);
    // the alert fired through the file destination, and the HTML report is there
    String notes = Files.readString(ex.resolve("work/notifications.jsonl"));
    assertThat(notes).contains("\"alert.triggered\"").contains("production_drift");
    assertThat(Files.readString(ex.resolve("work/reports/drift.html")))
        .contains("<html")
        .contains("card_age_days");
    assertThat(Files.readString(ex.resolve("work/reports/summary.txt")))
        .contains("gate     production PASSED: 5 of 5 checks passed")
        .contains("registered fraud-detector version 1");

    // degrade: the gate stops the line, with a webhook configured for the drift alert
    List<String> hooks = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/hook",
        x -> {
          hooks.add(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          x.sendResponseHeaders(204, -1);
          x.close();
        });
    server.start();
    Result second;
    try {
      second =
          andon(
              home,
              job,
              Map.of(
                  "FRAUD_WEBHOOK_URL",
                  "http://127.0.0.1:" + server.getAddress().getPort() + "/hook"),
              "rows=5000",
              code,
              "degrade=0.5");
    } finally {
      server.stop(0);
    }
    assertThat(second.exit()).as(second.out()).isEqualTo(1);
    assertThat(second.out()).contains("run 2  job fraud-detection  FAILED");
    Map<String, Object> tasks2 = new HashMap<>();
    for (Map<String, Object> r :
        query(
            home, "SELECT task_key, result_state, message FROM" + " task_runs WHERE run_id = 2")) {
      tasks2.put(r.get("task_key").toString(), r.get("result_state"));
      if (r.get("task_key").equals("summary")) {
        assertThat(r.get("message").toString())
            .contains("the line stopped: gate accuracy")
            .contains("is not >= 0.95")
            .contains("no model was deployed");
      }
    }
    assertThat(tasks2)
        .containsEntry("gate", "FAILED")
        .containsEntry("deploy", "UPSTREAM_FAILED")
        .containsEntry("summary", "FAILED")
        .containsEntry("webhook", "SUCCESS");
    assertThat(
            query(home, "SELECT message FROM runs WHERE run_id = 2")
                .get(0)
                .get("message")
                .toString())
        .contains("gate FAILED");
    assertThat(
            query(
                home,
                "SELECT k.status FROM gate_evaluations e JOIN gate_checks k USING"
                    + " (evaluation_id) WHERE e.run_id = 2 AND k.check_name = 'accuracy'"))
        .extracting(r -> r.get("status"))
        .containsExactly("FAILED");
    assertThat(new ModelRegistry(ex.resolve("work/registry")).versions("fraud-detector"))
        .hasSize(1);
    assertThat(hooks).hasSize(1);
    assertThat(hooks.get(0)).contains("alert.triggered").contains("production_drift_webhook");
  }
}
